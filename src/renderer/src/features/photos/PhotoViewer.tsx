import { lazy, Suspense, useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { photoPaths, type Photo } from '../../../../shared/photos'
import { PhotoPlace } from './PhotoPlace'
import { photoAssetUrl } from './queries'

// The 360° viewer (three.js underneath) is a chunk of its own, loaded when a panorama is opened.
const PanoramaView = lazy(async () => ({ default: (await import('./PanoramaView')).PanoramaView }))

/** The building or parcel whose photos these are: a photo's GPS can place or check it. */
export interface PhotoSite {
  kind: 'building' | 'parcel'
  id: string
  lng: number | null
  lat: number | null
}

interface Props {
  photos: Photo[]
  index: number
  site?: PhotoSite
  onIndex: (index: number) => void
  onClose: () => void
}

/** A photo full size over the screen: ← → step through the gallery, Esc closes. */
export function PhotoViewer({ photos, index, site, onIndex, onClose }: Props) {
  const { t } = useTranslation('photos')
  const titleId = useId()
  const photo = photos[index]!
  const step = (by: number) => onIndex((index + by + photos.length) % photos.length)
  const close = useRef<HTMLButtonElement>(null)
  // Focus into the viewer, and back to the thumbnail that opened it when it closes.
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    close.current?.focus()
    return () => opener?.focus()
  }, [])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
      else if (e.key === 'ArrowRight' && photos.length > 1) step(1)
      else if (e.key === 'ArrowLeft' && photos.length > 1) step(-1)
      else return
      e.preventDefault()
      e.stopPropagation()
    }
    // Capture: the panorama viewer would take the arrows for turning the view.
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  })

  return (
    <div className="photo-viewer" role="dialog" aria-modal="true" aria-labelledby={titleId} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="photo-viewer__bar">
        <h2 id={titleId}>
          {photo.caption ?? t('title')} <span className="photo-viewer__count">{index + 1} / {photos.length}</span>
        </h2>
        <button ref={close} type="button" className="photo-viewer__close" aria-label={t('close')} onClick={onClose}>×</button>
      </div>
      <div className="photo-viewer__stage" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
        {photo.isPanorama ? (
          <Suspense fallback={<div role="status" className="photo-viewer__loading">{t('panoramaLoading')}</div>}>
            <PanoramaView key={photo.id} src={photoAssetUrl(photo.path)} caption={photo.caption ?? undefined} />
          </Suspense>
        ) : (
          <img key={photo.id} className="photo-viewer__image" src={photoAssetUrl(photo.path)} alt={photo.caption ?? t('title')} width={photo.width} height={photo.height} />
        )}
        {photos.length > 1 && (
          <>
            <button type="button" className="photo-viewer__step photo-viewer__step--prev" aria-label={t('previous')} onClick={() => step(-1)}>‹</button>
            <button type="button" className="photo-viewer__step photo-viewer__step--next" aria-label={t('next')} onClick={() => step(1)}>›</button>
          </>
        )}
      </div>
      <div className="photo-viewer__info">
        <span>{photo.takenAt ? t('takenAt', { at: photo.takenAt.replace('T', ' ') }) : t('noDate')}</span>
        <span>{photo.width} × {photo.height}</span>
        {photo.isPanorama && <span>{t('panoramaHint')}</span>}
        {photo.hasOriginal && (
          <a href={photoAssetUrl(photoPaths(photo.id).original)} download>
            {t('original')}
          </a>
        )}
        {photo.gps && <PhotoPlace key={photo.id} at={photo.gps} site={site} />}
      </div>
    </div>
  )
}
