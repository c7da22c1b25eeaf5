import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { receiveUpload, type UploadLimits, UploadRegistry } from '../../src/main/services/uploads/registry'
import { tempDir } from '../helpers/store'

// Uploads received side by side share the uploads folder's quota (and the disk's margin): each
// one's room is what the others have not claimed, whether they declared their size or not.

let dir: string | undefined
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

const KB = 1024
const limits: UploadLimits = { maxBytes: 64 * KB, quotaBytes: 100 * KB, freeMarginBytes: 0 }

function registry(): UploadRegistry {
  dir = tempDir()
  return new UploadRegistry(path.join(dir, 'uploads'))
}

/** A body sent slowly, in chunks of 10 KB, so that uploads started together interleave. */
function slowBody(bytes: number): Readable {
  return Readable.from((async function* () {
    for (let sent = 0; sent < bytes; sent += 10 * KB) {
      await sleep(5)
      yield Buffer.alloc(Math.min(10 * KB, bytes - sent), 1)
    }
  })())
}

describe('uploads received in parallel', () => {
  it('gives the room a declared upload claimed to no other starting beside it', async () => {
    const uploads = registry()
    const results = await Promise.allSettled([
      receiveUpload(uploads, slowBody(60 * KB), 'a.mbtiles', 60 * KB, limits),
      receiveUpload(uploads, slowBody(60 * KB), 'b.mbtiles', 60 * KB, limits),
    ])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    const refused = results.find((r) => r.status === 'rejected')!
    expect((refused.reason as Error).message).toMatch(/^上传文件：待导入的上传文件已占满 100 KB 的上限（还可上传 40 KB）/)
    expect(uploads.usedBytes()).toBe(60 * KB)
  })

  it('holds uploads of undeclared length to the quota together, as they grow', async () => {
    const uploads = registry()
    const results = await Promise.allSettled(['a', 'b', 'c'].map((name) => receiveUpload(uploads, slowBody(50 * KB), `${name}.csv`, undefined, limits)))
    const kept = results.filter((r) => r.status === 'fulfilled')
    const refused = results.filter((r) => r.status === 'rejected')
    expect(kept.length).toBeGreaterThanOrEqual(1)
    expect(refused.length).toBeGreaterThanOrEqual(1)
    for (const r of refused) expect((r.reason as Error).message).toMatch(/已占满/)
    expect(uploads.usedBytes()).toBeLessThanOrEqual(limits.quotaBytes)
    expect(uploads.usedBytes()).toBe(kept.length * 50 * KB)
    // Nothing is claimed once they have ended: the room is whole again.
    expect(uploads.claimedBytes()).toBe(0)
  })
})
