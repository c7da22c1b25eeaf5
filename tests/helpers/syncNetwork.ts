import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'
import type { ImportSummary, PackageFile, SyncOp } from '../../src/shared/sync'
import { type MergeOp } from '../../src/shared/syncMerge'
import { createServices, type Services } from '../../src/main/services'
import { exportFilePath } from '../../src/main/services/exports/files'
import { today } from '../../src/main/store/leases'
import { openStore, type Store } from '../../src/main/store/open'
import { applyOps, type ApplyResult } from '../../src/main/store/syncApply'
import { blobsFor, knowsVector, opsSince } from '../../src/main/store/syncExport'
import { toMergeOp } from '../../src/main/store/syncLog'

// Simulated laptops for the sync tests: stores copied from one seeded file, each with a device
// folder of its own (so its own device id), exchanging operations as packages do — what the other
// is not known to hold, or everything — and a record of every operation any of them wrote with what
// its device held at that moment (the oracle of what each writer saw).

export interface Device {
  index: number
  actor: string
  store: Store
  services: Services
  deviceId: string
  /** The last change_log seq this record has read on this store. */
  lastSeq: number
  /** Operation ids this store holds. */
  held: Set<string>
}

/** An operation as the record keeps it: who wrote it, and what its device held then. */
export interface WrittenOp {
  op: MergeOp
  table: string
  row: string
  device: number
  /** Operation ids the writing store held just before it (its own earlier ones in the same write included). */
  saw: Set<string>
}

/** The seeded rows every device starts with. */
export interface Seed {
  file: string
  buildings: string[]
  spaces: string[]
  tenants: string[]
  leases: string[]
}

const SEED_ACTOR = '种子'

/** A small demo-like store made through the services: two buildings, their spaces, tenants and leases. */
export async function makeSeed(dir: string): Promise<Seed> {
  const file = path.join(dir, 'seed.db')
  const store = await openStore(file)
  const services = await createServices(store, SEED_ACTOR, { deviceDir: path.join(dir, 'seed-device'), backupSchedule: false })
  const ok = okOf(services)
  const day = await today(store.db)
  const buildings = [
    (await ok('buildings.create', { name: '财富中心', districtCode: '210112', kind: 'office', lng: 123.45, lat: 41.72 })).id,
    (await ok('buildings.create', { name: '华润大厦', districtCode: '210103', kind: 'office', lng: 123.43, lat: 41.79 })).id,
  ]
  const spaces: string[] = []
  for (const buildingId of buildings) {
    for (const floorLabel of ['12', '13']) {
      for (const n of [1, 2]) {
        spaces.push((await ok('spaces.create', { buildingId, floorLabel, unit: `${floorLabel}0${n}`, area: 100 + 20 * n, status: 'vacant' })).id)
      }
    }
  }
  const tenants = [
    (await ok('tenants.create', { name: '沈阳远航科技有限公司', creditCode: creditCode(1), staff: 40, accept: ['creditCode.checkDigit'] })).id,
    (await ok('tenants.create', { name: '辽宁北方数据有限公司', staff: 12 })).id,
    (await ok('tenants.create', { name: '盛京律师事务所' })).id,
  ]
  const leases = [
    // Running today: its space is leased.
    (await ok('leases.create', { tenantId: tenants[0]!, spaceIds: [spaces[0]!], startDate: addDays(day, -30), endDate: addDays(day, 700) })).id,
    // Signed, starting next month: its space is still on the market.
    (await ok('leases.create', { tenantId: tenants[1]!, spaceIds: [spaces[4]!], startDate: addDays(day, 30), endDate: addDays(day, 400) })).id,
  ]
  await services.shutdown()
  await store.close()
  return { file, buildings, spaces, tenants, leases }
}

/** `count` devices, each a copy of the seed file in a folder of its own with its own device id. */
export async function openDevices(seed: Seed, root: string, count: number): Promise<Device[]> {
  const devices: Device[] = []
  for (let index = 0; index < count; index++) {
    const dir = path.join(root, `device-${index}`)
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(dir, 'atlas.db')
    fs.copyFileSync(seed.file, file)
    const store = await openStore(file, { skipMigrationBackup: true })
    // What the seed holds, read before the services start: what they write on opening (the day's
    // lease statuses) is this device's own, for the record to observe.
    const held = new Set(
      (store.sqlite.prepare('SELECT op_id AS id FROM change_log').all() as Array<{ id: string }>).map((r) => r.id),
    )
    const lastSeq = (store.sqlite.prepare('SELECT coalesce(max(seq), 0) AS n FROM change_log').get() as { n: number }).n
    const actor = `同事${index + 1}`
    const services = await createServices(store, actor, { deviceDir: path.join(dir, 'home'), backupSchedule: false })
    devices.push({ index, actor, store, services, deviceId: services.ctx.author.deviceId, lastSeq, held })
  }
  return devices
}

export async function closeDevices(devices: readonly Device[]): Promise<void> {
  for (const d of devices) {
    await d.services.shutdown()
    await d.store.close()
  }
}

export function okOf(services: Services) {
  return async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await services.dispatch(method, input)
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
    return result.value as MethodOutput<M>
  }
}

/** A valid-looking unified social credit code (the check character is not computed: callers accept the warning). */
export function creditCode(n: number): string {
  return `91210112${String(n).padStart(9, '0')}X`
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

interface LogRow {
  seq: number
  opId: string
  hlc: string
  op: SyncOp['op']
  field: string | null
  newValue: string | null
  pred: string | null
  tableName: string
  rowId: string
}

/**
 * Every operation of all devices: reads what each store logged since last read and records the new
 * ones with what their device held (its own earlier ones of the same read included, in log order).
 */
export class OpRecord {
  readonly written = new Map<string, WrittenOp>()

  observe(device: Device): WrittenOp[] {
    const rows = device.store.sqlite
      .prepare(
        `SELECT seq, op_id AS opId, hlc, op, field, new_value AS newValue, pred, table_name AS tableName, row_id AS rowId
         FROM change_log WHERE seq > ? ORDER BY seq`,
      )
      .all(device.lastSeq) as LogRow[]
    const fresh: WrittenOp[] = []
    for (const r of rows) {
      device.lastSeq = Math.max(device.lastSeq, r.seq)
      if (!this.written.has(r.opId)) {
        const w: WrittenOp = { op: toMergeOp(r), table: r.tableName, row: r.rowId, device: device.index, saw: new Set(device.held) }
        this.written.set(r.opId, w)
        fresh.push(w)
      }
      device.held.add(r.opId)
    }
    return fresh
  }
}

/** What one device sends another: what the receiver is not known to hold, or everything it holds. */
export async function outgoing(from: Device, to: Device, everything: boolean): Promise<{ ops: SyncOp[]; blobs: Map<string, Uint8Array> }> {
  const ops = await opsSince(from.store, everything ? null : await knowsVector(to.store))
  return { ops, blobs: await blobsFor(from.store, ops) }
}

export async function deliver(to: Device, ops: readonly SyncOp[], blobs: Map<string, Uint8Array>): Promise<ApplyResult> {
  return applyOps(to.store, ops, { blob: (sha) => blobs.get(sha), today: await today(to.store.db) })
}

/**
 * The colleague's way: `from` exports a package file (only what `to` is not known to hold, when
 * `from` has had a package from `to`; else everything), `to` imports it, `times` times.
 */
export async function exchangePackage(from: Device, to: Device, everything: boolean, times: number): Promise<Array<{ applied: number }>> {
  let exported = await from.services.dispatch('sync.exportPackage', everything ? {} : { peer: to.deviceId })
  if (!exported.ok && !everything) exported = await from.services.dispatch('sync.exportPackage', {})
  if (!exported.ok) throw new Error(`device ${from.index}: sync.exportPackage failed: ${JSON.stringify(exported.error)}`)
  const file = exportFilePath(from.services.ctx.dataDir, (exported.value as PackageFile).id, 'sitechanges')
  const results: Array<{ applied: number }> = []
  for (let i = 0; i < times; i++) {
    const upload = await to.services.registerFile(file)
    if (!upload.ok) throw new Error(`device ${to.index}: registering the package failed: ${JSON.stringify(upload.error)}`)
    const imported = await to.services.dispatch('sync.importPackage', { uploadId: upload.value.uploadId })
    if (!imported.ok) throw new Error(`device ${to.index}: sync.importPackage failed: ${JSON.stringify(imported.error)}`)
    results.push(imported.value as ImportSummary)
  }
  return results
}

/**
 * Applies `ops` with the store made to fail as the operation `failAt` is logged (a crash, a full disk):
 * the apply must throw and leave the store as it was. Returns whether it threw.
 */
export async function deliverFailing(to: Device, ops: readonly SyncOp[], blobs: Map<string, Uint8Array>, failAt: string): Promise<boolean> {
  const quoted = failAt.replaceAll("'", "''")
  to.store.sqlite.exec(`CREATE TEMP TRIGGER sync_test_fail BEFORE INSERT ON change_log WHEN NEW.op_id = '${quoted}'
    BEGIN SELECT RAISE(ABORT, 'sync test: interrupted'); END`)
  try {
    await deliver(to, ops, blobs)
    return false
  } catch {
    return true
  } finally {
    to.store.sqlite.exec('DROP TRIGGER IF EXISTS temp.sync_test_fail')
  }
}

/** The person-edited tables as compared between devices (local-only ones left out: settings, basemaps, imports, sync_*). */
export const COMPARED_TABLES = [
  'districts', 'clusters', 'buildings', 'spaces', 'tenants', 'leases', 'lease_spaces', 'parcels', 'parks', 'sub_parks',
  'park_hosts', 'saved_searches', 'photos', 'visits', 'visit_sites', 'targets', 'target_entries',
] as const

/** Every compared table's rows (updated_at left out: each device stamps its own), BLOBs by digest. */
export function dumpRows(store: Store): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {}
  for (const table of COMPARED_TABLES) {
    const rows = store.sqlite.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>
    out[table] = rows
      .map((row) => {
        const copy: Record<string, unknown> = {}
        for (const [k, v] of Object.entries(row)) {
          if (k === 'updated_at') continue
          copy[k] = v instanceof Uint8Array ? `sha256:${createHash('sha256').update(v).digest('hex')}` : v
        }
        return copy
      })
      .map((row) => JSON.stringify(row))
      .sort()
      .map((text) => JSON.parse(text) as unknown)
  }
  return out
}

export interface DumpedConflict {
  table: string
  rowId: string
  field: string
  kind: string
  note: string | null
  values: unknown[]
}

/** The open conflicts as stored (detectedAt left out: each device notes its own). */
export function dumpConflicts(store: Store): DumpedConflict[] {
  const rows = store.sqlite
    .prepare('SELECT table_name AS "table", row_id AS rowId, field, kind, note, "values" AS v FROM sync_conflicts ORDER BY table_name, row_id, field, kind')
    .all() as Array<Omit<DumpedConflict, 'values'> & { v: string }>
  return rows.map(({ v, ...rest }) => ({ ...rest, values: JSON.parse(v) as unknown[] }))
}

export function heldIds(store: Store): string[] {
  return (store.sqlite.prepare('SELECT op_id AS id FROM change_log ORDER BY op_id').all() as Array<{ id: string }>).map((r) => r.id)
}

/** What a failed apply must not have changed: the log, the rows, the conflicts, the pending rows. */
export function fingerprint(store: Store): string {
  const pending = store.sqlite.prepare('SELECT * FROM sync_pending ORDER BY table_name, row_id').all()
  const blobs = store.sqlite.prepare('SELECT sha256 FROM sync_blobs ORDER BY sha256').all()
  return createHash('sha256')
    .update(JSON.stringify([heldIds(store), dumpRows(store), dumpConflicts(store), pending, blobs]))
    .digest('hex')
}
