import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupEntry, StoreState } from '../../../../shared/backup'
import { Loading } from '../../components/Page'
import { useToast } from '../../components/Toast'
import { applyLanguage, type Language } from '../../i18n'
import { entryKey, firstUsable, localTime, megabytes, sourceOf } from './backupText'
import { BackupTable } from './BackupTable'
import { useBackupList, useBackupPreview, useBackupStatus } from './queries'
import { RestoreDialog, type RestoreTarget } from './RestoreDialog'
import { RestoreFromFile } from './RestoreFromFile'
import { StorePreview } from './StorePreview'
import './backup.css'

type Unavailable = Extract<StoreState, { state: 'unavailable' }>

/**
 * Shown instead of the app when the data file failed its start-up check (every method but
 * backup.* answers store_unavailable): what is wrong in plain words, the file, the promise that it
 * stays untouched, the newest good backup first, every backup, and 从文件恢复…. Nothing here can
 * lose data: a restore moves the damaged file aside; the app opens once it is done.
 */
export function RecoveryScreen() {
  const { t } = useTranslation('backup')
  const toast = useToast()
  const status = useBackupStatus()
  const list = useBackupList()
  const [target, setTarget] = useState<RestoreTarget | null>(null)
  const store = status.data?.store.state === 'unavailable' ? status.data.store : null
  const restored = (target: RestoreTarget, damagedCopy: string | null) => {
    const what = 'entry' in target ? t('recovery.restored', { when: localTime(target.entry.createdAt) }) : t('restore.doneFile', { name: target.fileName })
    toast(damagedCopy ? `${what} ${t('restore.damagedCopy', { file: damagedCopy })}` : what)
  }
  return (
    <div className="recovery" data-recovery-screen>
      <div className="recovery__page">
        <header className="recovery__header">
          <span className="recovery__app">{t('common:appName')}</span>
          <LanguageSwitch />
        </header>
        <section className="recovery__problem" role="alert">
          <h1>{t(`recovery.titles.${store?.problem ?? 'damaged'}`)}</h1>
          {store ? <ProblemText store={store} /> : status.error ? <p>{status.error.message}</p> : <Loading />}
        </section>
        <section className="panel">
          <h2>{t('recovery.offered')}</h2>
          {list.isPending ? (
            <div className="loading" role="status">{t('recovery.loading')}</div>
          ) : list.error ? (
            <div className="error-box" role="alert">{list.error.message}</div>
          ) : (
            <OfferedBackup entries={list.data ?? []} folder={status.data?.folder} onRestore={(entry) => setTarget({ source: sourceOf(entry), entry })} />
          )}
          <div className="recovery__file">
            <RestoreFromFile onUploaded={({ uploadId, fileName }) => setTarget({ source: { uploadId }, fileName })} />
          </div>
        </section>
        {list.data && list.data.length > 0 && (
          <section className="panel">
            <h2>{t('recovery.all')}</h2>
            <BackupTable entries={list.data} canSave={false} onRestore={(entry) => setTarget({ source: sourceOf(entry), entry })} />
          </section>
        )}
      </div>
      {target && (
        <RestoreDialog
          target={target}
          recovery
          folder={status.data?.folder}
          onClose={() => setTarget(null)}
          onRestored={(result, done) => restored(done, result.damagedCopy)}
        />
      )}
    </div>
  )
}

function ProblemText({ store }: { store: Unavailable }) {
  const { t } = useTranslation('backup')
  return (
    <>
      <p>{t('recovery.body')}</p>
      <p className="recovery__message" data-recovery-message>{store.message}</p>
      <div className="recovery__path">
        <span>{t('recovery.file')}</span>
        <code className="settings__path" data-recovery-file>{store.file}</code>
      </div>
      <p className="recovery__untouched">{t('recovery.untouched')}</p>
      {store.problem === 'newer_schema' && <p>{t('recovery.newerHint')}</p>}
    </>
  )
}

/**
 * The newest backup whose check passes, with what it holds: the newest is checked first, and one
 * refused (damaged too, say) is skipped for the next.
 */
function OfferedBackup({ entries, folder, onRestore }: { entries: readonly BackupEntry[]; folder: string | undefined; onRestore: (entry: BackupEntry) => void }) {
  const { t } = useTranslation('backup')
  const [bad, setBad] = useState<ReadonlySet<string>>(new Set())
  const candidate = firstUsable(entries, bad)
  const preview = useBackupPreview(candidate ? sourceOf(candidate) : null)
  const refused = preview.data?.ok === false || preview.error !== null
  useEffect(() => {
    if (candidate && refused) setBad((prev) => new Set(prev).add(entryKey(candidate)))
  }, [candidate, refused])
  if (!candidate) {
    return (
      <div className="recovery__none" data-recovery-none>
        <p><strong>{t('recovery.none')}</strong></p>
        <p className="field__hint">{t('recovery.noneHint', { folder: folder ?? '…' })}</p>
      </div>
    )
  }
  return (
    <div className="recovery__offered" data-recovery-offered={candidate.id}>
      <div className="recovery__offered-head">
        <strong>{localTime(candidate.createdAt)}</strong>
        <span className="badge">{t(`reasons.${candidate.reason}`)}</span>
        <span>{t(`folders.${candidate.folder}`)}</span>
        <span>{megabytes(candidate.bytes)}</span>
      </div>
      {bad.size > 0 && <p className="field__hint">{t('recovery.skipped', { count: bad.size })}</p>}
      <StorePreview check={preview.data} error={null} pending={preview.isPending || refused} />
      <p className="field__hint">{t('recovery.offeredHint')}</p>
      <button type="button" className="primary" disabled={!preview.data?.ok} onClick={() => onRestore(candidate)}>
        {t('recovery.restoreThis')}
      </button>
    </div>
  )
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  // Only this window's choice: the store that keeps it cannot be written now.
  return (
    <select value={i18n.language} aria-label={t('language.label')} onChange={(e) => void applyLanguage(e.target.value as Language)}>
      <option value="zh">{t('language.zh')}</option>
      <option value="en">{t('language.en')}</option>
    </select>
  )
}
