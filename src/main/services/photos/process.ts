import type sharpModule from 'sharp'
import { DomainError } from '../../../shared/result'
import { MAX_PHOTO_PIXELS, PANORAMA_MAX, PHOTO_LONG_EDGE, THUMBNAIL_EDGE, looksLikePanorama, type PhotoMime } from '../../../shared/photos'
import { readPhotoMeta } from './exif'
import { checkImage, checkPixels } from './image'

// A photo as it is kept: turned upright by its EXIF orientation, downscaled and re-encoded (JPEG,
// or WebP when it has transparency), a thumbnail beside it, its date, position and panorama flag
// read from its metadata, and the file as it came only when the person asked for it.
// sharp decodes on libuv's thread pool, so the process answers other calls meanwhile; every
// pipeline has a deadline, and the pixel limit is checked from the header before any decoding.

// Loaded on the first photo: the Electron main process and the store workers share their chunks,
// and neither should pay for libvips at start-up.
let loading: Promise<typeof sharpModule> | undefined
const loadSharp = () => (loading ??= import('sharp').then((m) => m.default))

/** Seconds one sharp pipeline may take before the photo is refused (a 100 MP JPEG takes ~2 s). */
export const PHOTO_DEADLINE_SECONDS = 20

export interface ProcessedPhoto {
  mime: PhotoMime
  bytes: Buffer
  width: number
  height: number
  thumbnail: Buffer
  original: Uint8Array | null
  takenAt: string | null
  gpsLng: number | null
  gpsLat: number | null
  isPanorama: boolean
}

export async function processPhoto(file: Uint8Array, options: { keepOriginal?: boolean; deadlineSeconds?: number } = {}): Promise<ProcessedPhoto> {
  checkImage(file) // type, bytes and declared pixels, before anything is decoded
  const seconds = options.deadlineSeconds ?? PHOTO_DEADLINE_SECONDS
  const sharp = await loadSharp()
  const input = () => sharp(file, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error', sequentialRead: true })
  const [header, meta] = await Promise.all([decoding(() => input().metadata()), readPhotoMeta(file)])
  // Upright size: a portrait phone photo is stored landscape with an orientation tag.
  const width = header.autoOrient?.width ?? header.width
  const height = header.autoOrient?.height ?? header.height
  if (!width || !height) throw new DomainError('invalid', '照片：图片已损坏，无法读取尺寸', 'uploadId')
  checkPixels(width, height * (header.pages ?? 1))
  const isPanorama = looksLikePanorama(width, height, meta.projection)
  const box = isPanorama ? PANORAMA_MAX : { width: PHOTO_LONG_EDGE, height: PHOTO_LONG_EDGE }
  const webp = header.hasAlpha === true

  const pipeline = input().autoOrient().resize({ ...box, fit: 'inside', withoutEnlargement: true }).timeout({ seconds })
  const main = await decoding(() =>
    (webp ? pipeline.webp({ quality: 85 }) : pipeline.jpeg({ quality: 82, progressive: true })).toBuffer({ resolveWithObject: true }),
  )
  // The thumbnail from the downscaled image: a second decode of a small file, not of the original.
  const thumbnail = await decoding(() =>
    sharp(main.data)
      .resize({ width: THUMBNAIL_EDGE, height: THUMBNAIL_EDGE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 75 })
      .timeout({ seconds })
      .toBuffer(),
  )
  return {
    mime: webp ? 'image/webp' : 'image/jpeg',
    bytes: main.data,
    width: main.info.width,
    height: main.info.height,
    thumbnail,
    original: options.keepOriginal ? file : null,
    takenAt: meta.takenAt,
    gpsLng: meta.gps?.lng ?? null,
    gpsLat: meta.gps?.lat ?? null,
    isPanorama,
  }
}

/** Runs a sharp step, turning its failures into the sentence the person sees. */
async function decoding<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (error) {
    if (error instanceof DomainError) throw error
    const message = error instanceof Error ? error.message : String(error)
    if (/timeout/i.test(message)) throw new DomainError('invalid', '照片：处理超时，图片可能已损坏或过于复杂', 'uploadId')
    if (/pixel limit/i.test(message)) throw new DomainError('invalid', `照片：图片尺寸过大，不能超过 ${MAX_PHOTO_PIXELS / 1e8} 亿像素`, 'uploadId')
    throw new DomainError('invalid', '照片：图片已损坏，无法解码', 'uploadId')
  }
}
