import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { phoneJpeg, pngClaiming } from '../helpers/photos'
import { runtimePerTest } from '../helpers/runtime'

// Photos in the store runtime: the writer process downscales them with sharp (a native module,
// loaded in the worker) on the thread pool, so it keeps answering other writes meanwhile; a file
// whose header claims an absurd size is refused there before anything is decoded.

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const t = runtimePerTest()

describe('photos in the store runtime', () => {
  it('answers other writes while a large photo is being downscaled, and refuses a pixel bomb', async () => {
    const app = await t.start()
    const { id: ownerId } = await app.ok('buildings.create', { name: '市府恒隆广场', districtCode: '210102' })
    const pick = async (name: string, bytes: Uint8Array) => {
      const file = path.join(app.dir, name)
      fs.writeFileSync(file, bytes)
      const picked = await app.runtime.registerFile(file)
      if (!picked.ok) throw new Error(picked.error.message)
      return picked.value.uploadId
    }
    const large = await pick('large.jpg', await phoneJpeg({ width: 8000, height: 6000, taken: '2025:06:01 08:00:00' }))
    const bomb = await pick('bomb.png', pngClaiming(20000, 20000))

    let photoStored = false
    const adding = app.ok('photos.add', { ownerKind: 'building', ownerId, uploadId: large }).then((photo) => {
      photoStored = true
      return photo
    })
    // Sent after the photo, to the same writer: answered while the photo is still being worked on.
    await app.ok('clusters.create', { name: '青年大街', districtCode: '210102' })
    expect(photoStored).toBe(false)
    expect(await app.call('photos.add', { ownerKind: 'building', ownerId, uploadId: bomb })).toMatchObject({
      ok: false,
      error: { field: 'uploadId', message: '照片：图片尺寸过大（20000 × 20000 像素），不能超过 1 亿像素' },
    })

    const photo = await adding
    expect(photo).toMatchObject({ width: 2560, height: 1920, takenAt: '2025-06-01T08:00:00' })
    expect(await app.runtime.readAsset(`/${photo.thumbnailPath}`)).toMatchObject({ contentType: 'image/jpeg' })
  })
})
