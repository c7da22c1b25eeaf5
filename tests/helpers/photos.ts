import zlib from 'node:zlib'
import sharp from 'sharp'

// Photo files made by the tests themselves: a phone JPEG with EXIF date, GPS and orientation
// (written by sharp/libvips from the tags given), a 360° panorama with GPano XMP, and PNG headers
// that claim sizes no decoder should be asked to allocate.

export interface PhoneJpeg {
  width: number
  height: number
  /** EXIF DateTimeOriginal, "YYYY:MM:DD HH:MM:SS". */
  taken?: string
  /** Degrees, WGS-84; written as degrees/minutes/seconds rationals with N/S and E/W refs. */
  gps?: { lng: number; lat: number }
  /** EXIF orientation (6: the camera was turned 90° clockwise). */
  orientation?: number
  /** XMP GPano:ProjectionType. */
  projection?: string
  /** An alpha channel (written as PNG). */
  alpha?: boolean
}

/** Degrees as the EXIF GPS rational triple "d/1 m/1 s×100/100". */
function dms(value: number): string {
  const abs = Math.abs(value)
  const d = Math.floor(abs)
  const m = Math.floor((abs - d) * 60)
  const s = Math.round(((abs - d) * 60 - m) * 60 * 10000)
  return `${d}/1 ${m}/1 ${s}/10000`
}

/**
 * A street scene to look at: sky, ground, a row of towers along the horizon (each a different
 * colour, so a turned or squashed image shows) and a grid, as SVG for sharp to draw.
 */
function scene(width: number, height: number, alpha: boolean): string {
  const horizon = height * 0.55
  const towers = Array.from({ length: 12 }, (_, i) => {
    const w = width / 18
    const h = height * (0.12 + ((i * 37) % 23) / 100)
    const x = (i * width) / 12 + w / 3
    return `<rect x="${x}" y="${horizon - h}" width="${w}" height="${h}" fill="hsl(${i * 30}, 55%, 55%)"/>`
  }).join('')
  const grid = Array.from({ length: 9 }, (_, i) => `<line x1="${((i + 1) * width) / 10}" y1="0" x2="${((i + 1) * width) / 10}" y2="${height}" stroke="#fff" stroke-opacity=".35" stroke-width="${width / 800}"/>`).join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="${horizon}" fill="#8ec5ee" fill-opacity="${alpha ? 0.5 : 1}"/>
    <rect y="${horizon}" width="100%" height="${height - horizon}" fill="#6f7f5c"/>
    ${towers}${grid}</svg>`
}

export async function phoneJpeg(spec: PhoneJpeg): Promise<Buffer> {
  const { width, height } = spec
  let image = sharp(Buffer.from(scene(width, height, spec.alpha === true)))
  const exif: Record<string, Record<string, string>> = {}
  if (spec.taken) exif.IFD2 = { DateTimeOriginal: spec.taken }
  if (spec.gps) {
    exif.IFD3 = {
      GPSLatitudeRef: spec.gps.lat >= 0 ? 'N' : 'S',
      GPSLatitude: dms(spec.gps.lat),
      GPSLongitudeRef: spec.gps.lng >= 0 ? 'E' : 'W',
      GPSLongitude: dms(spec.gps.lng),
    }
  }
  if (Object.keys(exif).length > 0) image = image.withExif(exif)
  if (spec.orientation) image = image.withMetadata({ orientation: spec.orientation })
  if (spec.projection) {
    image = image.withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        `<rdf:Description rdf:about="" xmlns:GPano="http://ns.google.com/photos/1.0/panorama/" GPano:ProjectionType="${spec.projection}" GPano:UsePanoramaViewer="True"/>` +
        '</rdf:RDF></x:xmpmeta>',
    )
  }
  return spec.alpha ? image.png().toBuffer() : image.jpeg({ quality: 80 }).toBuffer()
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.byteLength)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A valid PNG header declaring width × height, followed by a little real image data. */
export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 0, 0, 0, 0], 8) // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(64 * 1024))),
    pngChunk('IEND', new Uint8Array()),
  ])
}
