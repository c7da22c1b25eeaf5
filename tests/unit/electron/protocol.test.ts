import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/csp'
import { createAppRequestHandler, registerAppScheme, serveAppScheme } from '../../../src/main/electron/protocol'
import { protocol, resetFakeElectron } from './fakeElectron'

vi.mock('electron', async () => import('./fakeElectron'))

let dir: string
let root: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-protocol-'))
  root = path.join(dir, 'renderer')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>招商资源图</title>')
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)')
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'TOP SECRET')
  fs.mkdirSync(path.join(dir, 'renderer-evil'))
  fs.writeFileSync(path.join(dir, 'renderer-evil', 'x.txt'), 'TOP SECRET')
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => createAppRequestHandler(root)(new Request(url, { method }))

describe('the app:// protocol', () => {
  beforeEach(() => resetFakeElectron())

  it('registers app as a privileged standard, secure scheme and serves it', () => {
    registerAppScheme()
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    serveAppScheme(root)
    expect([...protocol.handlers.keys()]).toEqual(['app'])
  })

  it('serves the renderer files with their type and the strict CSP header', async () => {
    const page = await get('app://site-atlas/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await page.text()).toContain('招商资源图')

    const script = await get('app://site-atlas/assets/app.js')
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(await script.text()).toBe('console.log(1)')
    expect((await get('app://site-atlas/')).status).toBe(200)
  })

  it('has a CSP at least as strict as the meta tag in index.html', () => {
    const html = fs.readFileSync(path.resolve('src/renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1]!
    const directives = (policy: string) => policy.split(';').map((d) => d.trim()).filter(Boolean)
    for (const directive of directives(meta)) expect(directives(CONTENT_SECURITY_POLICY)).toContain(directive)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/)
  })

  it.each([
    'app://site-atlas/..%2fsecret.txt',
    'app://site-atlas/%2e%2e%2fsecret.txt',
    'app://site-atlas/assets/..%2f..%2fsecret.txt',
    'app://site-atlas/..%5csecret.txt',
    'app://site-atlas/%2e%2e/%2e%2e/secret.txt',
    'app://site-atlas/..%2frenderer-evil/x.txt',
    'app://site-atlas/index.html%00.png',
    'app://site-atlas/%E0%A4%A',
    'app://other-host/index.html',
  ])('refuses %s', async (url) => {
    const response = await get(url)
    expect([403, 404]).toContain(response.status)
    expect(await response.text()).not.toContain('TOP SECRET')
  })

  it('answers 404 for a missing file and 405 for writes', async () => {
    expect((await get('app://site-atlas/nope.js')).status).toBe(404)
    expect((await get('app://site-atlas/index.html', 'POST')).status).toBe(405)
  })
})
