import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUploadBackupFile } from './mutations'

/**
 * 从文件恢复…: the person picks a backup or an older Site Atlas data file; it is handed to the host
 * (uploaded in the browser, registered where it is in the desktop app), then the restore dialog
 * previews it. Nothing is replaced before that dialog is confirmed.
 */
export function RestoreFromFile({ onUploaded }: { onUploaded: (upload: { uploadId: string; fileName: string }) => void }) {
  const { t } = useTranslation('backup')
  const upload = useUploadBackupFile()
  const [percent, setPercent] = useState(0)
  const [inputKey, setInputKey] = useState(0)
  const choose = (file: File | undefined) => {
    if (!file) return
    setPercent(0)
    upload.mutate(
      { file, onProgress: (sent, total) => setPercent(total > 0 ? Math.round((sent / total) * 100) : 0) },
      {
        onSuccess: ({ uploadId }) => onUploaded({ uploadId, fileName: file.name }),
        // The same file may be chosen again after a refusal or a cancel.
        onSettled: () => setInputKey((k) => k + 1),
      },
    )
  }
  return (
    <div className="backup-from-file">
      <label className={`button-like${upload.isPending ? ' is-disabled' : ''}`}>
        {t('list.fromFile')}
        <input key={inputKey} type="file" name="backupFile" hidden disabled={upload.isPending} onChange={(e) => choose(e.target.files?.[0])} />
      </label>
      {upload.isPending ? (
        <div className="progress backup-from-file__progress" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
          <div className="progress__bar" style={{ width: `${percent}%` }} />
          <span>{t('list.uploading', { percent })}</span>
        </div>
      ) : (
        <span className="field__hint">{t('list.fromFileHint')}</span>
      )}
      {upload.error && <div className="form-error" role="alert">{upload.error.message}</div>}
    </div>
  )
}
