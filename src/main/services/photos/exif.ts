import type { PhotoPosition } from '../../../shared/photos'

// What a photo's metadata says about where and when it was taken, and whether it is a 360°
// panorama, read with exifr (EXIF, GPS IFD, XMP). Metadata is a hint: anything missing, malformed
// or out of range is left out rather than refusing the photo.

export interface PhotoMeta {
  /** Local date-time as the camera wrote it, ISO without a zone (2024-05-01T10:20:30). */
  takenAt: string | null
  /** WGS-84, as phones record it. */
  gps: PhotoPosition | null
  /** XMP GPano:ProjectionType, when present. */
  projection: string | null
}

const NONE: PhotoMeta = { takenAt: null, gps: null, projection: null }

// Only the blocks we read: no ICC, IPTC, thumbnails or maker notes are parsed. Raw values (no
// revival into Date): a camera's date has no zone, and a Date would put it in this machine's.
const OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  xmp: true,
  icc: false,
  iptc: false,
  jfif: false,
  ihdr: false,
  interop: false,
  ifd1: false,
  makerNote: false,
  userComment: false,
  reviveValues: false,
  translateValues: false,
  mergeOutput: true,
} as const

export async function readPhotoMeta(bytes: Uint8Array): Promise<PhotoMeta> {
  let raw: Record<string, unknown> | undefined
  try {
    const { default: exifr } = await import('exifr') // loaded with the first photo, like sharp
    raw = (await exifr.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), OPTIONS)) as Record<string, unknown> | undefined
  } catch {
    return NONE
  }
  if (!raw) return NONE
  return {
    takenAt: exifDateTime(raw.DateTimeOriginal ?? raw.CreateDate ?? raw.DateTime),
    gps: position(raw.longitude, raw.latitude),
    projection: typeof raw.ProjectionType === 'string' ? raw.ProjectionType : null,
  }
}

/** EXIF's "YYYY:MM:DD HH:MM:SS" as ISO local date-time; null for anything else (blank "    :  :  "). */
export function exifDateTime(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim())
  if (!m) return null
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number]
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`
}

/** A GPS fix worth keeping: finite, on the globe, and not the 0,0 a phone writes without a fix. */
export function position(lng: unknown, lat: unknown): PhotoPosition | null {
  if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) return null
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90 || (lng === 0 && lat === 0)) return null
  return { lng: Math.round(lng * 1e7) / 1e7, lat: Math.round(lat * 1e7) / 1e7 }
}
