import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { localDay } from '../../src/shared/freshness'
import { leaseCovers } from '../../src/shared/tenancy'
import { CRASH_BUILDING, type CrashLine, type CrashOp, IMPORT_ROWS } from './crashProtocol'

// What a store must look like after the crash drill's child was killed: whole (integrity_check),
// every acknowledged write there, the write in flight wholly there or wholly absent, and the data
// rows and their change log telling the same story. The model is what the drill knows was written;
// after a check it takes in the in-flight write as the store shows it, so the next child continues
// from the surviving state.

/** sqlite_schema of a store, as one comparable text (the kysely_migration rows are counted apart). */
export type SchemaDump = string

export function schemaOf(db: BetterSqlite3.Database): SchemaDump {
  const rows = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all()
  return JSON.stringify(rows)
}

export interface CrashModel {
  /** The schema version the store was made at, before any open migrated it (0: no store yet). */
  fromVersion: number
  imports: Set<string>
  /** Lease id → its spaces, sorted. */
  leases: Map<string, string[]>
  /** 'table:id:column' → the value last written. */
  values: Map<string, unknown>
  photos: Set<string>
  /** Spaces of the drill's building, once generated. */
  spaces: number | null
}

export function emptyModel(fromVersion: number): CrashModel {
  return { fromVersion, imports: new Set(), leases: new Map(), values: new Map(), photos: new Set(), spaces: null }
}

export interface CheckContext {
  file: string
  /** Schema dumps by version, for the versions a store may be found at. */
  schemas: ReadonlyMap<number, SchemaDump>
  latest: number
}

/** The column values an operation writes, keyed as in CrashModel.values. */
function valuesOf(op: CrashOp): Array<[string, unknown]> {
  switch (op.kind) {
    case 'leaseCreate':
      return op.id ? [[`leases:${op.id}:rent`, op.rent], [`leases:${op.id}:end_date`, op.endDate]] : []
    case 'leaseRenew':
      return op.newId ? [[`leases:${op.newId}:rent`, op.rent], [`leases:${op.newId}:end_date`, op.endDate]] : []
    case 'leaseUpdate':
      return [[`leases:${op.id}:rent`, op.rent]]
    case 'leaseEnd':
      return [[`leases:${op.id}:end_date`, op.endDate]]
    case 'bulkUpdate':
      return op.ids.map((id) => [`spaces:${id}:asking_rent`, op.askingRent])
    default:
      return []
  }
}

function applyAck(model: CrashModel, op: CrashOp): void {
  if (op.kind === 'import') model.imports.add(op.prefix)
  if (op.kind === 'leaseCreate' && op.id) model.leases.set(op.id, op.spaceIds)
  if (op.kind === 'leaseRenew' && op.newId) model.leases.set(op.newId, op.spaceIds)
  if (op.kind === 'photo' && op.id) model.photos.add(op.id)
  if (op.kind === 'floors' && op.count !== undefined) model.spaces = op.count
  for (const [key, value] of valuesOf(op)) model.values.set(key, value)
}

/** The child's lines split into the acknowledged writes and the one in flight when it died. */
export function readLines(lines: readonly CrashLine[]): { acked: CrashOp[]; inFlight: CrashOp | null; refused: number } {
  const acked: CrashOp[] = []
  let inFlight: CrashOp | null = null
  let refused = 0
  for (const line of lines) {
    if (line.t === 'begin') inFlight = line.op
    else if (line.t === 'ack') {
      acked.push(line.op)
      inFlight = null
    } else if (line.t === 'refused') {
      refused += 1
      inFlight = null
    }
  }
  return { acked, inFlight, refused }
}

type Row = Record<string, unknown>

/**
 * Checks the store after a kill; returns what is wrong (empty when all is well) and updates the
 * model with the writes acknowledged and the in-flight write as found.
 */
export function checkAfterKill(ctx: CheckContext, model: CrashModel, lines: readonly CrashLine[]): { problems: string[]; version: number } {
  const { acked, inFlight } = readLines(lines)
  for (const op of acked) applyAck(model, op)
  const problems: string[] = []
  let version = -1
  const db = new BetterSqlite3(ctx.file)
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') return { problems: [`integrity_check: ${String(integrity)}`], version }
    const fk = db.pragma('foreign_key_check') as Row[]
    if (fk.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 3))}`)
    version = checkVersion(ctx, model, db, inFlight, problems)
    if (version === ctx.latest) checkData(db, model, inFlight, problems)
  } finally {
    db.close()
  }
  checkBackups(ctx, model, problems)
  return { problems, version }
}

function checkVersion(ctx: CheckContext, model: CrashModel, db: BetterSqlite3.Database, inFlight: CrashOp | null, problems: string[]): number {
  const version = db.pragma('user_version', { simple: true }) as number
  const opened = inFlight?.kind !== 'open'
  const allowed = opened ? [ctx.latest] : [model.fromVersion, ctx.latest]
  if (!allowed.includes(version)) problems.push(`user_version ${version}, expected one of ${allowed.join(', ')}`)
  const schema = schemaOf(db)
  if (version === 0) {
    if (schema !== '[]') problems.push(`a store at version 0 holds tables: ${schema.slice(0, 300)}`)
    return version
  }
  const applied = (db.prepare('SELECT count(*) AS n FROM kysely_migration').get() as { n: number }).n
  if (applied !== version) problems.push(`kysely_migration holds ${applied} migrations, user_version says ${version}`)
  if (schema !== ctx.schemas.get(version)) problems.push(`the schema is not version ${version}'s (a half-applied migration)`)
  return version
}

/** Backups (before a migration, or an import), wherever this version keeps them, must each be whole. */
function checkBackups(ctx: CheckContext, model: CrashModel, problems: string[]): void {
  const folder = path.dirname(ctx.file)
  const name = path.basename(ctx.file)
  const candidates = [
    ...fs.readdirSync(folder).filter((f) => f.startsWith(`${name}.v`) && f.endsWith('.bak')).map((f) => path.join(folder, f)),
    ...(fs.existsSync(path.join(folder, 'backups'))
      ? fs.readdirSync(path.join(folder, 'backups')).filter((f) => f.endsWith('.db')).map((f) => path.join(folder, 'backups', f))
      : []),
  ]
  for (const file of candidates) {
    let backup: BetterSqlite3.Database
    try {
      backup = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
    } catch (error) {
      problems.push(`backup ${path.basename(file)} does not open: ${(error as Error).message}`)
      continue
    }
    try {
      const integrity = backup.pragma('integrity_check', { simple: true })
      const version = backup.pragma('user_version', { simple: true }) as number
      if (integrity !== 'ok') problems.push(`backup ${path.basename(file)}: integrity_check ${String(integrity)}`)
      // Before a migration: the old version; before an import (or on a schedule): the latest.
      else if (![model.fromVersion, ctx.latest].includes(version) || schemaOf(backup) !== ctx.schemas.get(version)) {
        problems.push(`backup ${path.basename(file)} is not a whole store of version ${model.fromVersion} or ${ctx.latest} (user_version ${version})`)
      }
    } catch (error) {
      problems.push(`backup ${path.basename(file)}: ${(error as Error).message}`)
    } finally {
      backup.close()
    }
  }
}

function checkData(db: BetterSqlite3.Database, model: CrashModel, inFlight: CrashOp | null, problems: string[]): void {
  const all = <T = Row>(query: string, ...params: unknown[]) => db.prepare(query).all(...params) as T[]
  const today = localDay(new Date())

  // Setup: the building's spaces all generated or none.
  const spaceCount = (all<{ n: number }>('SELECT count(*) AS n FROM spaces s JOIN buildings b ON b.id = s.building_id WHERE b.name = ?', CRASH_BUILDING)[0]!).n
  if (model.spaces !== null && spaceCount !== model.spaces) problems.push(`spaces: ${spaceCount}, acknowledged ${model.spaces}`)
  if (model.spaces === null && spaceCount !== 0) {
    if (inFlight?.kind === 'floors') model.spaces = spaceCount
    else problems.push(`spaces: ${spaceCount} with no generation acknowledged or in flight`)
  }

  // Imports: each batch whole (its rows, its buildings), acknowledged ones there.
  for (const batch of all<{ id: string; created: number; updated: number }>('SELECT id, created, updated FROM import_batches')) {
    const rows = all<{ row_id: string; table_name: string }>('SELECT row_id, table_name FROM import_batch_rows WHERE batch_id = ?', batch.id)
    const buildings = rows.filter((r) => r.table_name === 'buildings').length
    if (buildings !== batch.created + batch.updated) problems.push(`import batch ${batch.id}: ${buildings} buildings, says ${batch.created + batch.updated}`)
    const missing = rows.filter((r) => !['buildings', 'spaces'].includes(r.table_name) || !all(`SELECT 1 FROM ${r.table_name} WHERE id = ?`, r.row_id).length)
    if (missing.length > 0) problems.push(`import batch ${batch.id}: ${missing.length} rows point at no row`)
  }
  const imported = new Map<string, number>()
  for (const b of all<{ name: string }>("SELECT name FROM buildings WHERE name LIKE '导入%'")) {
    const prefix = b.name.replace(/\d+$/, '')
    imported.set(prefix, (imported.get(prefix) ?? 0) + 1)
  }
  for (const [prefix, count] of imported) {
    if (count !== IMPORT_ROWS) problems.push(`import ${prefix}: ${count} of its ${IMPORT_ROWS} buildings (half an import)`)
    if (!model.imports.has(prefix)) {
      if (inFlight?.kind === 'import' && inFlight.prefix === prefix) model.imports.add(prefix)
      else problems.push(`import ${prefix} is there but was never run`)
    }
  }
  for (const prefix of model.imports) if (!imported.has(prefix)) problems.push(`acknowledged import ${prefix} is missing`)
  const batches = (all<{ n: number }>('SELECT count(*) AS n FROM import_batches')[0]!).n
  if (batches !== model.imports.size) problems.push(`${batches} import batches for ${model.imports.size} imports`)

  // Leases: the acknowledged ones with their spaces; at most the one in flight besides.
  const leases = all<{ id: string; start_date: string | null; end_date: string | null; rent: number | null }>(
    'SELECT id, start_date, end_date, rent FROM leases WHERE deleted_at IS NULL',
  )
  const spacesOf = (id: string) => all<{ space_id: string }>('SELECT space_id FROM lease_spaces WHERE lease_id = ? ORDER BY space_id', id).map((r) => r.space_id)
  for (const lease of leases) {
    const spaces = spacesOf(lease.id)
    if (spaces.length === 0) problems.push(`lease ${lease.id} has no spaces`)
    const known = model.leases.get(lease.id)
    if (known) {
      if (JSON.stringify(known) !== JSON.stringify(spaces)) problems.push(`lease ${lease.id}: spaces ${spaces.join(',')}, acknowledged ${known.join(',')}`)
      continue
    }
    const creating = inFlight?.kind === 'leaseCreate' || inFlight?.kind === 'leaseRenew' ? inFlight : null
    if (!creating || JSON.stringify(creating.spaceIds) !== JSON.stringify(spaces) || creating.rent !== lease.rent || creating.endDate !== lease.end_date) {
      problems.push(`lease ${lease.id} was never acknowledged and is not the one in flight`)
      continue
    }
    model.leases.set(lease.id, spaces)
    for (const [key, value] of valuesOf({ ...creating, id: lease.id, newId: lease.id } as CrashOp)) model.values.set(key, value)
  }
  for (const id of model.leases.keys()) if (!leases.some((l) => l.id === id)) problems.push(`acknowledged lease ${id} is missing`)
  const covered = new Set(leases.filter((l) => leaseCovers({ startDate: l.start_date, endDate: l.end_date }, today)).flatMap((l) => spacesOf(l.id)))
  for (const space of all<{ id: string; status: string }>('SELECT id, status FROM spaces WHERE deleted_at IS NULL')) {
    if (covered.has(space.id) && space.status !== 'leased') problems.push(`space ${space.id} is under a current lease but ${space.status}`)
  }

  // Values: each as last acknowledged, or as the write in flight leaves it, all of its rows alike.
  const inFlightValues = new Map(inFlight ? valuesOf(inFlight) : [])
  let applied = 0
  let notApplied = 0
  for (const key of new Set([...model.values.keys(), ...inFlightValues.keys()])) {
    const [table, id, column] = key.split(':') as [string, string, string]
    const actual = (all(`SELECT ${column} AS v FROM ${table} WHERE id = ?`, id)[0] as { v: unknown } | undefined)?.v
    // A value the drill never wrote is still the one the row was made with (none).
    const expected = model.values.has(key) ? model.values.get(key) : null
    const next = inFlightValues.get(key)
    if (actual !== expected && (next === undefined || actual !== next)) {
      problems.push(`${key} is ${String(actual)}, acknowledged ${String(expected)}${next !== undefined ? ` (in flight ${String(next)})` : ''}`)
    }
    if (next === undefined || next === expected) continue
    if (actual === next) applied += 1
    else if (actual === expected) notApplied += 1
    model.values.set(key, actual)
  }
  if (applied > 0 && notApplied > 0) problems.push(`${inFlight!.kind} half applied: ${applied} rows changed, ${notApplied} not`)

  // Photos: every row with its bytes; the acknowledged ones there, at most the one in flight besides.
  const photos = all<{ id: string; size: number; len: number | null; thumb: number | null }>(
    'SELECT id, size, length(bytes) AS len, length(thumbnail) AS thumb FROM photos WHERE deleted_at IS NULL',
  )
  for (const p of photos) {
    if (!(p.size > 0) || p.len !== p.size || !(p.thumb! > 0)) problems.push(`photo ${p.id}: ${p.len} bytes of ${p.size}, thumbnail ${p.thumb}`)
    if (model.photos.has(p.id)) continue
    if (inFlight?.kind === 'photo' && photos.length === model.photos.size + 1) model.photos.add(p.id)
    else problems.push(`photo ${p.id} was never acknowledged and is not the one in flight`)
  }
  for (const id of model.photos) if (!photos.some((p) => p.id === id)) problems.push(`acknowledged photo ${id} is missing`)

  checkChangeLog(db, problems)
}

const LOGGED_COLUMNS: Record<string, Record<string, string>> = {
  leases: { rent: 'rent', endDate: 'end_date', startDate: 'start_date' },
  spaces: { askingRent: 'asking_rent', status: 'status' },
}

/** Every row has its insert logged, and the log's last word on a field is the row's value. */
function checkChangeLog(db: BetterSqlite3.Database, problems: string[]): void {
  for (const table of ['buildings', 'spaces', 'tenants', 'leases', 'photos']) {
    const unlogged = db
      .prepare(`SELECT count(*) AS n FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM change_log c WHERE c.table_name = ? AND c.row_id = t.id AND c.op = 'insert')`)
      .get(table) as { n: number }
    if (unlogged.n > 0) problems.push(`${table}: ${unlogged.n} rows with no insert in the change log`)
  }
  for (const [table, fields] of Object.entries(LOGGED_COLUMNS)) {
    for (const [field, column] of Object.entries(fields)) {
      const rows = db
        .prepare(
          `SELECT t.id, t.${column} AS value, c.new_value AS logged FROM ${table} t
             JOIN change_log c ON c.seq = (SELECT max(seq) FROM change_log WHERE table_name = ? AND row_id = t.id AND field = ?)`,
        )
        .all(table, field) as Array<{ id: string; value: unknown; logged: string | null }>
      for (const row of rows) {
        const logged = row.logged === null ? null : (JSON.parse(row.logged) as unknown)
        if (logged !== row.value) problems.push(`${table} ${row.id}.${column} is ${String(row.value)}, the change log's last entry says ${String(logged)}`)
      }
    }
  }
}
