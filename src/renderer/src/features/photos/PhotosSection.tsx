import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PhotoOwnerKind } from '../../../../shared/photos'
import { useToast } from '../../components/Toast'
import { useAddPhoto, useDeletePhoto, useRestorePhoto } from './mutations'
import { photoUrl, usePhotos } from './queries'

/** A site's photos on its detail screen: thumbnails, add from files, delete with undo. */
export function PhotosSection({ ownerKind, ownerId }: { ownerKind: PhotoOwnerKind; ownerId: string }) {
  const { t } = useTranslation('photos')
  const toast = useToast()
  const photos = usePhotos(ownerKind, ownerId)
  const add = useAddPhoto()
  const remove = useDeletePhoto()
  const restore = useRestorePhoto()
  const [inputKey, setInputKey] = useState(0)

  const addFiles = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      try {
        await add.mutateAsync({ ownerKind, ownerId, file })
      } catch {
        break // the error is shown below; the files after it are not tried
      }
    }
    setInputKey((k) => k + 1)
  }

  const list = photos.data ?? []
  return (
    <section className="panel photos" aria-labelledby={`photos-${ownerId}`}>
      <div className="photos__head">
        <h2 id={`photos-${ownerId}`}>{t('title')}</h2>
        <label className="button-like">
          {t('add')}
          <input key={inputKey} type="file" name="photoFiles" accept="image/jpeg,image/png,image/webp" multiple hidden onChange={(e) => void addFiles(e.target.files)} />
        </label>
      </div>
      <div className="field__hint">{t('hint')}</div>
      {add.isPending && <div role="status">{t('adding')}</div>}
      {add.error && <div className="form-error" role="alert">{add.error.message}</div>}
      {list.length === 0 ? (
        <p className="photos__empty">{t('empty')}</p>
      ) : (
        <ul className="photos__grid">
          {list.map((photo) => (
            <li key={photo.id} data-photo-id={photo.id}>
              <img src={photoUrl(photo.id)} alt={photo.caption ?? t('title')} loading="lazy" />
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
    </section>
  )
}
