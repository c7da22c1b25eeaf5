import { useTranslation } from 'react-i18next'
import type { PhotoUpload } from './usePhotoUploads'

/** One row per file being added: its progress, or why it was refused. */
export function PhotoUploadList({ uploads, onDismiss }: { uploads: PhotoUpload[]; onDismiss: (key: number) => void }) {
  const { t } = useTranslation('photos')
  if (uploads.length === 0) return null
  return (
    <ul className="photo-uploads" aria-label={t('uploads')}>
      {uploads.map((u) => (
        <li key={u.key} className={`photo-uploads__row photo-uploads__row--${u.state}`} data-upload-state={u.state}>
          <span className="photo-uploads__name" title={u.name}>{u.name}</span>
          {u.state === 'failed' ? (
            <>
              <span className="form-error" role="alert">{u.error}</span>
              <button type="button" className="icon-button" aria-label={t('dismiss')} onClick={() => onDismiss(u.key)}>×</button>
            </>
          ) : (
            <>
              <progress max={1} value={u.state === 'processing' ? undefined : u.sent} aria-label={u.name} />
              <span className="photo-uploads__state" role={u.state === 'done' ? undefined : 'status'}>
                {t(`state.${u.state}`, { percent: Math.round(u.sent * 100) })}
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  )
}
