import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES } from '../../../src/shared/api'
import type { Result } from '../../../src/shared/result'
import { createServices } from '../../../src/main/services'
import type { Dispatch } from '../../../src/main/services/dispatch'
import { openStore, type Store } from '../../../src/main/store/open'
import { RPC_CHANNEL, registerIpc, registerUploadIpc, UPLOAD_CHANNEL } from '../../../src/main/electron/ipc'
import { APP_ENTRY_URL, appOrigins, createSenderCheck, type SenderInfo } from '../../../src/main/electron/origin'
import { ipcMain, resetFakeElectron } from './fakeElectron'

vi.mock('electron', async () => import('./fakeElectron'))

const WINDOW_ID = 7
const fromApp: SenderInfo = { sender: { id: WINDOW_ID }, senderFrame: { url: `${APP_ENTRY_URL}#/buildings`, parent: null } }

function rpc(event: SenderInfo, method: unknown, input: unknown): Promise<Result<unknown>> {
  const handler = ipcMain.handlers.get(RPC_CHANNEL)
  if (!handler) throw new Error('no rpc handler registered')
  return handler(event, method, input) as Promise<Result<unknown>>
}

describe('registerIpc over the real services', () => {
  let store: Store
  let reached: string[]

  beforeEach(async () => {
    resetFakeElectron()
    store = await openStore(':memory:')
    const services = await createServices(store, 'tester')
    reached = []
    const recording: Dispatch = (method, input) => {
      reached.push(method)
      return services.dispatch(method, input)
    }
    registerIpc(ipcMain, recording, createSenderCheck({ allowedOrigins: appOrigins(undefined), webContentsId: () => WINDOW_ID }))
  })

  afterEach(async () => {
    await store.close()
  })

  it('registers exactly one channel, rpc', () => {
    expect([...ipcMain.handlers.keys()]).toEqual(['rpc'])
  })

  it('routes every contract method to the dispatcher, which answers with an envelope', async () => {
    for (const method of METHOD_NAMES) {
      const result = await rpc(fromApp, method, {})
      // Empty input is invalid for some methods: the dispatcher says so, the host never does.
      expect(result.ok || !['unauthorized', 'unknown_method'].includes(result.error.code), method).toBe(true)
    }
    expect(reached).toEqual(METHOD_NAMES)
  })

  it('returns the real answer and writes through to the store', async () => {
    const created = await rpc(fromApp, 'districts.create', { code: '440305', name: '南山区', city: '深圳市', province: '广东省' })
    expect(created).toEqual({ ok: true, value: { code: '440305' } })
    const listed = await rpc(fromApp, 'districts.list', {})
    expect(listed.ok && (listed.value as Array<{ code: string; name: string }>).find((d) => d.code === '440305')?.name).toBe('南山区')
  })

  it('passes validation errors of the services through unchanged', async () => {
    const result = await rpc(fromApp, 'districts.create', { code: 'x', name: '', city: '深圳市', province: '广东省' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('invalid')
  })

  it('refuses names outside the contract without reaching the dispatcher', async () => {
    for (const name of ['buildings.drop', 'constructor', '__proto__', 'toString', '', 42, null]) {
      const result = await rpc(fromApp, name, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    }
    expect(reached).toEqual([])
  })

  it.each([
    ['another site', { sender: { id: WINDOW_ID }, senderFrame: { url: 'https://evil.example/index.html', parent: null } }],
    ['a local file', { sender: { id: WINDOW_ID }, senderFrame: { url: 'file:///tmp/index.html', parent: null } }],
    ['another app host', { sender: { id: WINDOW_ID }, senderFrame: { url: 'app://other/index.html', parent: null } }],
    ['a sub-frame of our page', { sender: { id: WINDOW_ID }, senderFrame: { url: APP_ENTRY_URL, parent: {} } }],
    ['a destroyed frame', { sender: { id: WINDOW_ID }, senderFrame: null }],
    ['another window', { sender: { id: WINDOW_ID + 1 }, senderFrame: { url: APP_ENTRY_URL, parent: null } }],
    ['the dev server, when not developing', { sender: { id: WINDOW_ID }, senderFrame: { url: 'http://localhost:5173/', parent: null } }],
  ])('refuses calls from %s without reaching the dispatcher', async (_label, event: SenderInfo) => {
    const result = await rpc(event, 'meta.info', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(result.ok === false && result.error.message).toMatch(/拒绝/)
    expect(reached).toEqual([])
  })
})

describe('registerIpc guarding', () => {
  beforeEach(() => resetFakeElectron())

  it('trusts the dev server only when its URL is given, and only that origin', async () => {
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'served' }))
    registerIpc(ipcMain, dispatch, createSenderCheck({ allowedOrigins: appOrigins('http://localhost:5173') }))
    const frame = (url: string): SenderInfo => ({ senderFrame: { url, parent: null } })
    expect(await rpc(frame('http://localhost:5173/#/parcels'), 'meta.info', {})).toEqual({ ok: true, value: 'served' })
    expect(await rpc(frame(APP_ENTRY_URL), 'meta.info', {})).toEqual({ ok: true, value: 'served' })
    expect(await rpc(frame('http://localhost:5174/'), 'meta.info', {})).toMatchObject({ error: { code: 'unauthorized' } })
    expect(dispatch).toHaveBeenCalledTimes(2)
  })

  it('refuses everything while the window does not exist', async () => {
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: null }))
    registerIpc(ipcMain, dispatch, createSenderCheck({ allowedOrigins: appOrigins(undefined), webContentsId: () => undefined }))
    expect(await rpc(fromApp, 'meta.info', {})).toMatchObject({ error: { code: 'unauthorized' } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('turns a dispatcher that throws into an internal error instead of a rejected invoke', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    registerIpc(ipcMain, async () => { throw new Error('boom') }, () => true)
    expect(await rpc(fromApp, 'meta.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } })
    spy.mockRestore()
  })
})

describe('registerUploadIpc', () => {
  let store: Store
  let dir: string
  let registered: string[]
  const upload = (event: SenderInfo, filePath: unknown) =>
    ipcMain.handlers.get(UPLOAD_CHANNEL)!(event, filePath) as Promise<Result<{ uploadId: string }>>

  beforeEach(async () => {
    resetFakeElectron()
    store = await openStore(':memory:')
    const services = await createServices(store, 'tester')
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-upload-'))
    registered = []
    const check = createSenderCheck({ allowedOrigins: appOrigins(undefined), webContentsId: () => WINDOW_ID })
    registerUploadIpc(ipcMain, (filePath) => {
      registered.push(filePath)
      return services.registerFile(filePath)
    }, check)
  })
  afterEach(async () => {
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('registers a picked file where it is and answers its upload id', async () => {
    const file = path.join(dir, '沈河区.mbtiles')
    fs.writeFileSync(file, 'package bytes')
    const result = await upload(fromApp, file)
    expect(result).toMatchObject({ ok: true, value: { uploadId: expect.stringMatching(/^[0-9a-f-]{36}$/) } })
    expect(registered).toEqual([file])
    expect(fs.readFileSync(file, 'utf8')).toBe('package bytes')
  })

  it('refuses untrusted senders before looking at the path', async () => {
    const file = path.join(dir, 'a.mbtiles')
    fs.writeFileSync(file, 'x')
    for (const event of [
      { sender: { id: WINDOW_ID }, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: { id: WINDOW_ID + 1 }, senderFrame: { url: APP_ENTRY_URL, parent: null } },
      { sender: { id: WINDOW_ID }, senderFrame: { url: APP_ENTRY_URL, parent: {} } },
    ]) {
      expect(await upload(event, file)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    }
    expect(registered).toEqual([])
  })

  it('refuses anything that is not an existing regular file', async () => {
    fs.mkdirSync(path.join(dir, 'folder'))
    const cases: unknown[] = [path.join(dir, 'folder'), path.join(dir, 'missing.mbtiles'), 'relative.mbtiles', '', 42, null, { path: '/etc/passwd' }, `${dir}/a\0b`]
    for (const filePath of cases) {
      const result = await upload(fromApp, filePath)
      expect(result.ok, String(filePath)).toBe(false)
      expect(!result.ok && result.error.message, String(filePath)).toMatch(/^上传文件：/)
    }
    expect(registered).toEqual([])
  })
})
