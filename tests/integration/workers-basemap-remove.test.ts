import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { runtimePerTest, type TestRuntime } from '../helpers/runtime'
import { smallPyramid, writeMbtiles } from '../helpers/tiles'

// Removing a basemap in the writer while a reader holds it open: the reader lets go of it (never
// serving the removed basemap, never holding its files) and never makes its files again.

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const t = runtimePerTest()

/** The files a process holds open whose path mentions `needle` (Linux's /proc). */
function heldFiles(pid: number, needle: string): string[] {
  const dir = `/proc/${pid}/fd`
  const held: string[] = []
  for (const fd of fs.readdirSync(dir)) {
    try {
      const target = fs.readlinkSync(path.join(dir, fd))
      if (target.includes(needle)) held.push(target)
    } catch {
      // closed meanwhile
    }
  }
  return held
}

async function importPackage(app: TestRuntime): Promise<string> {
  const file = path.join(app.dir, '底图.mbtiles')
  writeMbtiles(file, smallPyramid())
  const picked = await app.runtime.registerFile(file)
  if (!picked.ok) throw new Error(picked.error.message)
  return (await app.ok('basemaps.import', { uploadId: picked.value.uploadId, crs: 'wgs84' })).id
}

describe('a basemap removed while a reader holds it', () => {
  it.runIf(process.platform === 'linux')('is no longer served or held open by the reader', async () => {
    const app = await t.start({ readers: 1 })
    const id = await importPackage(app)
    expect(await app.runtime.readAsset(`/tiles/${id}/0/0/0`)).toMatchObject({ contentType: 'image/png' })
    // A second read with the source open: the reader has now checked it at the current version,
    // so only a version that moves with the removal makes it look again.
    expect(await app.runtime.readAsset(`/tiles/${id}/0/0/0`)).toMatchObject({ contentType: 'image/png' })
    const reader = app.runtime.workers()[1]!.pid!
    expect(heldFiles(reader, id)).not.toEqual([])

    await app.ok('basemaps.remove', { id })
    expect(await app.runtime.readAsset(`/tiles/${id}/0/0/0`)).toBeNull()
    expect(heldFiles(reader, id)).toEqual([])
    expect(app.runtime.workers()[1]!.pid).toBe(reader) // let go of, not killed
  })

  it('is never made again by a reader that finds its cache gone', async () => {
    const app = await t.start({ readers: 1 })
    const online = await app.ok('basemaps.addOnline', { name: '在线底图', urlTemplate: 'http://127.0.0.1:9/{z}/{x}/{y}.png', crs: 'wgs84', maxZoom: 18 })
    const cache = path.join(app.runtime.dataDir, 'tiles', `${online.id}.mbtiles`)
    expect(fs.existsSync(cache)).toBe(true)
    // The writer deleting its files just after a reader read its row: the reader opens it after.
    for (const f of [cache, `${cache}-wal`, `${cache}-shm`]) fs.rmSync(f, { force: true })
    await app.runtime.readAsset(`/tiles/${online.id}/1/0/0`).catch(() => null)
    await app.ok('basemaps.list', {})
    expect(fs.existsSync(cache)).toBe(false)
  })
})
