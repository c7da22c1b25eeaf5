import { useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Photo, PhotoOwnerKind } from '../../../../shared/photos'
import { useToast } from '../../components/Toast'
import { useDeletePhoto, useRestorePhoto } from './mutations'
import { PhotoUploadList } from './PhotoUploadList'
import { PhotoViewer, type PhotoSite } from './PhotoViewer'
import { photoAssetUrl, usePhotos } from './queries'
import { usePhotoUploads } from './usePhotoUploads'

const ACCEPT = 'image/jpeg,image/png,image/webp'

/**
 * A site's photos on its detail screen: drop several files (or pick them), each with its progress;
 * a gallery of thumbnails that opens a full-size viewer (360° panoramas in a panorama viewer);
 * delete with undo. `site` is the building or parcel a photo's GPS can place or check.
 */
export function PhotosSection({ ownerKind, ownerId, site }: { ownerKind: PhotoOwnerKind; ownerId: string; site?: PhotoSite }) {
  const { t } = useTranslation('photos')
  const toast = useToast()
  const photos = usePhotos(ownerKind, ownerId)
  const remove = useDeletePhoto()
  const restore = useRestorePhoto()
  const [keepOriginal, setKeepOriginal] = useState(false)
  const [inputKey, setInputKey] = useState(0)
  const [dragging, setDragging] = useState(false)
  const [open, setOpen] = useState<string | null>(null)
  const { uploads, addFiles, dismiss } = usePhotoUploads(ownerKind, ownerId, { tooLarge: (mb) => t('tooLarge', { mb }) })

  const take = (files: FileList | null) => {
    const list = Array.from(files ?? [])
    if (list.length > 0) addFiles(list, keepOriginal)
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    take(e.dataTransfer.files)
  }
  const onDragOver = (e: DragEvent) => {
    if (!Array.from(e.dataTransfer.types).includes('Files')) return
    e.preventDefault()
    e.dataTransfer.dropEffect = 'copy'
    setDragging(true)
  }

  const list = photos.data ?? []
  const openIndex = open ? list.findIndex((p) => p.id === open) : -1
  return (
    <section
      className={`panel photos${dragging ? ' photos--dragging' : ''}`}
      aria-labelledby={`photos-${ownerId}`}
      onDragOver={onDragOver}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={onDrop}
      data-drop-target="photos"
    >
      <div className="photos__head">
        <h2 id={`photos-${ownerId}`}>
          {t('title')} {list.length > 0 && <span className="muted">{t('count', { count: list.length })}</span>}
        </h2>
        <div className="photos__actions">
          <label className="photos__keep" title={t('keepOriginalHint')}>
            <input type="checkbox" name="keepOriginal" checked={keepOriginal} onChange={(e) => setKeepOriginal(e.target.checked)} />
            {t('keepOriginal')}
          </label>
          <label className="button-like">
            {t('add')}
            <input
              key={inputKey}
              type="file"
              name="photoFiles"
              accept={ACCEPT}
              multiple
              hidden
              onChange={(e) => {
                take(e.target.files)
                setInputKey((k) => k + 1)
              }}
            />
          </label>
        </div>
      </div>
      <div className="field__hint">{t('hint')}</div>
      <PhotoUploadList uploads={uploads} onDismiss={dismiss} />
      {list.length === 0 ? (
        <p className="photos__empty">{t('empty')}</p>
      ) : (
        <ul className="photos__grid">
          {list.map((photo) => (
            <li key={photo.id} data-photo-id={photo.id}>
              <button type="button" className="photos__open" onClick={() => setOpen(photo.id)} aria-label={t('open', { name: photoLabel(photo, t('title')) })}>
                <img src={photoAssetUrl(photo.thumbnailPath)} alt={photo.caption ?? t('title')} loading="lazy" />
              </button>
              <span className="photos__badges">
                {photo.isPanorama && <span className="photos__badge">{t('panoramaBadge')}</span>}
                {photo.gps && <span className="photos__badge" title={t('hasGps')}>{t('gpsBadge')}</span>}
              </span>
              {photo.caption && <span className="photos__caption">{photo.caption}</span>}
              <button
                type="button"
                className="icon-button photos__remove"
                aria-label={t('remove')}
                onClick={() => remove.mutate({ id: photo.id }, { onSuccess: () => toast(t('deleted'), () => restore.mutate({ id: photo.id })) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {dragging && <div className="photos__drop-hint">{t('dropHere')}</div>}
      {openIndex >= 0 && (
        <PhotoViewer photos={list} index={openIndex} site={site} onIndex={(i) => setOpen(list[i]!.id)} onClose={() => setOpen(null)} />
      )}
    </section>
  )
}

const photoLabel = (photo: Photo, fallback: string) => photo.caption ?? photo.takenAt?.replace('T', ' ') ?? fallback
