import { describe, expect, it, vi } from 'vitest'

// client.ts makes the app's client when imported, which looks at window and sessionStorage.
vi.hoisted(() => {
  Object.assign(globalThis, {
    window: { location: { href: 'http://127.0.0.1:4870/' }, history: { state: null, replaceState: () => undefined } },
    sessionStorage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined },
  })
})
import { createClient } from '../../../src/renderer/src/api/client'
import { httpTransport, ipcTransport, type PreloadBridge } from '../../../src/renderer/src/api/transport'

// The renderer side of tiles and uploads: the client never knows the host, only a tile path.

describe('tile URLs and uploads in the renderer transports', () => {
  const tilePath = 'tiles/0b6f6a34-6d1c-4f3e-9d0a-1f2e3d4c5b6a/{z}/{x}/{y}'

  it('http: an absolute path, no token in it (the host cookie goes with it), placeholders untouched', () => {
    expect(httpTransport().assetUrl(tilePath)).toBe(`/${tilePath}`)
  })

  it('ipc: the relative path, which resolves to app://site-atlas/tiles/…', () => {
    const bridge: PreloadBridge = {
      call: async () => ({ ok: true, value: null }),
      upload: async () => ({ ok: true, value: { uploadId: 'u' } }),
      save: async () => ({ ok: true, value: { saved: true } }),
      print: async () => ({ ok: true, value: { filePath: null } }),
    }
    expect(ipcTransport(bridge).assetUrl(tilePath)).toBe(tilePath)
    const filled = ipcTransport(bridge).assetUrl(tilePath).replace('{z}', '3').replace('{x}', '6').replace('{y}', '2')
    expect(new URL(filled, 'app://site-atlas/index.html').href).toBe(`app://site-atlas/${tilePath.replace('{z}/{x}/{y}', '3/6/2')}`)
  })

  it('ipc: hands the File to the bridge, reports progress, and the client throws an error envelope', async () => {
    const seen: File[] = []
    let answer: Awaited<ReturnType<PreloadBridge['upload']>> = { ok: true, value: { uploadId: 'u-7' } }
    const bridge: PreloadBridge = {
      call: async () => ({ ok: true, value: null }),
      print: async () => ({ ok: true, value: { filePath: null } }),
      upload: async (file) => {
        seen.push(file)
        return answer
      },
      save: async () => ({ ok: true, value: { saved: true } }),
    }
    const client = createClient(ipcTransport(bridge))
    const file = new File(['abcd'], 'a.mbtiles')
    const progress: Array<[number, number]> = []
    expect(await client.upload(file, (sent, total) => progress.push([sent, total]))).toEqual({ uploadId: 'u-7' })
    expect(seen).toEqual([file])
    expect(progress).toEqual([[0, 4], [4, 4]])

    answer = { ok: false, error: { code: 'invalid', field: 'file', message: '上传文件：请从本机选择一个文件' } }
    await expect(client.upload(file)).rejects.toMatchObject({ name: 'ApiCallError', message: '上传文件：请从本机选择一个文件' })
    expect(client.assetUrl(tilePath)).toBe(tilePath)
  })
})
