import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { METHOD_NAMES } from '../../src/shared/api'
import { createWebServer } from '../../src/main/web/server'
import { openTestApp, type TestApp, tempDir } from '../helpers/store'

describe('browser host server', () => {
  let app: TestApp
  let base: string
  let staticDir: string
  const token = 'test-token-123'
  let close: () => Promise<void>

  beforeAll(async () => {
    app = await openTestApp()
    staticDir = tempDir()
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>')
    fs.writeFileSync(path.join(path.dirname(staticDir), 'secret.txt'), 'secret')
    const server = createWebServer({ dispatch: app.services.dispatch, staticDir, token })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = () => new Promise((resolve) => server.close(() => resolve()))
  })
  afterAll(async () => {
    await close()
    await app.close()
  })

  const rpc = (method: string, body: unknown, auth = `Bearer ${token}`) =>
    fetch(`${base}/rpc/${method}`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) })

  it('serves every contract method (none is unknown to the host)', async () => {
    for (const method of METHOD_NAMES) {
      const response = await rpc(method, {})
      expect(response.status, method).toBe(200)
      const envelope = (await response.json()) as { ok: boolean; error?: { code: string } }
      expect(envelope.error?.code, method).not.toBe('unknown_method')
    }
  })

  it('refuses unknown methods, missing or wrong tokens, and foreign Host headers', async () => {
    expect(await (await rpc('buildings.drop', {})).json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    expect((await rpc('buildings.list', {}, '')).status).toBe(401)
    expect((await rpc('buildings.list', {}, 'Bearer wrong-token-12')).status).toBe(401)
    // fetch() may not set Host, so a raw request plays the DNS-rebinding page.
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${base}/rpc/buildings.list`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, host: 'evil.example' },
      })
      request.on('response', (response) => resolve(response.statusCode ?? 0))
      request.on('error', reject)
      request.end('{}')
    })
    expect(status).toBe(421)
  })

  it('validates input and answers in Chinese', async () => {
    const envelope = await (await rpc('buildings.create', { name: '', districtCode: '210103' })).json()
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid', field: 'name', message: '楼宇名称：必填' } })
    const bad = await fetch(`${base}/rpc/buildings.list`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{not json' })
    expect(bad.status).toBe(400)
  })

  it('serves the renderer with a CSP and never files outside its folder', async () => {
    const index = await fetch(`${base}/`)
    expect(index.status).toBe(200)
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'")
    const escaped = await fetch(`${base}/..%2Fsecret.txt`)
    expect([403, 404]).toContain(escaped.status)
    expect(await escaped.text()).not.toContain('secret')
  })

  it('answers malformed paths with 400 and keeps serving', async () => {
    const raw = (pathname: string, method = 'GET') =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(`${base}${pathname}`, { method, headers: { authorization: `Bearer ${token}` } }, (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        })
        req.on('error', reject)
        req.end()
      })
    expect(await raw('/%E0%A4%A')).toBe(400)
    expect(await raw('/rpc/%E0%A4%A', 'POST')).toBe(400)
    expect(await raw('/index.html%00.png')).toBe(400)
    expect((await fetch(`${base}/`)).status).toBe(200)
  })
})
