import { useTranslation } from 'react-i18next'
import type { BackupEntry } from '../../../../shared/backup'
import { useToast } from '../../components/Toast'
import { localTime, megabytes, saveNameOf } from './backupText'
import { useCreateBackup, useSaveBackupFile } from './mutations'

/** 立即备份: a manual backup with a busy state, then 另存为… to put a copy where the person chooses. */
export function BackupNow() {
  const { t } = useTranslation('backup')
  const create = useCreateBackup()
  const made = create.data
  return (
    <div className="backup-now" data-backup-now>
      <div className="backup-now__row">
        <button type="button" className="primary" disabled={create.isPending} aria-busy={create.isPending} onClick={() => create.mutate({})}>
          {create.isPending ? t('now.busy') : t('now.button')}
        </button>
        {create.isPending && (
          <div className="progress backup-now__progress" role="progressbar" aria-busy="true" aria-label={t('now.busy')}>
            <div className="progress__bar progress__bar--busy" />
          </div>
        )}
        {made && !create.isPending && (
          <span className="backup-now__done" role="status" data-backup-made={made.id}>
            {t('now.done', { when: localTime(made.createdAt), size: megabytes(made.bytes) })}
          </span>
        )}
        {made && !create.isPending && <SaveAsButton entry={made} />}
      </div>
      {create.error && <div className="form-error" role="alert">{create.error.message}</div>}
      <div className="field__hint">{made ? t('now.saveHint') : t('now.hint')}</div>
    </div>
  )
}

/** 另存为…: a download in the browser, the save dialog in the desktop app. */
export function SaveAsButton({ entry, small }: { entry: BackupEntry; small?: boolean }) {
  const { t } = useTranslation('backup')
  const toast = useToast()
  const save = useSaveBackupFile()
  return (
    <>
      <button
        type="button"
        className={small ? 'link-button' : undefined}
        disabled={save.isPending}
        onClick={() => save.mutate({ assetPath: entry.assetPath, fileName: saveNameOf(entry) }, { onSuccess: (r) => r.saved && toast(t('now.saved')) })}
      >
        {small ? t('list.saveAs') : t('now.saveAs')}
      </button>
      {save.error && <span className="field__error" role="alert">{save.error.message}</span>}
    </>
  )
}
