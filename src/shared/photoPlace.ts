import distance from '@turf/distance'
import { PHOTO_SITE_WARN_METRES, type PhotoPosition } from './photos'

// What a photo's GPS position can do for the site it belongs to: place a site that has no
// position yet, or check one that has (both WGS-84, the store's and the phone's system).

export type PhotoPlaceCheck =
  | { kind: 'place' }
  | { kind: 'near'; metres: number }
  | { kind: 'far'; metres: number }

export function checkPhotoPlace(photo: PhotoPosition, site: { lng: number | null; lat: number | null }): PhotoPlaceCheck {
  if (site.lng == null || site.lat == null) return { kind: 'place' }
  const metres = distance([site.lng, site.lat], [photo.lng, photo.lat], { units: 'meters' })
  return metres > PHOTO_SITE_WARN_METRES ? { kind: 'far', metres } : { kind: 'near', metres }
}

/** A distance as people say it: "850 米" below a kilometre, "1.2 公里" from one on (English: m / km). */
export function formatDistance(metres: number, lang: 'zh' | 'en' = 'zh'): string {
  if (metres < 1000) return lang === 'zh' ? `${Math.round(metres)} 米` : `${Math.round(metres)} m`
  const km = metres >= 10_000 ? Math.round(metres / 1000).toString() : (Math.round(metres / 100) / 10).toFixed(1)
  return lang === 'zh' ? `${km} 公里` : `${km} km`
}
