import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES } from '../../../src/shared/api'
import type { PreloadBridge } from '../../../src/renderer/src/api/transport'
import { contextBridge, ipcRenderer, webUtils } from './fakeElectron'

vi.mock('electron', async () => import('./fakeElectron'))

let bridge: PreloadBridge

beforeAll(async () => {
  await import('../../../src/preload/index')
  bridge = contextBridge.exposed.get('siteAtlas') as PreloadBridge
})

beforeEach(() => {
  ipcRenderer.invocations = []
  ipcRenderer.reply = () => ({ ok: true, value: 'from main' })
})

describe('the preload bridge', () => {
  it('exposes only siteAtlas, with only call, upload, save and print', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['siteAtlas'])
    expect(Object.keys(bridge)).toEqual(['call', 'upload', 'save', 'print'])
    expect(typeof bridge.call).toBe('function')
    expect(typeof bridge.upload).toBe('function')
  })

  it('uploads a picked file by sending its real path over the upload channel', async () => {
    const file = new File(['x'], 'shenhe.mbtiles')
    webUtils.paths.set(file, '/home/user/地图/shenhe.mbtiles')
    ipcRenderer.reply = () => ({ ok: true, value: { uploadId: 'u-1' } })
    expect(await bridge.upload(file)).toEqual({ ok: true, value: { uploadId: 'u-1' } })
    expect(ipcRenderer.invocations).toEqual([['upload', '/home/user/地图/shenhe.mbtiles']])
  })

  it('refuses a File the page made itself (no path) without sending anything', async () => {
    const made = new File(['not chosen by the user'], 'made.mbtiles')
    expect(await bridge.upload(made)).toMatchObject({ ok: false, error: { code: 'invalid', field: 'file' } })
    expect(ipcRenderer.invocations).toEqual([])
  })

  it('sends every contract method over the one rpc channel and returns the answer', async () => {
    for (const method of METHOD_NAMES) {
      expect(await bridge.call(method, { q: 1 })).toEqual({ ok: true, value: 'from main' })
    }
    expect(ipcRenderer.invocations).toEqual(METHOD_NAMES.map((method) => ['rpc', method, { q: 1 }]))
  })

  it('refuses names outside the contract without sending anything', async () => {
    for (const name of ['buildings.drop', 'constructor', '__proto__', 'hasOwnProperty', 'rpc', '']) {
      expect(await bridge.call(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    }
    expect(await bridge.call(undefined as unknown as string, {})).toMatchObject({ error: { code: 'unknown_method' } })
    expect(ipcRenderer.invocations).toEqual([])
  })

  it('turns a failed send into an error value instead of a rejection', async () => {
    ipcRenderer.reply = () => {
      throw new Error('An object could not be cloned.')
    }
    expect(await bridge.call('meta.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it('saves an export by sending its asset path and name over the save channel', async () => {
    ipcRenderer.reply = () => ({ ok: true, value: { saved: true } })
    expect(await bridge.save('exports/0b6b1b9e-2c7e-4b7e-9d55-0e7b8f1c2a3d', '招商资源_2026-12-01.xlsx')).toEqual({ ok: true, value: { saved: true } })
    expect(ipcRenderer.invocations).toEqual([['save', 'exports/0b6b1b9e-2c7e-4b7e-9d55-0e7b8f1c2a3d', '招商资源_2026-12-01.xlsx']])
  })
})
