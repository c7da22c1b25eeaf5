import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createAppRequestHandler } from '../../src/main/electron/protocol'
import { createWebServer } from '../../src/main/web/server'
import type { ExportFile } from '../../src/shared/exports'
import { addKnownRows, runExport } from '../helpers/exports'
import { openTestApp, type TestApp, tempDir } from '../helpers/store'

vi.mock('electron', async () => import('../unit/electron/fakeElectron'))

// Both hosts serve a finished export at exports/<id> as a download: the browser host only with
// its token, with the real file name (RFC 5987), its type, no caching and no sniffing.

describe('serving exports on both hosts', () => {
  let app: TestApp
  let base: string
  let staticDir: string
  let close: () => Promise<void>
  let file: ExportFile
  let filePath: string
  const token = 'export-token-1234'

  beforeAll(async () => {
    app = await openTestApp()
    await addKnownRows(app)
    ;({ file, filePath } = await runExport(app, { format: 'xlsx' }))
    staticDir = tempDir()
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>')
    const server = createWebServer({ dispatch: app.services.dispatch, readAsset: app.services.readAsset, staticDir, token })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = () => new Promise((resolve) => server.close(() => resolve()))
  })
  afterAll(async () => {
    await close()
    await app.close()
    fs.rmSync(staticDir, { recursive: true, force: true })
  })

  const expectDownloadHeaders = (headers: Headers) => {
    expect(headers.get('content-type')).toBe(file.mime)
    expect(headers.get('content-disposition')).toBe(
      `attachment; filename="site-atlas-export.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    expect(headers.get('cache-control')).toBe('no-store')
    expect(headers.get('x-content-type-options')).toBe('nosniff')
  }

  it('the browser host serves exports/<id> with the token, as an attachment with the file’s bytes', async () => {
    const response = await fetch(`${base}/${file.assetPath}?token=${token}`)
    expect(response.status).toBe(200)
    expectDownloadHeaders(response.headers)
    expect(Number(response.headers.get('content-length'))).toBe(file.size)
    expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(filePath))).toBe(true)
    const decoded = /filename\*=UTF-8''(.+)$/.exec(response.headers.get('content-disposition')!)![1]!
    expect(decodeURIComponent(decoded)).toBe(file.fileName)
  })

  it('refuses a missing or wrong token, answers unknown ids with no content and malformed ones with 400', async () => {
    expect((await fetch(`${base}/${file.assetPath}`)).status).toBe(401)
    expect((await fetch(`${base}/${file.assetPath}?token=wrong-token-12345`)).status).toBe(401)
    expect((await fetch(`${base}/exports/00000000-0000-4000-8000-000000000000?token=${token}`)).status).toBe(204)
    expect((await fetch(`${base}/exports/..%2F..%2Fatlas.db?token=${token}`)).status).toBe(400)
    expect((await fetch(`${base}/exports/${file.id}.json?token=${token}`)).status).toBe(400)
  })

  it('the Electron protocol streams the same download', async () => {
    const handler = createAppRequestHandler(staticDir, app.services.readAsset)
    const response = await handler(new Request(`app://site-atlas/${file.assetPath}`))
    expect(response.status).toBe(200)
    expectDownloadHeaders(response.headers)
    expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(filePath))).toBe(true)
  })
})
