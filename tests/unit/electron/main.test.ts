import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Result } from '../../../src/shared/result'

// src/main/index.ts is wiring run at import: each test imports it afresh against a fresh fake.
vi.mock('electron', async () => import('./fakeElectron'))

type Fake = typeof import('./fakeElectron')

let dir: string
let electron: Fake

async function startApp(prepare?: (fake: Fake) => void): Promise<void> {
  vi.resetModules()
  electron = (await import('electron')) as unknown as Fake
  electron.resetFakeElectron()
  electron.app.userData = dir
  prepare?.(electron)
  await import('../../../src/main/index')
}

// The store opens in a worker process (src/main/runtime), started from source through tsx here:
// seconds on a busy machine rather than Vitest's default second.
const STARTS = { timeout: 30_000, interval: 50 }
vi.setConfig({ testTimeout: 60_000 })

async function started(): Promise<InstanceType<Fake['BrowserWindow']>> {
  await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1), STARTS)
  return electron.BrowserWindow.instances[0]!
}

function rpc(event: object, method: string, input: unknown): Promise<Result<unknown>> {
  return electron.ipcMain.handlers.get('rpc')!(event, method, input) as Promise<Result<unknown>>
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-main-'))
  vi.stubEnv('ELECTRON_RENDERER_URL', '')
})

afterEach(() => {
  vi.unstubAllEnvs()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the Electron entry', () => {
  it('opens the store in userData, wires the rpc and upload channels, the protocol, the menu and the window', async () => {
    let privilegedBeforeReady = -1
    await startApp((fake) => {
      fake.app.whenReady = () => {
        privilegedBeforeReady = fake.protocol.privileged.length
        return Promise.resolve()
      }
    })
    const window = await started()

    expect(privilegedBeforeReady).toBe(1)
    expect(fs.existsSync(path.join(dir, 'site-atlas.db'))).toBe(true)
    expect([...electron.ipcMain.handlers.keys()]).toEqual(['rpc', 'upload', 'save', 'print'])
    expect([...electron.protocol.handlers.keys()]).toEqual(['app'])
    expect(electron.Menu.applicationMenu!.template.map((m) => m.label)).toContain('文件')
    expect(window.loadedUrl).toBe('app://site-atlas/index.html')
    expect(window.options.webPreferences.preload).toMatch(/preload[/\\]index\.cjs$/)

    const frame = { url: 'app://site-atlas/index.html#/', parent: null }
    const answer = await rpc({ sender: { id: window.webContents.id }, senderFrame: frame }, 'meta.info', {})
    expect(answer.ok).toBe(true)
    const stranger = await rpc({ sender: { id: window.webContents.id + 100 }, senderFrame: frame }, 'meta.info', {})
    expect(stranger).toMatchObject({ ok: false, error: { code: 'unauthorized' } })

    // Tiles come through the app:// handler, and a picked file through the upload channel.
    const tile = await electron.protocol.handlers.get('app')!(new Request('app://site-atlas/tiles/00000000-0000-4000-8000-000000000000/0/0/0'))
    expect(tile.status).toBe(204)
    const picked = path.join(dir, 'picked.mbtiles')
    fs.writeFileSync(picked, 'x')
    const uploaded = (await electron.ipcMain.handlers.get('upload')!({ sender: { id: window.webContents.id }, senderFrame: frame }, picked)) as Result<unknown>
    expect(uploaded).toMatchObject({ ok: true, value: { uploadId: expect.any(String) } })

    // A second launch focuses the existing window instead of opening another.
    electron.app.emit('second-instance')
    expect(window.focused).toBe(1)
    expect(electron.BrowserWindow.instances).toHaveLength(1)

    // Quitting waits for the store to close, then quits again for real.
    electron.app.quit()
    await vi.waitFor(() => expect(electron.app.quitCalls).toBe(2), STARTS)
    const afterClose = await rpc({ sender: { id: window.webContents.id }, senderFrame: frame }, 'meta.info', {})
    expect(afterClose.ok).toBe(false)
  })

  it('shows a Chinese error and exits when the data file is not ours', async () => {
    fs.writeFileSync(path.join(dir, 'site-atlas.db'), 'this is a spreadsheet, not a database'.repeat(200))
    await startApp()
    await vi.waitFor(() => expect(electron.app.exitCodes).toEqual([1]), STARTS)
    expect(electron.dialog.errors).toHaveLength(1)
    expect(electron.dialog.errors[0]!.title).toBe('无法打开数据文件')
    expect(electron.dialog.errors[0]!.content).toMatch(/不是 Site Atlas 数据文件/)
    expect(electron.BrowserWindow.instances).toHaveLength(0)
    expect(electron.ipcMain.handlers.size).toBe(0)
  })

  it('leaves at once when another instance holds the lock', async () => {
    let readied = false
    await startApp((fake) => {
      fake.app.requestSingleInstanceLock = () => false
      fake.app.whenReady = () => {
        readied = true
        return Promise.resolve()
      }
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(electron.app.quitCalls).toBe(1)
    expect(readied).toBe(false)
    expect(electron.BrowserWindow.instances).toHaveLength(0)
  })
})
