import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWebServer } from '../../src/main/web/server'
import { openTestApp, type TestApp, tempDir } from '../helpers/store'
import { smallPyramid, tilePng, writeMbtiles } from '../helpers/tiles'

// The browser host's asset and upload paths: GET /tiles/<id>/<z>/<x>/<y>?token=…, GET
// /photos/<id>?token=… and POST /upload?name=… with the bearer token, over the same core as /rpc.

describe('browser host: tiles and uploads', () => {
  let app: TestApp
  let base: string
  let dir: string
  let close: () => Promise<void>
  const token = 'tile-token-456'

  beforeAll(async () => {
    app = await openTestApp()
    dir = tempDir()
    const server = createWebServer({
      dispatch: app.services.dispatch,
      readAsset: app.services.readAsset,
      receiveUpload: app.services.receiveUpload,
      staticDir: dir,
      token,
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = () => new Promise((resolve) => server.close(() => resolve()))
  })
  afterAll(async () => {
    await close()
    await app.services.shutdown()
    await app.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const upload = (body: BodyInit, name: string, auth = `Bearer ${token}`) =>
    fetch(`${base}/upload?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { authorization: auth }, body })
  const rpc = async (method: string, input: unknown) =>
    (await fetch(`${base}/rpc/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(input) })).json()

  it('streams an upload to disk and imports it by its upload id', async () => {
    const file = path.join(dir, 'shenhe.mbtiles')
    writeMbtiles(file, smallPyramid())
    const response = await upload(fs.readFileSync(file), '沈河区.mbtiles')
    expect(response.status).toBe(200)
    const envelope = (await response.json()) as { ok: true; value: { uploadId: string } }
    expect(envelope).toMatchObject({ ok: true, value: { uploadId: expect.stringMatching(/^[0-9a-f-]{36}$/) } })
    const stored = app.services.ctx.uploads.get(envelope.value.uploadId)!
    expect(stored).toMatchObject({ temporary: true, originalName: '沈河区.mbtiles', size: fs.statSync(file).size })
    expect(fs.readFileSync(stored.path).equals(fs.readFileSync(file))).toBe(true)
    expect(fs.readdirSync(path.dirname(stored.path)).some((f) => f.endsWith('.part'))).toBe(false)

    const imported = await rpc('basemaps.import', { uploadId: envelope.value.uploadId, crs: 'wgs84' })
    expect(imported).toMatchObject({ ok: true, value: { kind: 'mbtiles', name: '沈河区影像' } })
  })

  it('refuses uploads without the token or of nothing', async () => {
    expect((await upload('abc', 'x.mbtiles', '')).status).toBe(401)
    expect((await upload('abc', 'x.mbtiles', 'Bearer wrong-token-45')).status).toBe(401)
    expect(await (await upload(new Uint8Array(), 'empty.mbtiles')).json()).toMatchObject({ ok: false, error: { message: '上传文件：内容为空' } })
    expect((await fetch(`${base}/upload`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(405)
    expect(fs.readdirSync(app.services.ctx.uploads.dir).filter((f) => f.endsWith('.part'))).toEqual([])
  })

  it('deletes the partial file when the client goes away mid-upload', async () => {
    const before = fs.readdirSync(app.services.ctx.uploads.dir)
    await new Promise<void>((resolve) => {
      const request = http.request(`${base}/upload?name=big.pmtiles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-length': String(10 * 1024 * 1024) },
      })
      request.on('error', () => resolve())
      request.write(Buffer.alloc(64 * 1024))
      setTimeout(() => {
        request.destroy()
        resolve()
      }, 100)
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(fs.readdirSync(app.services.ctx.uploads.dir)).toEqual(before)
  })

  it('serves tiles with the token as a query parameter, 204 where there is none', async () => {
    const basemap = ((await rpc('basemaps.list', {})) as { value: { basemaps: Array<{ id: string; tilePath: string }> } }).value.basemaps[0]!
    const url = (z: number, x: number, y: number, query = `?token=${token}`) =>
      `${base}/${basemap.tilePath.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y))}${query}`

    const response = await fetch(url(1, 1, 0))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/)
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(tilePng(1, 1, 0))

    expect((await fetch(url(5, 0, 0))).status).toBe(204)
    expect((await fetch(url(1, 1, 0, ''))).status).toBe(401)
    expect((await fetch(url(1, 1, 0, '?token=tile-token-457'))).status).toBe(401)
    expect((await fetch(`${base}/tiles/${basemap.id}/1/x/0?token=${token}`)).status).toBe(400)
    expect((await fetch(url(1, 1, 0), { method: 'POST' })).status).toBe(405)
  })

  it('uploads a photo of a building and serves it at /photos/<id> with the token only', async () => {
    const { value: building } = (await rpc('buildings.create', { name: '茂业中心', districtCode: '210103' })) as { value: { id: string } }
    const image = tilePng(3, 4, 5)
    const { value } = (await (await upload(Buffer.from(image), '大堂.png')).json()) as { value: { uploadId: string } }
    const added = (await rpc('photos.add', { ownerKind: 'building', ownerId: building.id, uploadId: value.uploadId })) as { ok: true; value: { path: string; thumbnailPath: string; size: number } }
    expect(added.ok).toBe(true)
    // Kept re-encoded as JPEG (photos-import.test.ts), with its thumbnail beside it.
    const served = await fetch(`${base}/${added.value.path}?token=${token}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
    expect((await served.arrayBuffer()).byteLength).toBe(added.value.size)
    const thumb = await fetch(`${base}/${added.value.thumbnailPath}?token=${token}`)
    expect([thumb.status, thumb.headers.get('content-type')]).toEqual([200, 'image/jpeg'])
    expect((await fetch(`${base}/${added.value.path}`)).status).toBe(401)
    expect((await fetch(`${base}/${added.value.thumbnailPath}`)).status).toBe(401)
    expect((await fetch(`${base}/photos/00000000-0000-4000-8000-000000000000?token=${token}`)).status).toBe(204)
    expect((await fetch(`${base}/photos/x?token=${token}`)).status).toBe(400)
  })
})
