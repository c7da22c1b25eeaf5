import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createAppRequestHandler } from '../../../src/main/electron/protocol'
import { phoneJpeg } from '../../helpers/photos'
import { openTestApp, type TestApp, tempDir } from '../../helpers/store'

vi.mock('electron', async () => import('./fakeElectron'))

// Electron serves a photo's images on the page's own origin: app://site-atlas/photos/<id> (the
// kept image), /thumb (the gallery's thumbnail) and /original (when it was kept), through the
// same reader the browser host uses.

describe('the app:// protocol serving photos', () => {
  let app: TestApp
  let dir: string
  let handler: (request: Request) => Promise<Response>
  let kept: { id: string; original: Buffer }

  beforeAll(async () => {
    app = await openTestApp()
    dir = tempDir()
    fs.mkdirSync(path.join(dir, 'renderer'))
    const original = await phoneJpeg({ width: 3000, height: 2000 })
    fs.writeFileSync(path.join(dir, 'p.jpg'), original)
    const picked = await app.services.registerFile(path.join(dir, 'p.jpg'))
    const { id: ownerId } = await app.ok('buildings.create', { name: '府前大厦', districtCode: '210102' })
    const photo = await app.ok('photos.add', { ownerKind: 'building', ownerId, uploadId: picked.ok ? picked.value.uploadId : '', keepOriginal: true })
    kept = { id: photo.id, original }
    handler = createAppRequestHandler(path.join(dir, 'renderer'), app.services.readAsset)
  }, 20_000)
  afterAll(async () => {
    await app.services.shutdown()
    await app.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const get = async (suffix: string) => {
    const response = await handler(new Request(`app://site-atlas/photos/${kept.id}${suffix}`))
    return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) }
  }

  it('serves the kept image, its thumbnail and the original, each by its type', async () => {
    const image = await get('')
    expect([image.status, image.type]).toEqual([200, 'image/jpeg'])
    expect((await sharp(image.bytes).metadata()).width).toBe(2560)
    const thumb = await get('/thumb')
    expect([thumb.status, thumb.type]).toEqual([200, 'image/jpeg'])
    expect((await sharp(thumb.bytes).metadata()).width).toBe(320)
    const original = await get('/original')
    expect([original.status, original.type]).toEqual([200, 'image/jpeg'])
    expect(original.bytes.equals(kept.original)).toBe(true)
    expect((await get('/large')).status).toBe(400)
  })
})
