import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import type { Page } from 'playwright-core'

// Helpers for the inventory sheet in the browser host: a photo made in the page (so tests need
// no image files), map-like tiles from a local server, and waiting for the sheet to be ready.

/**
 * Draws a large photo-like JPEG in the page (a camera-sized picture, to prove the sheet scales it
 * down), uploads it with the page's token and attaches it to a site; returns the photo id.
 */
export async function addPhotoFromPage(page: Page, token: string, owner: { ownerKind: 'building' | 'parcel' | 'park'; ownerId: string }): Promise<string> {
  return page.evaluate(
    async ({ token, owner }) => {
      const canvas = document.createElement('canvas')
      canvas.width = 4000
      canvas.height = 3000
      const g = canvas.getContext('2d')!
      const sky = g.createLinearGradient(0, 0, 0, 3000)
      sky.addColorStop(0, '#6fa8dc')
      sky.addColorStop(1, '#dfe9f3')
      g.fillStyle = sky
      g.fillRect(0, 0, 4000, 3000)
      for (let i = 0; i < 9; i++) {
        g.fillStyle = `hsl(${200 + i * 7}, 25%, ${30 + i * 4}%)`
        const w = 260 + ((i * 97) % 200)
        const h = 900 + ((i * 373) % 1500)
        g.fillRect(200 + i * 420, 3000 - h, w, h)
        g.fillStyle = 'rgba(255,255,210,0.55)'
        for (let y = 3000 - h + 40; y < 2950; y += 70) for (let x = 200 + i * 420 + 20; x < 200 + i * 420 + w - 30; x += 50) g.fillRect(x, y, 26, 34)
      }
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.95))
      const auth = { authorization: `Bearer ${token}` }
      const uploaded = (await (await fetch('/upload?name=photo.jpg', { method: 'POST', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: blob })).json()) as {
        ok: boolean
        value: { uploadId: string }
      }
      const added = (await (
        await fetch('/rpc/photos.add', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ ...owner, uploadId: uploaded.value.uploadId }) })
      ).json()) as { ok: boolean; value: { id: string }; error?: { message: string } }
      if (!added.ok) throw new Error(added.error?.message)
      return added.value.id
    },
    { token, owner },
  )
}

/** Waits until the sheet has its data, maps, tiles and photos, and has numbered its pages. */
export async function sheetReady(page: Page, timeout = 120_000): Promise<void> {
  // Ready for the address now shown: after a change of address an old flag does not count.
  await page.waitForFunction(() => document.body.dataset.sheetReady === '1' && document.body.dataset.sheetReadyFor === window.location.hash, null, {
    timeout,
    polling: 100,
  })
}

/**
 * A 256 px map-like tile (blocks of colour crossed by white streets, varying with the tile's
 * address) as PNG: realistic enough in size to check what tiles cost a printed sheet.
 */
export function mapTilePng(z: number, x: number, y: number): Buffer {
  const size = 256
  const raw = Buffer.alloc((size * 3 + 1) * size)
  for (let row = 0; row < size; row++) {
    const line = row * (size * 3 + 1)
    raw[line] = 0
    for (let col = 0; col < size; col++) {
      const street = (row + y * 7) % 48 < 5 || (col + x * 11) % 64 < 6
      const block = ((Math.floor(row / 48) * 31 + Math.floor(col / 64) * 17 + z * 5 + x + y) % 4) as 0 | 1 | 2 | 3
      const colour = street ? [255, 255, 255] : [[234, 230, 220], [214, 232, 204], [226, 222, 236], [240, 236, 214]][block]!
      raw.set(colour, line + 1 + col * 3)
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(data.length + 12)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(zlib.crc32(body), data.length + 8)
    return out
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

/** An XYZ server on 127.0.0.1 answering /z/x/y.png with mapTilePng; counts what it served. */
export async function startMapTileServer(): Promise<{ template: string; served: () => number; close: () => Promise<void> }> {
  let served = 0
  const server = http.createServer((req, res) => {
    const match = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(req.url ?? '')
    if (!match) return void res.writeHead(404).end()
    served += 1
    res.writeHead(200, { 'content-type': 'image/png' }).end(mapTilePng(Number(match[1]), Number(match[2]), Number(match[3])))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    template: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
    served: () => served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
