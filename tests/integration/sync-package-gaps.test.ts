import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../src/shared/sync'
import { importPackageFile } from '../../src/main/services/sync/packageImport'
import { writePackage } from '../../src/main/services/sync/packageWrite'
import { applyOps } from '../../src/main/store/syncApply'
import { knowsVector, opsSince } from '../../src/main/store/syncExport'
import { blobsOf, dumpRows, openDevice, opsOf, type Device } from '../helpers/syncDevices'
import { tempDir } from '../helpers/store'

// Review findings on packages (issue 13): a package made for one colleague imported by another, a
// crafted header naming thousands of devices.

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

const ctxOf = (d: Device) => d.services.ctx

function packagePath(): string {
  const dir = tempDir('site-atlas-gap-')
  dirs.push(dir)
  return path.join(dir, 'pkg.sitechanges')
}

describe('a package made for one colleague', () => {
  it('is refused by another that lacks what it was filtered by, and writes nothing', async () => {
    const a = await device('张三')
    const b = await device('李四')
    const c = await device('王五')
    const building = await a.ok('buildings.create', { name: '财富中心', districtCode: '210112', lng: 123.4, lat: 41.7 })
    await applyOps(b.store, await opsSince(a.store, null), { blob: blobsOf(a.store) })
    const bKnows = await knowsVector(b.store)
    await a.ok('buildings.update', { id: building.id, name: '财富大厦' })

    // A's package for B (only what B lacks) reaches C through a shared folder.
    const forB = packagePath()
    const written = await writePackage(a.store, forB, { device: a.services.ctx.author.deviceId, actor: '张三', receiverKnows: bKnows })
    expect(written.header.base).toEqual(bKnows)
    const before = (await opsOf(c.store)).length
    await expect(importPackageFile(ctxOf(c), forB)).rejects.toThrow(/为其他同事导出的.*全部修改/)
    expect((await opsOf(c.store)).length).toBe(before)
    expect(fs.existsSync(path.join(c.dir, 'backups')) ? fs.readdirSync(path.join(c.dir, 'backups')).filter((n) => n.includes('before-import')) : []).toEqual([])

    // B, which holds what it was filtered by, takes it; C takes a package of everything.
    await importPackageFile(ctxOf(b), forB)
    const all = packagePath()
    const everything = await writePackage(a.store, all, { device: a.services.ctx.author.deviceId, actor: '张三', receiverKnows: null })
    expect(everything.header.base).toBeNull()
    await importPackageFile(ctxOf(c), all)
    expect(dumpRows(c.store)).toBe(dumpRows(a.store))
    expect(dumpRows(b.store)).toBe(dumpRows(a.store))
  })
})

describe('a vector naming thousands of devices', () => {
  it('still answers the status and what a colleague lacks', async () => {
    const a = await device('张三')
    await a.ok('buildings.create', { name: '财富中心', districtCode: '210112', lng: 123.4, lat: 41.7 })
    const knows: Record<string, string> = {}
    for (let i = 0; i < 1500; i++) knows[`dev-${i}`] = `0001796185985082-0000-dev-${i}`
    a.store.sqlite
      .prepare(`INSERT INTO sync_peers (id, kind, name, knows, last_received_at) VALUES ('crafted', 'device', '伪造', ?, '2026-12-02T00:00:00.000Z')`)
      .run(JSON.stringify(knows))
    const status = (await a.ok('sync.status', {})) as SyncStatus
    const ops = (await opsOf(a.store)).length
    expect(status.peers.find((p) => p.id === 'crafted')?.waiting).toBe(ops)
    expect((await opsSince(a.store, knows)).length).toBe(ops)
  })
})

describe('a header naming more devices than a team has', () => {
  it('is refused when read', async () => {
    const { readPackage } = await import('../../src/main/services/sync/packageRead')
    const zlib = await import('node:zlib')
    const { PACKAGE_FORMAT, PACKAGE_LIMITS, PACKAGE_VERSION } = await import('../../src/shared/sync')
    const knows: Record<string, string> = {}
    for (let i = 0; i <= PACKAGE_LIMITS.maxDevices; i++) knows[`dev-${i}`] = `0001796185985082-0000-dev-${i}`
    const header = { format: PACKAGE_FORMAT, version: PACKAGE_VERSION, device: 'dev-1', actor: '王五', createdAt: '2026-12-02T04:00:00.000Z', knows, base: null, ops: 0, blobs: 0 }
    const file = packagePath()
    fs.writeFileSync(file, zlib.gzipSync(`${JSON.stringify(header)}\n`))
    await expect(readPackage(file, path.dirname(file))).rejects.toThrow(`文件头列出的设备超过 ${PACKAGE_LIMITS.maxDevices} 台`)
  })
})
