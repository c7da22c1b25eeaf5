import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { receiveUpload, UPLOAD_TTL_MS, type UploadLimits, UploadRegistry, uploadRoom } from '../../src/main/services/uploads/registry'
import { startUploadSweep } from '../../src/main/web/uploadSweep'
import { tempDir } from '../helpers/store'

// Uploads wait in <data>/uploads only until used: a quota for the folder, a margin of free disk,
// and a sweep that deletes what nobody used for an hour (and everything at a host's start).

let dir: string | undefined
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

const KB = 1024
const body = (bytes: number) => Readable.from([Buffer.alloc(bytes, 1)])
const limits = (over: Partial<UploadLimits> = {}): UploadLimits => ({ maxBytes: 64 * KB, quotaBytes: 100 * KB, freeMarginBytes: 0, ...over })

function registry(): UploadRegistry {
  dir = tempDir()
  return new UploadRegistry(path.join(dir, 'uploads'))
}

function age(file: string, ms: number): void {
  const then = new Date(Date.now() - ms)
  fs.utimesSync(file, then, then)
}

describe('upload quota', () => {
  it('refuses an upload that would fill the folder past its quota, declared or while streaming', async () => {
    const uploads = registry()
    await receiveUpload(uploads, body(60 * KB), 'a.csv', 60 * KB, limits())
    // 40 KB left of 100: a declared 50 KB is refused before a byte is written…
    await expect(receiveUpload(uploads, body(50 * KB), 'b.csv', 50 * KB, limits())).rejects.toThrow(/上传文件：待导入的上传文件已占满 100 KB 的上限（还可上传 40 KB）/)
    // …and an undeclared one as soon as it passes the quota, its part file deleted.
    await expect(receiveUpload(uploads, body(50 * KB), 'c.csv', undefined, limits())).rejects.toThrow(/已占满/)
    expect(fs.readdirSync(uploads.dir)).toHaveLength(1)
    // What fits still fits.
    await receiveUpload(uploads, body(30 * KB), 'd.csv', undefined, limits())
    expect(uploads.usedBytes()).toBe(90 * KB)
  })

  it('refuses a single file over the per-file limit in words that name the limit', async () => {
    const uploads = registry()
    await expect(receiveUpload(uploads, body(65 * KB), 'big.mbtiles', undefined, limits())).rejects.toThrow('上传文件：超过单个文件上限 64 KB')
  })

  it('leaves the free-space margin on the disk (fs.statfs)', async () => {
    const uploads = registry()
    fs.mkdirSync(uploads.dir, { recursive: true })
    const disk = fs.statfsSync(uploads.dir)
    const free = disk.bavail * disk.bsize
    // A margin larger than the free space: no room at all, and the sentence says it is the disk.
    const room = await uploadRoom(uploads, limits({ maxBytes: 2 * free, quotaBytes: 4 * free, freeMarginBytes: free + 1 }))
    expect(room.bytes).toBe(0)
    expect(room.refusal().message).toMatch(/^上传文件：数据文件夹所在磁盘空间不足/)
    await expect(receiveUpload(uploads, body(1), 'a.csv', 1, limits({ maxBytes: 2 * free, quotaBytes: 4 * free, freeMarginBytes: free + 1 }))).rejects.toThrow(/磁盘空间不足/)
  })
})

describe('upload sweep', () => {
  it('deletes an upload unused for an hour with its id; keeps one used since (get touches it)', async () => {
    const uploads = registry()
    const idle = await receiveUpload(uploads, body(KB), 'idle.csv', KB, limits())
    const used = await receiveUpload(uploads, body(KB), 'used.csv', KB, limits())
    for (const upload of [idle, used]) {
      age(upload.path, UPLOAD_TTL_MS + 60_000)
      age(path.join(uploads.idsDir, `${upload.id}.json`), UPLOAD_TTL_MS + 60_000)
    }
    expect(uploads.get(used.id)?.path).toBe(used.path) // a preview read it just now
    uploads.sweepStale()
    expect(uploads.get(idle.id, false)).toBeUndefined()
    expect(fs.existsSync(idle.path)).toBe(false)
    expect(fs.existsSync(used.path)).toBe(true)
  })

  it('deletes an orphan part file once untouched for an hour, never one still being written', () => {
    const uploads = registry()
    fs.mkdirSync(uploads.dir, { recursive: true })
    const stale = path.join(uploads.dir, 'a.part')
    const live = path.join(uploads.dir, 'b.part')
    fs.writeFileSync(stale, 'x')
    fs.writeFileSync(live, 'x')
    age(stale, UPLOAD_TTL_MS + 1000)
    uploads.sweepStale()
    expect(fs.existsSync(stale)).toBe(false)
    expect(fs.existsSync(live)).toBe(true)
  })

  it('leaves a picked local file (not ours) where it is, forgetting only its id', async () => {
    const uploads = registry()
    const picked = path.join(dir!, 'mine.xlsx')
    fs.writeFileSync(picked, 'x')
    const upload = uploads.add({ path: picked, originalName: 'mine.xlsx', temporary: false, size: 1 })
    age(path.join(uploads.idsDir, `${upload.id}.json`), UPLOAD_TTL_MS + 1000)
    uploads.sweepStale()
    expect(uploads.get(upload.id)).toBeUndefined()
    expect(fs.existsSync(picked)).toBe(true)
  })

  it('the host sweeps everything left by an earlier run once it holds the store, then on a timer', async () => {
    const uploads = registry()
    const leftover = await receiveUpload(uploads, body(KB), 'left.csv', KB, limits())
    age(leftover.path, 5000)
    age(path.join(uploads.idsDir, `${leftover.id}.json`), 5000)
    let holdStore!: () => void
    const ready = new Promise<void>((resolve) => (holdStore = resolve))
    const stop = startUploadSweep(dir!, ready, 20, UPLOAD_TTL_MS)
    try {
      expect(fs.existsSync(leftover.path)).toBe(true) // not before the store is ours
      holdStore()
      await ready
      await new Promise((resolve) => setImmediate(resolve))
      expect(fs.existsSync(leftover.path)).toBe(false)
      expect(uploads.get(leftover.id)).toBeUndefined()

      // Later, the timer: an upload idle past the hour goes without a restart.
      const idle = await receiveUpload(uploads, body(KB), 'idle.csv', KB, limits())
      age(idle.path, UPLOAD_TTL_MS + 1000)
      age(path.join(uploads.idsDir, `${idle.id}.json`), UPLOAD_TTL_MS + 1000)
      await expect.poll(() => fs.existsSync(idle.path), { timeout: 5000 }).toBe(false)
    } finally {
      stop()
    }
  })
})
