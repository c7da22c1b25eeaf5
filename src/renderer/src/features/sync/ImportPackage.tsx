import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PACKAGE_EXTENSION } from '../../../../shared/sync'
import { localTime } from '../backup/backupText'
import { useImportPackage, useUploadPackage } from './mutations'
import { pendingTitle } from './syncText'

/**
 * 导入同事的修改…: the file is handed to the host (progress while it uploads), merged (busy while
 * it runs), and what it brought is said: N 条新修改, M 个冲突, with the way to the review.
 */
export function ImportPackage() {
  const { t } = useTranslation('sync')
  const upload = useUploadPackage()
  const merge = useImportPackage()
  const [percent, setPercent] = useState(0)
  const [inputKey, setInputKey] = useState(0)
  const busy = upload.isPending || merge.isPending
  const choose = (file: File | undefined) => {
    if (!file) return
    setPercent(0)
    merge.reset()
    upload.mutate(
      { file, onProgress: (sent, total) => setPercent(total > 0 ? Math.round((sent / total) * 100) : 0) },
      {
        onSuccess: ({ uploadId }) => merge.mutate({ uploadId }),
        // The same file may be chosen again (importing twice changes nothing).
        onSettled: () => setInputKey((k) => k + 1),
      },
    )
  }
  const s = merge.data
  return (
    <div className="sync-import">
      <div className="sync-actions">
        <label className={`button-like${busy ? ' is-disabled' : ''}`}>
          {t('import.button')}
          <input key={inputKey} type="file" name="syncPackage" accept={`${PACKAGE_EXTENSION},.gz,application/gzip`} hidden disabled={busy} onChange={(e) => choose(e.target.files?.[0])} />
        </label>
        {upload.isPending && (
          <div className="progress sync-import__progress" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
            <div className="progress__bar" style={{ width: `${percent}%` }} />
            <span>{t('import.uploading', { percent })}</span>
          </div>
        )}
        {merge.isPending && (
          <div className="progress sync-import__progress" role="progressbar" aria-busy="true" aria-label={t('import.merging')}>
            <div className="progress__bar progress__bar--busy" />
            <span>{t('import.merging')}</span>
          </div>
        )}
        {!busy && !s && <span className="field__hint">{t('import.hint')}</span>}
      </div>
      {s && !busy && (
        <div className="sync-import__summary" role="status" data-sync-import={`${s.applied}/${s.conflicts}`}>
          <div className="sync-import__line">
            <strong>{t('import.summary', { applied: s.applied, conflicts: s.conflicts })}</strong>
            {s.conflicts > 0 ? (
              s.newConflicts > 0 && <span>{t('import.newConflicts', { count: s.newConflicts })}</span>
            ) : (
              <span className="sync-ok">{t('import.allMerged')}</span>
            )}
            {s.conflicts > 0 && <Link to="/sync/conflicts" className="button-like sync-import__review">{t('import.review')}</Link>}
          </div>
          <div className="sync-import__line sync-muted">
            {s.from && <span>{t('import.from', { actor: s.from.actor, when: localTime(s.from.createdAt) })}</span>}
            {s.skipped > 0 && <span>{t('import.skipped', { count: s.skipped })}</span>}
            {s.pendingRows > 0 && (
              <span className="sync-import__pending" data-sync-import-pending={s.pendingRows} title={pendingTitle(s.pendingRows, s.pending)}>
                {t('import.pending', { count: s.pendingRows })}
              </span>
            )}
          </div>
        </div>
      )}
      {upload.error && <div className="form-error" role="alert">{upload.error.message}</div>}
      {merge.error && <div className="form-error" role="alert">{merge.error.message}</div>}
    </div>
  )
}
