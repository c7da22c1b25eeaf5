// Photos of sites: what the card and the detail screens show, and the limits of what is kept.
// Input schemas are in schemas/photos.ts.

export const PHOTO_OWNER_KINDS = ['building', 'parcel', 'park'] as const
export type PhotoOwnerKind = (typeof PHOTO_OWNER_KINDS)[number]

export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export type PhotoMime = (typeof PHOTO_MIME_TYPES)[number]

/** A phone photo is 2–6 MB; anything much larger is a scan or a panorama that slows every backup. */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024

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
}
