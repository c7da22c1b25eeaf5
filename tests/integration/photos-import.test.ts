import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { PHOTO_LONG_EDGE, THUMBNAIL_EDGE } from '../../src/shared/photos'
import { phoneJpeg, pngClaiming } from '../helpers/photos'
import { freshAppPerTest, pickFile } from '../helpers/store'

// The import pipeline as a person meets it: a phone photo is turned upright, downscaled and
// given a thumbnail; its date and position come from its EXIF; a 360° panorama is recognised
// and kept larger; a file whose header claims an absurd size is refused before decoding; the
// file as it came is kept only when asked.
describe('photo import pipeline', { timeout: 20_000 }, () => {
  const t = freshAppPerTest()

  const building = async () => (await t.app.ok('buildings.create', { name: '华润大厦', districtCode: '210102' })).id
  const add = async (ownerId: string, name: string, bytes: Uint8Array, extra: { keepOriginal?: boolean } = {}) => {
    const file = path.join(t.dir, name)
    fs.writeFileSync(file, bytes)
    return t.app.call('photos.add', { ownerKind: 'building', ownerId, uploadId: await pickFile(t.app, file), ...extra })
  }
  const served = async (assetPath: string) => {
    const asset = await t.app.services.readAsset(`/${assetPath}`)
    if (!asset || asset === 'bad' || !('bytes' in asset)) throw new Error(`nothing served at ${assetPath}`)
    return asset
  }

  it('downscales a phone photo keeping its aspect, makes a thumbnail and reads its date and GPS', async () => {
    const ownerId = await building()
    const jpeg = await phoneJpeg({ width: 4000, height: 3000, taken: '2025:04:18 09:41:07', gps: { lng: 123.4321, lat: 41.8012 } })
    const result = await add(ownerId, 'IMG_0001.jpg', jpeg)
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const photo = result.value
    expect(photo).toMatchObject({ mime: 'image/jpeg', width: PHOTO_LONG_EDGE, height: PHOTO_LONG_EDGE * 0.75, takenAt: '2025-04-18T09:41:07', isPanorama: false, hasOriginal: false })
    expect(photo.gps!.lng).toBeCloseTo(123.4321, 5)
    expect(photo.gps!.lat).toBeCloseTo(41.8012, 5)
    expect(photo.thumbnailPath).toBe(`photos/${photo.id}/thumb`)

    const image = await served(photo.path)
    expect(image.contentType).toBe('image/jpeg')
    expect(photo.size).toBe(image.bytes.byteLength)
    expect(image.bytes.byteLength).toBeLessThan(jpeg.byteLength)
    const imageMeta = await sharp(image.bytes).metadata()
    expect([imageMeta.width, imageMeta.height]).toEqual([2560, 1920])

    const thumb = await served(photo.thumbnailPath)
    expect(thumb.contentType).toBe('image/jpeg')
    const thumbMeta = await sharp(thumb.bytes).metadata()
    expect([thumbMeta.width, thumbMeta.height]).toEqual([THUMBNAIL_EDGE, THUMBNAIL_EDGE * 0.75])
    // Not kept, not served.
    expect(await t.app.services.readAsset(`/photos/${photo.id}/original`)).toBeNull()
    expect(await t.app.services.readAsset(`/photos/${photo.id}/other`)).toBe('bad')
    // Listed the same way.
    expect((await t.app.ok('photos.list', { ownerKind: 'building', ownerId }))[0]).toEqual(photo)
  })

  it('turns a photo upright by its EXIF orientation', async () => {
    const ownerId = await building()
    // Stored landscape, taken portrait (orientation 6: rotate 90° clockwise to view).
    const result = await add(ownerId, 'portrait.jpg', await phoneJpeg({ width: 3000, height: 2000, orientation: 6 }))
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    expect([result.value.width, result.value.height]).toEqual([Math.round((PHOTO_LONG_EDGE * 2) / 3), PHOTO_LONG_EDGE])
    const kept = await sharp((await served(result.value.path)).bytes).metadata()
    expect([kept.width, kept.height]).toEqual([result.value.width, result.value.height])
    // The kept image carries no orientation tag to be applied a second time.
    expect(kept.orientation ?? 1).toBe(1)
  })

  it('keeps a small photo at its size and one with transparency as WebP', async () => {
    const ownerId = await building()
    const small = await add(ownerId, 'small.jpg', await phoneJpeg({ width: 640, height: 480 }))
    expect(small.ok && [small.value.width, small.value.height]).toEqual([640, 480])
    const clear = await add(ownerId, 'logo.png', await phoneJpeg({ width: 800, height: 400, alpha: true }))
    expect(clear.ok && clear.value.mime).toBe('image/webp')
  })

  it('recognises a 360° panorama by its XMP or by its 2:1 shape, and keeps it larger', async () => {
    const ownerId = await building()
    const tagged = await add(ownerId, 'PANO_0001.jpg', await phoneJpeg({ width: 3000, height: 1500, projection: 'equirectangular', gps: { lng: 123.4, lat: 41.8 } }))
    expect(tagged.ok && tagged.value.isPanorama).toBe(true)
    // Kept at its 4800 px rather than the 2560 px of an ordinary photo.
    const shaped = await add(ownerId, 'pano.jpg', await phoneJpeg({ width: 4800, height: 2400 }))
    if (!shaped.ok) throw new Error(JSON.stringify(shaped.error))
    expect(shaped.value).toMatchObject({ isPanorama: true, width: 4800, height: 2400 })
    // A wide photo that is not 2:1, or a 2:1 one too small to be a panorama, is an ordinary photo.
    const wide = await add(ownerId, 'wide.jpg', await phoneJpeg({ width: 6000, height: 2000 }))
    expect(wide.ok && [wide.value.isPanorama, wide.value.width]).toEqual([false, PHOTO_LONG_EDGE])
    const smallTwoToOne = await add(ownerId, 'banner.jpg', await phoneJpeg({ width: 2000, height: 1000 }))
    expect(smallTwoToOne.ok && smallTwoToOne.value.isPanorama).toBe(false)
    // A GPano tag naming another projection is believed over the shape.
    const cylinder = await add(ownerId, 'cyl.jpg', await phoneJpeg({ width: 4000, height: 2000, projection: 'cylindrical' }))
    expect(cylinder.ok && cylinder.value.isPanorama).toBe(false)
  }, 30_000)

  it('refuses a file whose header claims a huge size, before decoding it, and stores nothing', async () => {
    const ownerId = await building()
    for (const [width, height] of [[20000, 20000], [2147483647, 2147483647]] as const) {
      const result = await add(ownerId, `huge-${width}.png`, pngClaiming(width, height))
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid', field: 'uploadId', message: `照片：图片尺寸过大（${width} × ${height} 像素），不能超过 1 亿像素` } })
    }
    // A header that is fine but image data that is not: refused as damaged, not hung on.
    const truncated = (await phoneJpeg({ width: 1200, height: 900 })).subarray(0, 2000)
    expect(await add(ownerId, 'cut.jpg', truncated)).toMatchObject({ ok: false, error: { field: 'uploadId', message: '照片：图片已损坏，无法解码' } })
    expect(await t.app.store.db.selectFrom('photos').select('id').execute()).toEqual([])
  })

  it('keeps the file as it came only when asked, and serves it', async () => {
    const ownerId = await building()
    const jpeg = await phoneJpeg({ width: 3200, height: 2400, taken: '2025:01:02 03:04:05' })
    const kept = await add(ownerId, 'keep.jpg', jpeg, { keepOriginal: true })
    if (!kept.ok) throw new Error(JSON.stringify(kept.error))
    expect(kept.value.hasOriginal).toBe(true)
    const original = await served(`photos/${kept.value.id}/original`)
    expect(original.contentType).toBe('image/jpeg')
    expect(Buffer.from(original.bytes).equals(jpeg)).toBe(true)
    const plain = await add(ownerId, 'plain.jpg', jpeg, { keepOriginal: false })
    expect(plain.ok && plain.value.hasOriginal).toBe(false)
    // A deleted photo's images are all gone from the hosts.
    await t.app.ok('photos.delete', { id: kept.value.id })
    for (const suffix of ['', '/thumb', '/original']) expect(await t.app.services.readAsset(`/photos/${kept.value.id}${suffix}`)).toBeNull()
  })
})
