import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupEntry, BackupSource, RestoreResult } from '../../../../shared/backup'
import { Dialog } from '../../components/Dialog'
import { localTime } from './backupText'
import { useRestoreBackup } from './mutations'
import { useBackupPreview } from './queries'
import { StorePreview } from './StorePreview'

/** What is being restored: a backup of the list, or a file the person handed over. */
export type RestoreTarget = { source: BackupSource; entry: BackupEntry } | { source: BackupSource; fileName: string }

interface Props {
  target: RestoreTarget
  /** The data file failed its start-up check: it is moved aside, not backed up first. */
  recovery?: boolean
  /** The local backups folder, where the safety backup goes. */
  folder: string | undefined
  onClose: () => void
  /** Told once the restore succeeded (the recovery screen is gone by then: the app opens). */
  onRestored?: (result: RestoreResult, target: RestoreTarget) => void
}

/**
 * The restore confirmation: what happens in plain words, what the backup holds (or why it is
 * refused: then nothing can be confirmed), a busy state while the store is replaced, and where
 * the data as it was went.
 */
export function RestoreDialog({ target, recovery = false, folder, onClose, onRestored }: Props) {
  const { t } = useTranslation('backup')
  const preview = useBackupPreview(target.source)
  const restore = useRestoreBackup()
  const [result, setResult] = useState<RestoreResult | null>(null)
  const title = 'entry' in target ? t('restore.title') : t('restore.fileTitle')
  const close = restore.isPending ? () => undefined : onClose
  const refused = preview.data !== undefined && !preview.data.ok
  const confirm = () => {
    restore
      .mutateAsync({ source: target.source })
      .then((r) => {
        setResult(r)
        onRestored?.(r, target)
      })
      .catch(() => undefined)
  }

  if (result) return <RestoreDone result={result} target={target} folder={folder} onClose={onClose} />
  return (
    <Dialog title={title} onClose={close} wide>
      <p className="backup-restore__what">
        {'entry' in target ? t('restore.what', { when: localTime(target.entry.createdAt) }) : t('restore.whatFile', { name: target.fileName })}
      </p>
      <StorePreview check={preview.data} error={preview.error} pending={preview.isPending} />
      {!refused && !preview.error && (
        <ol className="backup-restore__steps">
          <li>{recovery ? t('restore.stepDamaged') : t('restore.step1', { folder: folder ?? '…' })}</li>
          <li>{recovery ? t('restore.stepAfter') : t('restore.step2')}</li>
        </ol>
      )}
      {restore.isPending && (
        <div className="progress" role="progressbar" aria-busy="true">
          <div className="progress__bar progress__bar--busy" />
          <span>{t('restore.busy')}</span>
        </div>
      )}
      {restore.error && <div className="error-box" role="alert" data-restore-error>{restore.error.message}</div>}
      <div className="modal__actions">
        <button type="button" className="danger" disabled={!preview.data?.ok || restore.isPending} onClick={confirm} data-restore-confirm>
          {t('restore.confirm')}
        </button>
        <button type="button" disabled={restore.isPending} onClick={onClose}>{t('common:actions.cancel')}</button>
      </div>
    </Dialog>
  )
}

function RestoreDone({ result, target, folder, onClose }: { result: RestoreResult; target: RestoreTarget; folder: string | undefined; onClose: () => void }) {
  const { t } = useTranslation('backup')
  return (
    <Dialog title={'entry' in target ? t('restore.title') : t('restore.fileTitle')} onClose={onClose} wide>
      <div className="backup-restore__done" role="status" data-restore-done>
        <p><strong>{'entry' in target ? t('restore.done', { when: localTime(target.entry.createdAt) }) : t('restore.doneFile', { name: target.fileName })}</strong></p>
        {result.safetyBackup && <p>{t('restore.safety', { file: result.safetyBackup.id, folder: result.safetyBackup.folder === 'local' && folder ? folder : t(`folders.${result.safetyBackup.folder}`) })}</p>}
        {result.damagedCopy && <p>{t('restore.damagedCopy', { file: result.damagedCopy })}</p>}
      </div>
      <div className="modal__actions">
        <button type="button" className="primary" onClick={onClose}>{t('common:actions.close')}</button>
      </div>
    </Dialog>
  )
}
