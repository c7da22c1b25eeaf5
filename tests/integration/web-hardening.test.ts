import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWebServer } from '../../src/main/web/server'
import { openTestApp, type TestApp, tempDir } from '../helpers/store'

// The browser host against a page of another site and against bodies too large: every refusal
// is an answer the client reads (never a reset), and the token lives in a cookie, not the address.

interface RawAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
}

const token = 'hardening-token-0123456789'
const MAX_BODY = 64 * 1024
const MAX_UPLOAD = 256 * 1024

/**
 * A request sent the way a client sends a large body: in pieces, the next written only once the
 * previous one left, so the host's answer can arrive while the body is still being sent. Rejects
 * when the connection is reset before an answer arrived.
 */
function send(
  base: string,
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; bytes?: number; chunked?: boolean } = {},
): Promise<RawAnswer> {
  const bytes = options.bytes ?? 0
  const headers: Record<string, string> = { ...options.headers }
  if (!options.chunked && options.method !== 'GET') headers['content-length'] = String(bytes)
  return new Promise((resolve, reject) => {
    let answered = false
    const req = http.request(`${base}${pathname}`, { method: options.method ?? 'POST', headers }, (res) => {
      answered = true
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (text += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
      res.on('error', reject)
    })
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    const piece = Buffer.alloc(16 * 1024, 0x7b) // '{' — never valid JSON, never an accepted call
    let sent = 0
    const next = () => {
      if (req.destroyed) return
      if (sent >= bytes) return void req.end()
      const size = Math.min(piece.length, bytes - sent)
      sent += size
      req.write(piece.subarray(0, size), () => setImmediate(next))
    }
    next()
  })
}

describe('browser host: origin, cookie and body limits', () => {
  let app: TestApp
  let base: string
  let host: string
  let uploadsDir: string
  let close: () => Promise<void>

  beforeAll(async () => {
    app = await openTestApp()
    const staticDir = tempDir()
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>')
    uploadsDir = path.join(path.dirname(app.file), 'uploads')
    const server = createWebServer({
      dispatch: app.services.dispatch,
      readAsset: app.services.readAsset,
      receiveUpload: app.services.receiveUpload,
      staticDir,
      token,
      maxBody: MAX_BODY,
      maxUpload: MAX_UPLOAD,
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`
    base = `http://${host}`
    close = () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  })
  afterAll(async () => {
    await close()
    await app.close()
  })

  const bearer = { authorization: `Bearer ${token}` }
  const leftInUploads = () => (fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir) : [])

  describe('413, answered and read by the client', () => {
    it('an RPC body whose Content-Length is over the limit', async () => {
      const answer = await send(base, '/rpc/buildings.list', { headers: bearer, bytes: 40 * MAX_BODY })
      expect(answer.status).toBe(413)
      expect(answer.headers.connection).toBe('close')
      expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { code: 'invalid' } })
    })

    it('a chunked RPC body that grows past the limit', async () => {
      const answer = await send(base, '/rpc/buildings.list', { headers: bearer, bytes: 40 * MAX_BODY, chunked: true })
      expect(answer.status).toBe(413)
      expect(answer.headers.connection).toBe('close')
    })

    it('an upload whose Content-Length is over the limit, nothing written', async () => {
      const before = leftInUploads()
      const answer = await send(base, '/upload?name=big.mbtiles', { headers: bearer, bytes: 8 * MAX_UPLOAD })
      expect(answer.status).toBe(413)
      expect(answer.headers.connection).toBe('close')
      expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { code: 'invalid', field: 'file' } })
      expect(JSON.parse(answer.text).error.message).toContain('上传文件：超过单个文件上限')
      expect(leftInUploads()).toEqual(before)
    })

    it('a chunked upload that grows past the limit, its part file deleted', async () => {
      const before = leftInUploads()
      const answer = await send(base, '/upload?name=big.mbtiles', { headers: bearer, bytes: 8 * MAX_UPLOAD, chunked: true })
      expect(answer.status).toBe(413)
      expect(JSON.parse(answer.text).error.message).toContain('上传文件：超过单个文件上限')
      expect(leftInUploads()).toEqual(before)
    })

    it('keeps serving after the refusals', async () => {
      const response = await fetch(`${base}/rpc/buildings.list`, { method: 'POST', headers: bearer, body: '{}' })
      expect(response.status).toBe(200)
    })
  })

  describe('Origin and Sec-Fetch-Site', () => {
    it('refuses a POST from another origin even with the right token (RPC and upload)', async () => {
      for (const origin of ['http://evil.example', 'null', 'http://127.0.0.1:1', `https://${host}`]) {
        const rpc = await send(base, '/rpc/buildings.list', { headers: { ...bearer, origin }, bytes: 2 })
        expect(rpc.status, origin).toBe(403)
        const upload = await send(base, '/upload?name=a.csv', { headers: { ...bearer, origin }, bytes: 10 })
        expect(upload.status, origin).toBe(403)
      }
      expect(leftInUploads()).toEqual([])
    })

    it('refuses a cross-site request (Sec-Fetch-Site), API and assets alike', async () => {
      for (const site of ['cross-site', 'same-site']) {
        const rpc = await send(base, '/rpc/buildings.list', { headers: { ...bearer, 'sec-fetch-site': site }, bytes: 2 })
        expect(rpc.status, site).toBe(403)
        const asset = await send(base, `/photos/x?token=${token}`, { method: 'GET', headers: { 'sec-fetch-site': site } })
        expect(asset.status, site).toBe(403)
      }
    })

    it('accepts the host’s own origin and same-origin requests', async () => {
      const answer = await send(base, '/rpc/buildings.list', { headers: { ...bearer, origin: base, 'sec-fetch-site': 'same-origin' }, bytes: 0 })
      expect(answer.status).toBe(200)
      expect(JSON.parse(answer.text)).toMatchObject({ ok: true })
    })
  })

  describe('the token in a cookie, out of the address', () => {
    it('answers the printed address with a cookie and sends the page on without the token', async () => {
      const answer = await send(base, `/?token=${token}&lang=en`, { method: 'GET' })
      expect(answer.status).toBe(303)
      expect(answer.headers.location).toBe('/?lang=en')
      const cookie = answer.headers['set-cookie']?.[0] ?? ''
      expect(cookie).toMatch(new RegExp(`^site-atlas-token-${host.split(':')[1]}=${token};`))
      expect(cookie).toContain('HttpOnly')
      expect(cookie).toContain('SameSite=Strict')
      expect(cookie).toContain('Path=/')
    })

    it('serves the page without a cookie for a wrong token (the calls then say the token is wrong)', async () => {
      const answer = await send(base, '/?token=wrong', { method: 'GET' })
      expect(answer.status).toBe(200)
      expect(answer.headers['set-cookie']).toBeUndefined()
    })

    it('lets the cookie carry calls of the host’s page, assets and uploads', async () => {
      const cookie = `other=1; site-atlas-token-${host.split(':')[1]}=${token}`
      const rpc = await send(base, '/rpc/buildings.list', { headers: { cookie, origin: base }, bytes: 0 })
      expect(rpc.status).toBe(200)
      const asset = await send(base, '/photos/00000000-0000-4000-8000-000000000000', { method: 'GET', headers: { cookie } })
      expect([401, 403]).not.toContain(asset.status) // past the key: no such photo
      const upload = await send(base, '/upload?name=a.csv', { headers: { cookie, origin: base }, bytes: 10 })
      expect(upload.status).toBe(200)
      expect(JSON.parse(upload.text)).toMatchObject({ ok: true, value: { uploadId: expect.any(String) } })
    })

    it('refuses a POST carried by the cookie alone without an Origin, and a wrong cookie', async () => {
      const name = `site-atlas-token-${host.split(':')[1]}`
      expect((await send(base, '/rpc/buildings.list', { headers: { cookie: `${name}=${token}` }, bytes: 0 })).status).toBe(403)
      expect((await send(base, '/rpc/buildings.list', { headers: { cookie: `${name}=wrong`, origin: base }, bytes: 0 })).status).toBe(401)
      // Another port's cookie is another host's key.
      expect((await send(base, '/rpc/buildings.list', { headers: { cookie: `site-atlas-token-1=${token}`, origin: base }, bytes: 0 })).status).toBe(401)
      expect((await send(base, '/photos/x', { method: 'GET' })).status).toBe(401)
    })
  })
})
