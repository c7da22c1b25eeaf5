import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../src/shared/sync'
import { runCli } from '../../src/main/cli/main'
import { describeImport } from '../../src/main/cli/commands/changes'
import { importPackageFile } from '../../src/main/services/sync/packageImport'
import { writePackage } from '../../src/main/services/sync/packageWrite'
import { applyOps } from '../../src/main/store/syncApply'
import { openDevice, opsOf, type Device } from '../helpers/syncDevices'
import { tempDir } from '../helpers/store'
import { png1x1 } from '../helpers/tiles'

// A package names photos by digest and carries their bytes: one that names a photo nobody has
// must not be written, nor merged (its row would wait forever, and the server would refuse pushes).

const devices: Device[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close()
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

async function device(name: string): Promise<Device> {
  const d = await openDevice(name)
  devices.push(d)
  return d
}

function packagePath(): string {
  const dir = tempDir('site-atlas-photos-')
  dirs.push(dir)
  return path.join(dir, 'pkg.sitechanges')
}

/** A device with a building and a photo of it. */
async function withPhoto() {
  const a = await device('张三')
  const building = await a.ok('buildings.create', { name: '财富中心', districtCode: '210112', lng: 123.4, lat: 41.7 })
  const image = path.join(a.dir, '大堂.png')
  fs.writeFileSync(image, png1x1(200, 10, 10))
  const picked = await a.services.registerFile(image)
  if (!picked.ok) throw new Error('pick')
  const photo = (await a.ok('photos.add', { ownerKind: 'building', ownerId: building.id, uploadId: picked.value.uploadId, caption: '大堂' })) as { id: string }
  return { a, photo }
}

const write = (d: Device, file: string) => writePackage(d.store, file, { device: d.services.ctx.author.deviceId, actor: d.name, receiverKnows: null })

describe('photos in packages', () => {
  it('refuses to write a package naming a photo this store does not hold', async () => {
    const { a, photo } = await withPhoto()
    const b = await device('李四')
    // B got A's operations without the bytes (as a package that left them out would have done).
    await applyOps(b.store, await opsOf(a.store), { blob: () => undefined })
    expect((b.store.sqlite.prepare('SELECT count(*) AS n FROM sync_pending').get() as { n: number }).n).toBeGreaterThan(0)
    await expect(write(b, packagePath())).rejects.toThrow(new RegExp(`照片的数据本机没有（照片记录 ${photo.id.slice(0, 8)}`))

    // The waiting row is visible: in the status, after an import, and in the conflicts command's text.
    const status = (await b.ok('sync.status', {})) as SyncStatus
    expect(status.pendingRows).toBe(1)
    expect(status.pending).toEqual([{ table: 'photos', rowId: photo.id, reason: expect.stringContaining('缺少照片数据') as unknown }])
    const c = await device('王五')
    await c.ok('buildings.create', { name: '时代广场', districtCode: '210112', lng: 123.5, lat: 41.8 })
    const fromC = packagePath()
    await write(c, fromC)
    const summary = await importPackageFile(b.services.ctx, fromC)
    expect(summary).toMatchObject({ pendingRows: 1, pending: [{ table: 'photos', rowId: photo.id }] })
    expect(describeImport(summary)).toContain(`1 条记录待补全（缺少上级记录或照片数据，收到后自动补全）：照片 ${photo.id.slice(0, 8)}：缺少照片数据`)
    const out: string[] = []
    const home = process.env.SITE_ATLAS_HOME
    process.env.SITE_ATLAS_HOME = path.dirname(packagePath())
    const code = await runCli(['conflicts', '--db', b.store.file], { out: (l) => out.push(l), err: (l) => out.push(l) }).finally(() => {
      if (home === undefined) delete process.env.SITE_ATLAS_HOME
      else process.env.SITE_ATLAS_HOME = home
    })
    expect(code).toBe(0)
    expect(out.join('\n')).toContain('没有待处理的冲突')
    expect(out.join('\n')).toContain(`1 条记录待补全`)
  })

  it('refuses to merge a package naming a photo neither it nor this store carries, and writes nothing', async () => {
    const { a } = await withPhoto()
    const c = await device('王五')
    const whole = packagePath()
    const { header } = await write(a, whole)
    expect(header.blobs).toBe(2)
    // The same package with its photo lines cut off (and the header saying so).
    const lines = zlib.gunzipSync(fs.readFileSync(whole)).toString('utf8').trimEnd().split('\n')
    const stripped = packagePath()
    fs.writeFileSync(stripped, zlib.gzipSync(`${[JSON.stringify({ ...header, blobs: 0 }), ...lines.slice(1, 1 + header.ops)].join('\n')}\n`))
    const before = (await opsOf(c.store)).length
    await expect(importPackageFile(c.services.ctx, stripped)).rejects.toThrow(/包中和本机都没有它们的数据/)
    expect((await opsOf(c.store)).length).toBe(before)
    // The whole one merges, and nothing waits.
    await importPackageFile(c.services.ctx, whole)
    expect((c.store.sqlite.prepare('SELECT count(*) AS n FROM sync_pending').get() as { n: number }).n).toBe(0)
    expect(((await c.ok('sync.status', {})) as SyncStatus).openConflicts).toBe(0)
  })
})
