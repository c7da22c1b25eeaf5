import { useTranslation } from 'react-i18next'
import { checkPhotoPlace, formatDistance } from '../../../../shared/photoPlace'
import type { PhotoPosition } from '../../../../shared/photos'
import { usePlaceSiteAtPhoto } from './mutations'
import type { PhotoSite } from './PhotoViewer'

/**
 * 拍摄位置: where a photo was taken and what that says about its site: place a site that has no
 * position there, or, when it has one, how far apart they are (a warning beyond 300 m, with the
 * choice to move the site).
 */
export function PhotoPlace({ at, site }: { at: PhotoPosition; site?: PhotoSite }) {
  const { t, i18n } = useTranslation('photos')
  const place = usePlaceSiteAtPhoto()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const check = site && checkPhotoPlace(at, site)
  const move = (label: string, className?: string) =>
    site && (
      <button type="button" className={className} disabled={place.isPending} onClick={() => place.mutate({ kind: site.kind, id: site.id, at })}>
        {label}
      </button>
    )
  return (
    <div className="photo-place" data-photo-place={check?.kind ?? 'none'}>
      <div>
        <strong>{t('place.title')}</strong> <span className="photo-place__coords">{at.lng.toFixed(6)}, {at.lat.toFixed(6)}</span>
      </div>
      {check?.kind === 'place' && (
        <div className="photo-place__row">
          <span>{t('place.noPosition')}</span>
          {move(t('place.placeHere'), 'primary')}
        </div>
      )}
      {check?.kind === 'near' && <div className="photo-place__row muted">{t('place.near', { distance: formatDistance(check.metres, lang) })}</div>}
      {check?.kind === 'far' && (
        <div className="photo-place__row">
          <span className="photo-place__warn" role="alert">{t('place.far', { distance: formatDistance(check.metres, lang), site: t(`place.site.${site?.kind ?? 'building'}`) })}</span>
          {move(t('place.moveHere'))}
        </div>
      )}
      {place.isSuccess && <div role="status" className="photo-place__done">{t('place.done')}</div>}
      {place.error && <div className="form-error" role="alert">{place.error.message}</div>}
    </div>
  )
}
