import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createAppRequestHandler } from '../../../src/main/electron/protocol'
import type { AssetReader } from '../../../src/main/services/assets'
import { openTestApp, type TestApp, tempDir } from '../../helpers/store'
import { smallPyramid, tilePng, writeMbtiles } from '../../helpers/tiles'

vi.mock('electron', async () => import('./fakeElectron'))

// Electron serves tiles on the page's own origin, app://site-atlas/tiles/<id>/<z>/<x>/<y>,
// through the same core readTile the browser host uses.

describe('the app:// protocol serving tiles', () => {
  let app: TestApp
  let dir: string
  let id: string
  let handler: (request: Request) => Promise<Response>

  beforeAll(async () => {
    app = await openTestApp()
    dir = tempDir()
    fs.mkdirSync(path.join(dir, 'renderer'))
    fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>')
    writeMbtiles(path.join(dir, 'p.mbtiles'), smallPyramid())
    const picked = await app.services.registerFile(path.join(dir, 'p.mbtiles'))
    id = (await app.ok('basemaps.import', { uploadId: picked.ok ? picked.value.uploadId : '', crs: 'wgs84' })).id
    handler = createAppRequestHandler(path.join(dir, 'renderer'), app.services.readAsset)
  })
  afterAll(async () => {
    await app.services.shutdown()
    await app.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('serves a tile with its type, 204 where there is none, and the renderer as before', async () => {
    const response = await handler(new Request(`app://site-atlas/tiles/${id}/1/0/1`))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/)
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(tilePng(1, 0, 1))
    expect((await handler(new Request(`app://site-atlas/tiles/${id}/9/0/0`))).status).toBe(204)
    expect((await handler(new Request('app://site-atlas/index.html'))).status).toBe(200)
  })

  it('answers 400 for a malformed tile path, 405 for writes, 500 when reading fails', async () => {
    expect((await handler(new Request(`app://site-atlas/tiles/${id}/1/0`))).status).toBe(400)
    expect((await handler(new Request('app://site-atlas/tiles/../index.html'))).status).not.toBe(500)
    expect((await handler(new Request(`app://site-atlas/tiles/${id}/1/0/1`, { method: 'POST' }))).status).toBe(405)
    const broken: AssetReader = async () => {
      throw new Error('disk gone')
    }
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect((await createAppRequestHandler(dir, broken)(new Request(`app://site-atlas/tiles/${id}/1/0/1`))).status).toBe(500)
    spy.mockRestore()
  })

  it('serves no tiles from another host', async () => {
    const response = await handler(new Request(`app://other/tiles/${id}/1/0/1`))
    expect(response.status).toBe(403)
  })
})
