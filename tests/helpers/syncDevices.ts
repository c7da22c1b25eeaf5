import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'
import type { Result } from '../../src/shared/result'
import type { SyncOp } from '../../src/shared/sync'
import { createServices, type Services } from '../../src/main/services'
import { openStore, type Store } from '../../src/main/store/open'
import { applyOps, type ApplyResult } from '../../src/main/store/syncApply'
import { toSyncOp } from '../../src/main/store/syncLog'
import { tempDir } from './store'

// Simulated laptops for the merge tests: each its own store file and device folder (so its own
// device id), exchanging the operations of their change logs directly (no package files).

export interface Device {
  name: string
  dir: string
  store: Store
  services: Services
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  close(): Promise<void>
}

export async function openDevice(name: string): Promise<Device> {
  const dir = tempDir(`site-atlas-sync-${name}-`)
  const store = await openStore(path.join(dir, 'atlas.db'))
  const services = await createServices(store, name, { deviceDir: path.join(dir, 'device'), backupSchedule: false })
  const call = (async (method: MethodName, input: unknown) => services.dispatch(method, input)) as Device['call']
  const ok = (async (method: MethodName, input: unknown) => {
    const result = await services.dispatch(method, input)
    if (!result.ok) throw new Error(`${name}: ${method} failed: ${JSON.stringify(result.error)}`)
    return result.value
  }) as Device['ok']
  return {
    name,
    dir,
    store,
    services,
    call,
    ok,
    close: async () => {
      await services.shutdown()
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Every operation a store holds, in its log order. */
export async function opsOf(store: Store): Promise<SyncOp[]> {
  const rows = await store.db.selectFrom('changeLog').selectAll().orderBy('seq').execute()
  return rows.map((r) => toSyncOp(r))
}

/** The photo bytes a store holds, by digest (what a package would carry). */
export function blobsOf(store: Store): (sha256: string) => Uint8Array | undefined {
  const bytes = new Map<string, Uint8Array>()
  const rows = store.sqlite.prepare('SELECT bytes, thumbnail, original FROM photos').all() as Array<Record<string, Buffer | null>>
  for (const row of rows) {
    for (const b of Object.values(row)) if (b) bytes.set(createHash('sha256').update(b).digest('hex'), b)
  }
  return (sha) => bytes.get(sha)
}

/** Sends everything `from` holds to `to` (what `to` already holds is skipped). */
export async function exchange(from: Device, to: Device, today?: string): Promise<ApplyResult> {
  return applyOps(to.store, await opsOf(from.store), { blob: blobsOf(from.store), today })
}

/**
 * A store's people-visible contents: every logged table's rows (times included) and the link
 * tables, as text. Districts are left out: each store seeds them itself when it is made.
 */
export function dumpRows(store: Store): string {
  const tables = [
    'clusters', 'buildings', 'spaces', 'tenants', 'leases', 'lease_spaces', 'parcels', 'parks', 'sub_parks', 'park_hosts',
    'photos', 'visits', 'visit_sites', 'saved_searches', 'targets', 'target_entries',
  ]
  return tables
    .map((t) => {
      const rows = store.sqlite.prepare(`SELECT * FROM ${t}`).all() as Array<Record<string, unknown>>
      const lines = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? createHash('sha256').update(v).digest('hex') : v)))
      return `${t}\n${lines.sort().join('\n')}`
    })
    .join('\n')
}

/** Everything in the store's file, sync tables and settings included, for "nothing changed". */
export function dumpAll(store: Store): string {
  const tables = (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name)
  return tables
    .map((t) => {
      const rows = store.sqlite.prepare(`SELECT * FROM "${t}"`).all() as Array<Record<string, unknown>>
      return `${t}\n${rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? createHash('sha256').update(v).digest('hex') : v))).sort().join('\n')}`
    })
    .join('\n')
}

/** A row as stored (snake_case columns), or undefined. */
export function rowOf(d: Device, table: string, id: string): Record<string, unknown> {
  const key = table === 'districts' ? 'code' : 'id'
  return (d.store.sqlite.prepare(`SELECT * FROM ${table} WHERE ${key} = ?`).get(id) as Record<string, unknown> | undefined) ?? {}
}

/** Registers a local file as picked on `d`; returns its upload id. */
export async function pick(d: Device, file: string): Promise<string> {
  const result = await d.services.registerFile(file)
  if (!result.ok) throw new Error(`registering ${file} failed: ${JSON.stringify(result.error)}`)
  return result.value.uploadId
}
