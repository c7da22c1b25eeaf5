// Photos of sites: what the card and the detail screens show, and the limits of what is kept.
// Input schemas are in schemas/photos.ts.

export const PHOTO_OWNER_KINDS = ['building', 'parcel', 'park'] as const
export type PhotoOwnerKind = (typeof PHOTO_OWNER_KINDS)[number]

export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export type PhotoMime = (typeof PHOTO_MIME_TYPES)[number]

/**
 * The file as handed to us: a phone photo is 2–6 MB, a phone's 360° panorama 10–25 MB. What is
 * kept is re-encoded far smaller (PHOTO_LONG_EDGE), so this bounds only the upload and the decode.
 */
export const MAX_PHOTO_BYTES = 40 * 1024 * 1024

/**
 * Pixels a file may declare, read from its header before anything is decoded: a 360° camera's
 * 11968 × 5984 fits, a 20000 × 20000 image (or a header claiming 2³¹ × 2³¹) is refused.
 */
export const MAX_PHOTO_PIXELS = 100_000_000

/** The long edge a photo is kept at (px): sharp on any screen, a few hundred KB as JPEG. */
export const PHOTO_LONG_EDGE = 2560
/** A 360° panorama is looked around at close range: kept larger, within 8192 × 4096 (what WebGL textures take everywhere). */
export const PANORAMA_MAX = { width: 8192, height: 4096 } as const
/** The gallery's thumbnails (px, long edge). */
export const THUMBNAIL_EDGE = 320

/** A photo's GPS position and a site's position further apart than this are worth a warning (m). */
export const PHOTO_SITE_WARN_METRES = 300

export interface PhotoPosition {
  lng: number
  lat: number
}

export interface Photo {
  id: string
  ownerKind: PhotoOwnerKind
  ownerId: string
  mime: PhotoMime
  /** bytes */
  size: number
  width: number
  height: number
  caption: string | null
  sortOrder: number
  createdAt: string
  isDemo: boolean
  /** Relative URL of the image, served by the host (browser: /photos/<id>; Electron: app://site-atlas/photos/<id>). */
  path: string
  /** Relative URL of its thumbnail (photos/<id>/thumb); the image itself for a photo stored before thumbnails. */
  thumbnailPath: string
  /** When it was taken, from its EXIF (local date-time as the camera recorded it, 2024-05-01T10:20:30). */
  takenAt: string | null
  /** Where it was taken (WGS-84, as phones record it), from its EXIF. */
  gps: PhotoPosition | null
  /** A 360° equirectangular panorama, opened in the panorama viewer. */
  isPanorama: boolean
  /** The file as it came is kept too, served at photos/<id>/original. */
  hasOriginal: boolean
}

/** The asset paths of a photo, one place for the store and the renderer. */
export const photoPaths = (id: string) => ({ image: `photos/${id}`, thumbnail: `photos/${id}/thumb`, original: `photos/${id}/original` })

/**
 * Is an image a 360° panorama? Its XMP says so (GPano:ProjectionType, as phones and 360° cameras
 * write it), or, lacking that, its shape does: exactly 2:1 and at least 4000 px wide, which an
 * ordinary photo never is.
 */
export function looksLikePanorama(width: number, height: number, projection: string | null | undefined): boolean {
  if (projection) return projection.trim().toLowerCase() === 'equirectangular'
  return width >= 4000 && Math.abs(width / height - 2) < 0.01
}

