import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { PackageFile } from '../../src/shared/sync'
import { createServices, type Services } from '../../src/main/services'
import { findExport } from '../../src/main/services/exports/files'
import { locateSaveable } from '../../src/main/electron/save'
import { openStore, type Store } from '../../src/main/store/open'
import { dumpRows } from '../helpers/syncDevices'
import { png1x1 } from '../helpers/tiles'
import { tempDir } from '../helpers/store'

// Sync packages between laptops (issue 13): one store file copied to two folders, each worked on
// as its own device (its own device folder), exchanging packages through the contract's methods.

interface Laptop {
  name: string
  dir: string
  store: Store
  services: Services
  ok<T = unknown>(method: string, input: unknown): Promise<T>
  call(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>
  close(): Promise<void>
}

const dirs: string[] = []
const open: Laptop[] = []
afterEach(async () => {
  for (const l of open.splice(0)) await l.close()
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

async function laptop(name: string, dir: string): Promise<Laptop> {
  const store = await openStore(path.join(dir, 'atlas.db'))
  const services = await createServices(store, name, { deviceDir: path.join(dir, 'device'), backupSchedule: false })
  const call = (method: string, input: unknown) => services.dispatch(method as never, input) as ReturnType<Laptop['call']>
  const l: Laptop = {
    name,
    dir,
    store,
    services,
    call,
    ok: async <T,>(method: string, input: unknown) => {
      const result = await call(method, input)
      if (!result.ok) throw new Error(`${name}: ${method} failed: ${JSON.stringify(result.error)}`)
      return result.value as T
    },
    close: async () => {
      await services.shutdown()
      await store.close()
    },
  }
  open.push(l)
  return l
}

/** A store with a building, then the same file copied to a second laptop. */
async function twoLaptops() {
  const dirA = tempDir('site-atlas-pkg-a-')
  const dirB = tempDir('site-atlas-pkg-b-')
  dirs.push(dirA, dirB)
  const a = await laptop('张三', dirA)
  const { id } = await a.ok<{ id: string }>('buildings.create', { name: '财富中心', districtCode: '210112', lng: 123.45, lat: 41.72 })
  await a.store.close()
  fs.copyFileSync(path.join(dirA, 'atlas.db'), path.join(dirB, 'atlas.db'))
  open.splice(open.indexOf(a), 1)
  const a2 = await laptop('张三', dirA)
  const b = await laptop('李四', dirB)
  return { a: a2, b, id }
}

async function importFile(to: Laptop, file: string) {
  const picked = await to.services.registerFile(file)
  if (!picked.ok) throw new Error(JSON.stringify(picked.error))
  return to.call('sync.importPackage', { uploadId: picked.value.uploadId })
}

async function exportTo(from: Laptop, peer?: string): Promise<{ file: string; pkg: PackageFile }> {
  const pkg = await from.ok<PackageFile>('sync.exportPackage', peer ? { peer } : {})
  const found = await findExport(from.dir, pkg.id)
  // Handed over as a person would: a copy of the file, elsewhere.
  const file = path.join(tempDir('site-atlas-pkg-usb-'), pkg.fileName)
  dirs.push(path.dirname(file))
  fs.copyFileSync(found!.filePath, file)
  return { file, pkg }
}

const buildingOf = async (l: Laptop, id: string) =>
  (await l.ok<{ building: { name: string; address: string | null; grade: string | null } }>('buildings.get', { id })).building

describe('sync packages between two laptops', () => {
  it('carries each side edits to the other, and the second time only what is new', async () => {
    const { a, b, id } = await twoLaptops()
    const deviceA = (await a.ok<{ deviceId: string }>('sync.status', {})).deviceId
    const deviceB = (await b.ok<{ deviceId: string }>('sync.status', {})).deviceId
    expect(deviceA).not.toBe(deviceB)

    await a.ok('buildings.update', { id, name: '财富大厦' })
    await b.ok('buildings.update', { id, address: '浑南大道 1 号' })

    const first = await exportTo(a)
    expect(first.pkg.fileName).toMatch(/^修改-张三-\d{8}-\d{4}\.sitechanges$/)
    expect(first.pkg.assetPath).toBe(`exports/${first.pkg.id}`)
    // Electron's save channel finds it like any export.
    expect(await locateSaveable(a.dir)(first.pkg.assetPath)).toMatchObject({ kind: 'export', fileName: first.pkg.fileName })
    const allOps = (await a.ok<{ ops: number }>('sync.status', {})).ops
    expect(first.pkg.ops).toBe(allOps)

    const intoB = (await importFile(b, first.file)) as { ok: true; value: { applied: number; skipped: number; from: { device: string; actor: string } } }
    expect(intoB.ok).toBe(true)
    // The history both copies share is skipped; A's rename is new.
    expect(intoB.value.applied).toBeGreaterThan(0)
    expect(intoB.value.applied + intoB.value.skipped).toBe(first.pkg.ops)
    expect(intoB.value.from).toMatchObject({ device: deviceA, actor: '张三' })
    expect(await buildingOf(b, id)).toMatchObject({ name: '财富大厦', address: '浑南大道 1 号' })

    const statusB = await b.ok<{ peers: Array<{ id: string; name: string; kind: string; lastReceivedAt: string | null; waiting: number }> }>('sync.status', {})
    const peerA = statusB.peers.find((p) => p.id === deviceA)!
    expect(peerA).toMatchObject({ kind: 'device', name: '张三' })
    expect(peerA.lastReceivedAt).not.toBeNull()
    // Waiting for A: only B's own address edit (A's package said what A holds).
    expect(peerA.waiting).toBeGreaterThan(0)

    const back = await exportTo(b, deviceA)
    expect(back.pkg.ops).toBe(peerA.waiting)
    const peerAfterSend = (await b.ok<{ peers: Array<{ id: string; lastSentAt: string | null }> }>('sync.status', {})).peers.find((p) => p.id === deviceA)!
    expect(peerAfterSend.lastSentAt).not.toBeNull()
    const intoA = (await importFile(a, back.file)) as { ok: true; value: { applied: number; skipped: number } }
    expect(intoA.value).toMatchObject({ applied: back.pkg.ops, skipped: 0 })
    expect(dumpRows(a.store)).toBe(dumpRows(b.store))

    // A edits again: its package for B carries that edit only.
    await a.ok('buildings.update', { id, grade: 'a' })
    const again = await exportTo(a, deviceB)
    expect(again.pkg.ops).toBe(1)
    expect(((await importFile(b, again.file)) as { value: { applied: number } }).value.applied).toBe(1)
    expect(await buildingOf(b, id)).toMatchObject({ grade: 'a' })
    expect(dumpRows(a.store)).toBe(dumpRows(b.store))
  })

  it('gives the same state when a package is imported twice', async () => {
    const { a, b, id } = await twoLaptops()
    await a.ok('buildings.update', { id, name: '财富大厦' })
    const { file, pkg } = await exportTo(a)
    const once = (await importFile(b, file)) as { ok: true; value: { applied: number; skipped: number } }
    const state = dumpRows(b.store)
    const twice = (await importFile(b, file)) as { ok: true; value: { applied: number; skipped: number; conflicts: number } }
    expect(once.value.applied).toBeGreaterThan(0)
    expect(twice.value).toMatchObject({ applied: 0, skipped: pkg.ops, conflicts: 0 })
    expect(dumpRows(b.store)).toBe(state)
  })

  it('counts a conflict when both sides changed the same field, and backs up before merging', async () => {
    const { a, b, id } = await twoLaptops()
    await a.ok('buildings.update', { id, name: '财富大厦' })
    await b.ok('buildings.update', { id, name: '财富中心A座' })
    const { file } = await exportTo(a)
    const summary = (await importFile(b, file)) as { ok: true; value: { conflicts: number; newConflicts: number } }
    expect(summary.value).toMatchObject({ conflicts: 1, newConflicts: 1 })
    expect((await b.ok<{ openConflicts: number }>('sync.status', {})).openConflicts).toBe(1)
    expect(fs.readdirSync(path.join(b.dir, 'backups')).some((n) => n.endsWith('-before-import.db'))).toBe(true)
  })

  it('carries photo bytes with the operations that name them', async () => {
    const { a, b, id } = await twoLaptops()
    const image = path.join(a.dir, '大堂.png')
    fs.writeFileSync(image, png1x1(200, 10, 10))
    const picked = await a.services.registerFile(image)
    if (!picked.ok) throw new Error('pick')
    const photo = await a.ok<{ id: string }>('photos.add', { ownerKind: 'building', ownerId: id, uploadId: picked.value.uploadId, caption: '大堂' })
    const { file, pkg } = await exportTo(a)
    // The image and its thumbnail.
    expect(pkg.blobs).toBe(2)
    expect(((await importFile(b, file)) as { ok: boolean }).ok).toBe(true)
    const bytesOf = (l: Laptop) => l.store.sqlite.prepare('SELECT bytes, thumbnail FROM photos WHERE id = ?').get(photo.id) as { bytes: Buffer; thumbnail: Buffer }
    expect(bytesOf(b).bytes.length).toBeGreaterThan(0)
    expect(bytesOf(b)).toEqual(bytesOf(a))
    expect(dumpRows(a.store)).toBe(dumpRows(b.store))
  })

  it('sends a laptop that restored an older backup what it lost', async () => {
    const { a, b, id } = await twoLaptops()
    const deviceA = (await a.ok<{ deviceId: string }>('sync.status', {})).deviceId
    const backup = path.join(tempDir('site-atlas-pkg-backup-'), 'atlas.db')
    dirs.push(path.dirname(backup))
    await a.store.close()
    fs.copyFileSync(path.join(a.dir, 'atlas.db'), backup)
    open.splice(open.indexOf(a), 1)
    const a1 = await laptop('张三', a.dir)
    await a1.ok('buildings.update', { id, name: '财富大厦' })
    expect(((await importFile(b, (await exportTo(a1)).file)) as { ok: boolean }).ok).toBe(true)

    // A's laptop goes back to the backup: the rename is gone there, but B holds it.
    await a1.close()
    open.splice(open.indexOf(a1), 1)
    fs.copyFileSync(backup, path.join(a.dir, 'atlas.db'))
    for (const suffix of ['-wal', '-shm']) fs.rmSync(path.join(a.dir, `atlas.db${suffix}`), { force: true })
    const a2 = await laptop('张三', a.dir)
    expect(await buildingOf(a2, id)).toMatchObject({ name: '财富中心' })
    expect(((await importFile(b, (await exportTo(a2)).file)) as { ok: boolean }).ok).toBe(true)

    const back = await exportTo(b, deviceA)
    expect(back.pkg.ops).toBeGreaterThan(0)
    expect(((await importFile(a2, back.file)) as { ok: boolean }).ok).toBe(true)
    expect(await buildingOf(a2, id)).toMatchObject({ name: '财富大厦' })
    expect(dumpRows(a2.store)).toBe(dumpRows(b.store))
  })

  it('refuses an export for a device it never heard from', async () => {
    const { a } = await twoLaptops()
    const refused = await a.call('sync.exportPackage', { peer: 'no-such-device' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(refused.error!.message).toContain('同事：')
  })
})
