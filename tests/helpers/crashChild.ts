import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'
import { localDay } from '../../src/shared/freshness'
import { addDays } from '../../src/shared/tenancy'
import { createServices } from '../../src/main/services'
import { openStore } from '../../src/main/store/open'
import { type CrashChildConfig, type CrashLine, CRASH_BUILDING, CRASH_TENANTS, IMPORT_ROWS, importPrefix } from './crashProtocol'
import { seededRandom } from './crashRandom'
import { writeCsv } from './importFiles'

// The process the crash drill kills (tests/helpers/crashDrill.ts): it opens a store with the real
// services in process, as the command line does (the open migrates an older store), and writes
// until it is killed. Before each write it says what it is about to write ('begin'), after the
// call returns ok what it wrote ('ack'), one JSON line each on stdout written synchronously, so a
// line written before the kill is in the pipe when the process dies.
//
// Started ahead of time (node has loaded every module by the time it says 'ready'), it waits for
// its config as one line on stdin.

function say(line: CrashLine): void {
  fs.writeSync(1, `${JSON.stringify(line)}\n`)
}

async function main(): Promise<void> {
  say({ t: 'ready' })
  const input = readline.createInterface({ input: process.stdin })
  const first = await new Promise<string>((resolve) => input.once('line', resolve))
  input.close()
  const config = JSON.parse(first) as CrashChildConfig
  const random = seededRandom(config.seed)
  let n = 0

  say({ t: 'begin', n, op: { kind: 'open' } })
  const store = await openStore(config.file)
  say({ t: 'ack', n, op: { kind: 'open', version: store.schemaVersion } })
  const services = await createServices(store, 'crash-drill', { resourcesDir: config.resourcesDir, deviceDir: config.workDir })

  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M> | null> => {
    const result = await services.dispatch(method, input)
    if (result.ok) return result.value as MethodOutput<M>
    say({ t: 'refused', n, method, message: result.error.message })
    return null
  }
  const register = async (file: string): Promise<string> => {
    const result = await services.registerFile(file)
    if (!result.ok) throw new Error(`registering ${file}: ${result.error.message}`)
    return result.value.uploadId
  }
  const rows = <T>(query: string, ...params: unknown[]): T[] => store.sqlite.prepare(query).all(...params) as T[]
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const today = localDay(new Date())

  // The building, its spaces and the tenants every later write needs; each a write of its own.
  let building = rows<{ id: string }>('SELECT id FROM buildings WHERE name = ?', CRASH_BUILDING)[0]?.id
  if (!building) {
    say({ t: 'begin', n: ++n, op: { kind: 'building' } })
    building = (await call('buildings.create', { name: CRASH_BUILDING, districtCode: '210103' }))!.id
    say({ t: 'ack', n, op: { kind: 'building', id: building } })
  }
  if (rows('SELECT 1 FROM spaces WHERE building_id = ?', building).length === 0) {
    say({ t: 'begin', n: ++n, op: { kind: 'floors', buildingId: building } })
    const made = await call('spaces.generateFloors', { buildingId: building, fromFloor: '1', toFloor: '8', unitsPerFloor: 5, typicalArea: 200 })
    say({ t: 'ack', n, op: { kind: 'floors', buildingId: building, count: made!.ids.length } })
  }
  for (const name of CRASH_TENANTS) {
    if (rows('SELECT 1 FROM tenants WHERE name = ?', name).length > 0) continue
    say({ t: 'begin', n: ++n, op: { kind: 'tenant', name } })
    const made = await call('tenants.create', { name })
    say({ t: 'ack', n, op: { kind: 'tenant', name, id: made!.id } })
  }
  const tenants = rows<{ id: string }>('SELECT id FROM tenants WHERE deleted_at IS NULL').map((t) => t.id)
  const spaces = rows<{ id: string }>('SELECT id FROM spaces WHERE building_id = ? AND deleted_at IS NULL', building).map((s) => s.id)

  const currentLeases = () =>
    rows<{ id: string; end_date: string | null }>(
      `SELECT id, end_date FROM leases WHERE deleted_at IS NULL AND (start_date IS NULL OR start_date <= ?) AND (end_date IS NULL OR end_date >= ?)`,
      today, today,
    )
  const leaseSpaces = (id: string) => rows<{ space_id: string }>('SELECT space_id FROM lease_spaces WHERE lease_id = ? ORDER BY space_id', id).map((r) => r.space_id)
  const rent = () => Math.round(100 + random() * 500) / 100

  for (;;) {
    const kind = pick(['import', 'leaseCreate', 'leaseCreate', 'leaseUpdate', 'leaseRenew', 'leaseEnd', 'bulkUpdate', 'photo'] as const)
    n += 1
    if (kind === 'import') {
      const prefix = importPrefix(config.tag, n)
      const table: unknown[][] = [['楼宇名称', '所属区县', '可租面积', '空置面积']]
      for (let i = 0; i < IMPORT_ROWS; i++) table.push([`${prefix}${i}`, '沈河区', 1000 + i, 100])
      const file = writeCsv(config.workDir, `${prefix}.csv`, table)
      const uploadId = await register(file)
      say({ t: 'begin', n, op: { kind: 'import', prefix } })
      const run = await call('imports.run', { uploadId })
      if (!run) continue
      const job = await services.ctx.jobs.wait(run.jobId)
      if (job?.state !== 'done') throw new Error(`import ${prefix}: ${job?.state} ${job?.message}`)
      say({ t: 'ack', n, op: { kind: 'import', prefix, batchId: job.resultId! } })
    } else if (kind === 'leaseCreate') {
      const taken = new Set(currentLeases().flatMap((l) => leaseSpaces(l.id)))
      const free = spaces.filter((s) => !taken.has(s))
      if (free.length === 0) continue
      const start = Math.floor(random() * free.length)
      const spaceIds = free.slice(start, start + 1 + Math.floor(random() * 3)).sort()
      const op = { kind: 'leaseCreate' as const, spaceIds, tenantId: pick(tenants), rent: rent(), startDate: addDays(today, -200), endDate: addDays(today, 100 + Math.floor(random() * 300)) }
      say({ t: 'begin', n, op })
      const made = await call('leases.create', { tenantId: op.tenantId, spaceIds, rent: op.rent, startDate: op.startDate, endDate: op.endDate, accept: ['lease.overlap', 'lease.areaExceeds'] })
      if (made) say({ t: 'ack', n, op: { ...op, id: made.id } })
    } else if (kind === 'leaseUpdate' || kind === 'leaseEnd') {
      const current = currentLeases()
      if (current.length === 0) continue
      const id = pick(current).id
      if (kind === 'leaseUpdate') {
        const op = { kind, id, rent: rent() }
        say({ t: 'begin', n, op })
        if (await call('leases.update', { id, rent: op.rent })) say({ t: 'ack', n, op })
      } else {
        const op = { kind, id, endDate: addDays(today, -1 - Math.floor(random() * 5)) }
        say({ t: 'begin', n, op })
        if (await call('leases.end', { id, endDate: op.endDate })) say({ t: 'ack', n, op })
      }
    } else if (kind === 'leaseRenew') {
      const open = rows<{ id: string; end_date: string }>(
        `SELECT id, end_date FROM leases l WHERE deleted_at IS NULL AND end_date >= ?
           AND NOT EXISTS (SELECT 1 FROM leases r WHERE r.renews_lease_id = l.id AND r.deleted_at IS NULL)`,
        today,
      )
      if (open.length === 0) continue
      const old = pick(open)
      const op = { kind, id: old.id, spaceIds: leaseSpaces(old.id), endDate: addDays(old.end_date, 365), rent: rent() }
      say({ t: 'begin', n, op })
      const made = await call('leases.renew', { id: old.id, endDate: op.endDate, rent: op.rent, accept: ['lease.overlap', 'lease.areaExceeds'] })
      if (made) say({ t: 'ack', n, op: { ...op, newId: made.id } })
    } else if (kind === 'bulkUpdate') {
      const start = Math.floor(random() * spaces.length)
      const ids = spaces.slice(start, start + 5 + Math.floor(random() * 20)).sort()
      const op = { kind, ids, askingRent: rent() }
      say({ t: 'begin', n, op })
      if (await call('spaces.bulkUpdate', { ids, patch: { askingRent: op.askingRent } })) say({ t: 'ack', n, op })
    } else {
      const file = pick(config.photos)
      const uploadId = await register(file)
      const op = { kind: 'photo' as const, ownerId: building, file: path.basename(file) }
      say({ t: 'begin', n, op })
      const added = await call('photos.add', { ownerKind: 'building', ownerId: building, uploadId, caption: `第${n}张` })
      if (added) say({ t: 'ack', n, op: { ...op, id: added.id } })
    }
  }
}

main().catch((error: unknown) => {
  say({ t: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  process.exit(3)
})
