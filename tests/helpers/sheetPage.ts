import type { Page } from 'playwright-core'

// Helpers for the inventory sheet in the browser host: a photo made in the page (so tests need
// no image files), and waiting for the sheet to say it is ready to print.

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
  await page.waitForFunction(() => document.body.dataset.sheetReady === '1', null, { timeout, polling: 100 })
}
