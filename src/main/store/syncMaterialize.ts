import { createHash } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import { compareOps, EXISTENCE_FIELD, type MergeOp, type RowState, rowState, shownValues, writtenValue } from '../../shared/syncMerge'
import type { LoggedTable } from './schema'
import { Pace } from './syncPace'
import { SYNC_TABLE_ORDER, type TableInfo, tableInfos } from './syncTables'
import { DUPLICATE_RULES, type DuplicateRule } from './syncRules'

// Puts rows in place from the operations held for them (the merge rules of shared/syncMerge.ts):
// each row's columns take the values its operations show, its virtual fields (a lease's spaces, a
// visit's sites) rebuild their rows, a photo's bytes come from the package or from what this store
// already holds. A row that cannot be put in place yet (its parent has not arrived, a required value
// or a photo's bytes are missing) waits in sync_pending; its operations are in change_log whatever
// happens to it. Written over the better-sqlite3 handle with prepared statements, inside the
// caller's transaction (the same connection as Kysely's), because a whole store's log is merged at once.

export interface RowRef {
  table: LoggedTable
  rowId: string
}

/** An operation held, with who wrote it (the conflicts show it). */
export interface HeldOp extends MergeOp {
  device: string
  actor: string
  at: string
}

export interface LoadedRow {
  ref: RowRef
  ops: HeldOp[]
  state: RowState
}

export interface Hold {
  rule: DuplicateRule
  keptId: string
}

export interface MergeOptions {
  blob(sha256: string): Uint8Array | undefined
  /** YYYY-MM-DD: the lease rule's day. */
  today: string
  /** When conflicts first seen now were detected (ISO). */
  now: string
}

export const refKey = (table: string, rowId: string) => `${table}\u0000${rowId}`

type SqlValue = string | number | bigint | Buffer | Uint8Array | null
type Row = Record<string, SqlValue>

const LOADED_CACHE = 5000

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

export class Merger {
  readonly infos: Map<LoggedTable, TableInfo>
  /** Rows loaded this run, by refKey (a bounded cache: a whole store's rows would not fit). */
  private readonly loaded = new Map<string, LoadedRow>()
  /** Rows whose state holds a field or delete conflict. */
  readonly conflicted = new Set<string>()
  /** Rows whose conflicts are rebuilt at the end: every row put, and the neighbours a rule looked at. */
  readonly touched = new Map<string, RowRef>()
  /** Rows whose duplicate rule was decided this run (the others keep the duplicate conflicts they had). */
  readonly decided = new Set<string>()
  /** Rows held out by a duplicate rule, and the row kept in their place. */
  readonly holds = new Map<string, Hold>()
  /** Spaces whose status the lease rule looks at. */
  readonly ruleSpaces = new Set<string>()
  /** The status each space put in place shows (the lease rule reads it without loading the space again). */
  readonly shownStatus = new Map<string, string>()
  private readonly statements = new Map<string, BetterSqlite3.Statement>()
  /** Whether any row is held out for a duplicate (before this run, or by it). */
  private anyHeld: boolean
  private readonly inProgress = new Set<string>()

  constructor(
    readonly sqlite: BetterSqlite3.Database,
    readonly options: MergeOptions,
    /** The caller's pace when it has worked in the same call already (a merge's checks). */
    private readonly pace = new Pace(),
  ) {
    this.infos = tableInfos(sqlite)
    this.anyHeld = sqlite.prepare("SELECT 1 FROM sync_conflicts WHERE kind = 'duplicate' LIMIT 1").get() !== undefined
  }

  statement(text: string): BetterSqlite3.Statement {
    let s = this.statements.get(text)
    if (!s) {
      s = this.sqlite.prepare(text)
      this.statements.set(text, s)
    }
    return s
  }

  /** Lets the event loop turn now and then in a long merge (see syncPace.ts). */
  breathe(): Promise<void> {
    return this.pace.breathe()
  }

  /** A row's operations and state (cached for the run; `fresh` re-reads after a write logged more). */
  load(table: LoggedTable, rowId: string, fresh = false): LoadedRow {
    const key = refKey(table, rowId)
    const known = this.loaded.get(key)
    if (known && !fresh) return known
    const rows = this.statement(
      `SELECT op_id AS id, hlc, op, field, new_value AS value, pred, at, device_id AS device, actor
       FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY seq`,
    ).all(table, rowId) as Array<Omit<HeldOp, 'pred'> & { pred: string | null }>
    const ops: HeldOp[] = rows.map((r) => ({ ...r, pred: r.pred ? (JSON.parse(r.pred) as string[]) : [] }))
    const loaded = { ref: { table, rowId }, ops, state: rowState(ops) }
    if (loaded.state.deleteConflict || [...loaded.state.fields.values()].some((f) => f.conflicted)) this.conflicted.add(key)
    if (this.loaded.size >= LOADED_CACHE) this.loaded.clear()
    this.loaded.set(key, loaded)
    return loaded
  }

  current(info: TableInfo, rowId: string): Row | undefined {
    return this.statement(`SELECT * FROM ${info.sqlName} WHERE ${info.keyColumn} = ?`).get(rowId) as Row | undefined
  }

  /** Puts every row in place, parents' tables first; returns how many rows were recomputed. */
  async mergeRows(refs: Iterable<RowRef>): Promise<number> {
    const byTable = new Map<LoggedTable, Set<string>>()
    for (const ref of refs) {
      const set = byTable.get(ref.table) ?? new Set<string>()
      set.add(ref.rowId)
      byTable.set(ref.table, set)
    }
    let count = 0
    for (const table of SYNC_TABLE_ORDER) {
      const ids = byTable.get(table)
      if (!ids) continue
      const queue = [...ids]
      // A row held out for a neighbour is looked at again after it (the neighbour may have left the
      // group), a bounded number of times.
      const visits = new Map<string, number>()
      for (let i = 0; i < queue.length; i++) {
        const rowId = queue[i]!
        await this.breathe()
        this.putRow(table, rowId)
        count++
        visits.set(rowId, (visits.get(rowId) ?? 0) + 1)
        for (const again of this.heldBecauseOf(table, rowId)) {
          if ((visits.get(again) ?? 0) < 3) queue.push(again)
        }
      }
    }
    return count
  }

  /** Rows a duplicate rule holds out in favour of `rowId` (they may be free now). */
  private heldBecauseOf(table: LoggedTable, rowId: string): string[] {
    if (!DUPLICATE_RULES[table] || (!this.anyHeld && this.holds.size === 0)) return []
    const rows = this.statement(
      `SELECT row_id AS rowId FROM sync_conflicts WHERE table_name = ? AND kind = 'duplicate' AND "values" LIKE ?`,
    ).all(table, `%"row:${rowId}"%`) as Array<{ rowId: string }>
    return rows.map((r) => r.rowId).filter((id) => id !== rowId)
  }

  /** Puts one row in place from its state; a row that cannot be waits in sync_pending. */
  putRow(table: LoggedTable, rowId: string): void {
    const key = refKey(table, rowId)
    if (this.inProgress.has(key)) return
    this.inProgress.add(key)
    try {
      this.touched.set(key, { table, rowId })
      const reason = this.tryPut(table, rowId)
      if (reason === null) this.statement('DELETE FROM sync_pending WHERE table_name = ? AND row_id = ?').run(table, rowId)
      else this.statement('INSERT OR REPLACE INTO sync_pending (table_name, row_id, reason) VALUES (?, ?, ?)').run(table, rowId, reason)
    } finally {
      this.inProgress.delete(key)
    }
  }

  private tryPut(table: LoggedTable, rowId: string): string | null {
    const info = this.infos.get(table)!
    const { ops, state } = this.load(table, rowId)
    this.holds.delete(refKey(table, rowId))
    this.decided.add(refKey(table, rowId))
    if (ops.length === 0) return null
    const values = shownValues(state)
    const current = this.current(info, rowId)

    for (const parent of info.parents) {
      const json = values[parent.field]
      const id = json !== undefined ? (json === null ? null : (JSON.parse(json) as unknown)) : current?.[info.columns.get(parent.field)!.column]
      if (id === null || id === undefined) continue
      const parentInfo = this.infos.get(parent.table)!
      if (!this.statement(`SELECT 1 FROM ${parentInfo.sqlName} WHERE ${parentInfo.keyColumn} = ?`).get(id)) {
        return `缺少上级记录 ${parent.table}:${String(id)}`
      }
    }

    const desired: Row = {}
    const usedBlobs: string[] = []
    const missingBlobs: string[] = []
    for (const [field, json] of Object.entries(values)) {
      const column = info.columns.get(field)
      if (!column) continue
      if (json === null) {
        desired[column.column] = null
        continue
      }
      const value = JSON.parse(json) as unknown
      if (column.blob) {
        const digest = (value as { sha256: string }).sha256
        const held = current?.[column.column]
        if (held instanceof Uint8Array && sha256(held) === digest) continue
        const bytes = this.blobBytes(digest)
        if (!bytes) missingBlobs.push(digest)
        else {
          desired[column.column] = Buffer.from(bytes)
          usedBlobs.push(digest)
        }
        continue
      }
      desired[column.column] = typeof value === 'boolean' ? (value ? 1 : 0) : (value as SqlValue)
    }
    if (missingBlobs.length > 0) {
      this.keepBlobs(usedBlobs)
      return `缺少照片数据 ${missingBlobs.map((d) => d.slice(0, 12)).join('、')}`
    }

    const ats = ops.map((o) => o.at).sort()
    const createdAt = ats[0]!
    const updatedAt = ats.at(-1)!
    const existence = state.fields.get(EXISTENCE_FIELD)
    let deletedAt: string | null = state.deleted && existence ? (JSON.parse(writtenValue(existence.winner, EXISTENCE_FIELD)!) as string) : null

    const links = this.virtualLinks(table, rowId, values)
    if (typeof links === 'string') return links

    // The duplicate rules decide whether a live row stays live or is held out: the whole group of
    // rows sharing the key is decided again, so the row kept is a function of the operations held.
    const rule = DUPLICATE_RULES[table]
    let group: Array<{ id: string; kept: boolean }> = []
    if (rule && !state.deleted) {
      const keyValues = rule.fields.map((f) => {
        const column = info.columns.get(f)!.column
        return column in desired ? desired[column] : (current?.[column] ?? null)
      })
      if (keyValues.every((v) => v !== null && v !== undefined)) {
        const decision = this.decideDuplicate(info, rule, rowId, ops, keyValues)
        if (decision.keptId !== rowId) {
          deletedAt = createdAt
          this.holds.set(refKey(table, rowId), { rule, keptId: decision.keptId })
        }
        group = decision.others.map((id) => ({ id, kept: id === decision.keptId }))
      }
    }

    // Several statements for one row (the rest of its group, link rows) go back together if one
    // fails; a single statement fails alone by itself.
    const several = group.length > 0 || links !== null
    const begin = () => several && this.sqlite.exec('SAVEPOINT sync_row')
    const undo = () => several && this.sqlite.exec('ROLLBACK TO sync_row; RELEASE sync_row')
    begin()
    try {
      for (const other of group) {
        const otherKey = refKey(table, other.id)
        const otherDeletedAt = other.kept ? null : this.load(table, other.id).ops.map((o) => o.at).sort()[0]!
        this.statement(`UPDATE ${info.sqlName} SET deleted_at = ? WHERE id = ? AND deleted_at IS NOT ?`).run(otherDeletedAt, other.id, otherDeletedAt)
        if (other.kept) this.holds.delete(otherKey)
        else this.holds.set(otherKey, { rule: rule!, keptId: group.find((g) => g.kept)?.id ?? rowId })
        this.decided.add(otherKey)
        this.touched.set(otherKey, { table, rowId: other.id })
      }
      if (!current) {
        for (const column of info.columns.values()) {
          if (!column.notNull || column.hasDefault || column.field === info.key || ['createdAt', 'updatedAt'].includes(column.field)) continue
          if (desired[column.column] === null || desired[column.column] === undefined) {
            undo()
            return `缺少必填字段 ${column.field}`
          }
        }
        const row: Row = { ...desired, [info.keyColumn]: rowId, created_at: createdAt, updated_at: updatedAt, deleted_at: deletedAt }
        const columns = Object.keys(row)
        this.statement(`INSERT INTO ${info.sqlName} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(columns.map((c) => row[c]))
      } else {
        const changed: Row = {}
        for (const [column, v] of Object.entries(desired)) if (!sameSql(current[column] ?? null, v)) changed[column] = v
        if (!sameSql(current.deleted_at ?? null, deletedAt)) changed.deleted_at = deletedAt
        if (Object.keys(changed).length > 0 || current.updated_at !== updatedAt) {
          changed.updated_at = updatedAt
          const columns = Object.keys(changed).sort()
          this.statement(`UPDATE ${info.sqlName} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${info.keyColumn} = ?`).run(...columns.map((c) => changed[c]), rowId)
        }
      }
      if (links) links()
      if (several) this.sqlite.exec('RELEASE sync_row')
    } catch (error) {
      undo()
      return `无法写入：${(error as Error).message.slice(0, 200)}`
    }
    if (usedBlobs.length > 0) {
      const drop = this.statement('DELETE FROM sync_blobs WHERE sha256 = ?')
      for (const d of usedBlobs) drop.run(d)
    }
    if (table === 'spaces') {
      this.ruleSpaces.add(rowId)
      if (values.status) this.shownStatus.set(rowId, JSON.parse(values.status) as string)
    }
    return null
  }

  private blobBytes(digest: string): Uint8Array | undefined {
    const given = this.options.blob(digest)
    if (given && sha256(given) === digest) return given
    const kept = this.statement('SELECT bytes FROM sync_blobs WHERE sha256 = ?').get(digest) as { bytes: Buffer } | undefined
    return kept?.bytes
  }

  /** Bytes received for a row that waits: kept until the row can be put in place. */
  private keepBlobs(digests: string[]): void {
    const keep = this.statement('INSERT OR IGNORE INTO sync_blobs (sha256, bytes) VALUES (?, ?)')
    for (const d of digests) {
      const bytes = this.options.blob(d)
      if (bytes) keep.run(d, Buffer.from(bytes))
    }
  }

  /**
   * The rows of a lease's spaces or a visit's sites, checked before anything is written (a space
   * not here yet makes the lease wait); returns the work to do after the row is in place.
   */
  private virtualLinks(table: LoggedTable, rowId: string, values: Record<string, string | null>): (() => void) | string | null {
    if (table === 'leases' && 'spaceIds' in values) {
      const wanted = values.spaceIds === null ? [] : (JSON.parse(values.spaceIds!) as string[])
      for (const spaceId of wanted) {
        if (!this.statement('SELECT 1 FROM spaces WHERE id = ?').get(spaceId)) return `缺少上级记录 spaces:${spaceId}`
      }
      return () => this.setLeaseSpaces(rowId, wanted)
    }
    if (table === 'visits' && 'sites' in values) {
      const sites = values.sites === null ? [] : (JSON.parse(values.sites!) as Array<{ kind: string; id: string }>)
      return () => this.setVisitSites(rowId, sites)
    }
    return null
  }

  private setLeaseSpaces(leaseId: string, wanted: string[]): void {
    const before = (this.statement('SELECT space_id AS id FROM lease_spaces WHERE lease_id = ?').all(leaseId) as Array<{ id: string }>).map((r) => r.id)
    for (const id of [...before, ...wanted]) this.ruleSpaces.add(id)
    const want = new Set(wanted)
    const had = new Set(before)
    for (const id of before) if (!want.has(id)) this.statement('DELETE FROM lease_spaces WHERE lease_id = ? AND space_id = ?').run(leaseId, id)
    for (const id of want) if (!had.has(id)) this.statement('INSERT INTO lease_spaces (lease_id, space_id) VALUES (?, ?)').run(leaseId, id)
  }

  private setVisitSites(visitId: string, sites: Array<{ kind: string; id: string }>): void {
    const now = this.statement('SELECT site_kind AS kind, site_id AS id, sort_order AS sortOrder FROM visit_sites WHERE visit_id = ? ORDER BY sort_order').all(visitId) as Array<{
      kind: string
      id: string
      sortOrder: number
    }>
    const distinct = [...new Map(sites.map((s) => [`${s.kind}:${s.id}`, s])).values()]
    const same = now.length === distinct.length && now.every((s, i) => s.kind === distinct[i]!.kind && s.id === distinct[i]!.id && s.sortOrder === i)
    if (same) return
    this.statement('DELETE FROM visit_sites WHERE visit_id = ?').run(visitId)
    const add = this.statement('INSERT INTO visit_sites (visit_id, site_kind, site_id, sort_order) VALUES (?, ?, ?, ?)')
    distinct.forEach((s, i) => add.run(visitId, s.kind, s.id, i))
  }

  /**
   * The row of a duplicate group that stays live: the one whose first insert is earliest (clock
   * order; tie: row id), among every row whose own operations say it is live with this key, held
   * out or not. A row whose columns are not its operations' yet (its key moved, it was deleted) is
   * put in place first, and decides the group it joins by itself.
   */
  private decideDuplicate(info: TableInfo, rule: DuplicateRule, rowId: string, ops: HeldOp[], keyValues: SqlValue[]): { keptId: string; others: string[] } {
    const candidates = this.groupRows(info, rule, rowId, keyValues)
    const live: Array<{ id: string; first: MergeOp }> = [{ id: rowId, first: firstInsert(ops) }]
    for (const { id, deletedAt } of candidates) {
      const other = this.load(info.table, id)
      if (other.ops.length === 0) continue
      const otherValues = shownValues(other.state)
      const sameKey = rule.fields.every((f, i) => {
        const json = otherValues[f]
        if (json === undefined) return true
        const v = json === null ? null : (JSON.parse(json) as unknown)
        return sameSql(typeof v === 'boolean' ? (v ? 1 : 0) : (v as SqlValue), keyValues[i]!)
      })
      if (!sameKey || (other.state.deleted && deletedAt === null)) {
        this.putRow(info.table, id)
        continue
      }
      if (other.state.deleted) continue
      live.push({ id, first: firstInsert(other.ops) })
    }
    live.sort((a, b) => compareOps(a.first, b.first) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const keptId = live[0]!.id
    return { keptId, others: live.filter((l) => l.id !== rowId).map((l) => l.id) }
  }

  /**
   * The rows sharing a duplicate key besides `rowId`: the live ones (the key's partial index), and
   * those held out for a duplicate (a conflict filed, or held this run), whose deleted_at is set.
   */
  private groupRows(info: TableInfo, rule: DuplicateRule, rowId: string, keyValues: SqlValue[]): Array<{ id: string; deletedAt: string | null }> {
    const where = (alias: string) => rule.fields.map((f) => `${alias}${info.columns.get(f)!.column} = ?`).join(' AND ')
    type Candidate = { id: string; deletedAt: string | null }
    const rows = this.statement(`SELECT id, deleted_at AS deletedAt FROM ${info.sqlName} WHERE ${where('')} AND deleted_at IS NULL AND id != ?`).all(...keyValues, rowId) as Candidate[]
    if (!this.anyHeld && this.holds.size === 0) return rows
    const seen = new Set(rows.map((r) => r.id))
    const filed = this.statement(
      `SELECT t.id, t.deleted_at AS deletedAt FROM sync_conflicts c JOIN ${info.sqlName} t ON t.id = c.row_id
       WHERE c.table_name = ? AND c.kind = 'duplicate' AND ${where('t.')} AND t.id != ?`,
    ).all(info.table, ...keyValues, rowId) as Candidate[]
    const heldNow = [...this.holds.keys()].filter((k) => k.startsWith(`${info.table}\u0000`)).map((k) => k.slice(info.table.length + 1))
    const keyed = this.statement(`SELECT id, deleted_at AS deletedAt FROM ${info.sqlName} WHERE id = ? AND ${where('')}`)
    for (const id of heldNow) {
      const row = id === rowId ? undefined : (keyed.get(id, ...keyValues) as Candidate | undefined)
      if (row) filed.push(row)
    }
    for (const r of filed) {
      if (seen.has(r.id)) continue
      seen.add(r.id)
      rows.push(r)
    }
    return rows
  }
}

function firstInsert(ops: readonly MergeOp[]): MergeOp {
  const inserts = ops.filter((o) => o.op === 'insert')
  return [...(inserts.length > 0 ? inserts : ops)].sort(compareOps)[0]!
}

function sameSql(a: SqlValue | undefined, b: SqlValue | undefined): boolean {
  if (a === b) return true
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null)
  if (typeof a === 'number' || typeof b === 'number' || typeof a === 'bigint' || typeof b === 'bigint') return Number(a) === Number(b)
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(a, b) === 0
  return false
}
