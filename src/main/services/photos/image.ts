import { imageSize } from 'image-size'
import { DomainError } from '../../../shared/result'
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, type PhotoMime } from '../../../shared/photos'

// What a photo file really is, read from its bytes (never from its name): JPEG, PNG or WebP, with
// its pixel size from the image header (image-size). Both limits are checked here, before any
// decoder sees the file: a header can claim any size, and a decoder would allocate for it.

const SIGNATURES: Array<[PhotoMime, (b: Uint8Array) => boolean]> = [
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/png', (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)],
  ['image/webp', (b) => String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP'],
]

export interface CheckedImage {
  mime: PhotoMime
  width: number
  height: number
}

const MB = 1024 * 1024

/** Refuses a file larger than MAX_PHOTO_BYTES: throws, naming its size and the limit. */
export function checkPhotoSize(size: number): void {
  if (size > MAX_PHOTO_BYTES) {
    throw new DomainError('invalid', `照片：文件过大（${(size / MB).toFixed(1)} MB），不能超过 ${MAX_PHOTO_BYTES / MB} MB`, 'uploadId')
  }
}

/** The photo type the bytes begin with, or undefined. */
export const sniffPhotoMime = (bytes: Uint8Array): PhotoMime | undefined => SIGNATURES.find(([, test]) => test(bytes))?.[0]

export function checkImage(bytes: Uint8Array): CheckedImage {
  if (bytes.byteLength === 0) throw new DomainError('invalid', '照片：文件是空的', 'uploadId')
  checkPhotoSize(bytes.byteLength)
  const mime = sniffPhotoMime(bytes)
  if (!mime) throw new DomainError('invalid', '照片：只支持 JPEG、PNG 或 WebP 图片', 'uploadId')
  let size: { width?: number; height?: number }
  try {
    size = imageSize(bytes)
  } catch {
    throw new DomainError('invalid', '照片：图片已损坏，无法读取尺寸', 'uploadId')
  }
  if (!size.width || !size.height) throw new DomainError('invalid', '照片：图片已损坏，无法读取尺寸', 'uploadId')
  checkPixels(size.width, size.height)
  return { mime, width: size.width, height: size.height }
}

/** Refuses an image whose header declares more than MAX_PHOTO_PIXELS, naming its size and the limit. */
export function checkPixels(width: number, height: number): void {
  if (width * height > MAX_PHOTO_PIXELS) {
    throw new DomainError(
      'invalid',
      `照片：图片尺寸过大（${width} × ${height} 像素），不能超过 ${MAX_PHOTO_PIXELS / 1e8} 亿像素`,
      'uploadId',
    )
  }
}
