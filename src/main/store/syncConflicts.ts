import type { Kysely } from 'kysely'
import type { ConflictKind, ConflictValue, SyncConflict } from '../../shared/sync'
import { compareOps, EXISTENCE_FIELD, writtenValue } from '../../shared/syncMerge'
import type { Database } from './schema'
import { type HeldOp, type Merger, refKey } from './syncMaterialize'
import { LEASE_RULE_NOTE, type LeaseHold } from './syncRules'

// The open conflicts (sync_conflicts), rebuilt for every row a merge or a resolution looked at:
// 'field' (a field's heads hold different values), 'delete' (a delete that did not see an edit),
// 'rule' (a space kept leased by a running lease), 'duplicate' (a row held out for another).
//
// Choices (what sync.resolve takes): a field's head → its operation id; a delete → 'delete' (keep
// it deleted) or 'keep' (restore the row); the lease rule → 'rule'; a duplicate → 'row:<id>' (the
// row to keep).

export const CHOICE_DELETE = 'delete'
export const CHOICE_KEEP = 'keep'
export const CHOICE_RULE = 'rule'
export const rowChoice = (id: string) => `row:${id}`

interface Built {
  field: string
  kind: ConflictKind
  values: ConflictValue[]
  note: string | null
}

/** A row's conflicts are keyed by field and kind (sync_conflicts' primary key). */
const conflictKey = (field: string, kind: ConflictKind) => `${field}\u0000${kind}`

/** The kind of conflict a choice token belongs to (sync.resolve takes the field and the choice). */
export function choiceKind(choice: string): ConflictKind {
  if (choice === CHOICE_DELETE || choice === CHOICE_KEEP) return 'delete'
  if (choice === CHOICE_RULE) return 'rule'
  if (choice.startsWith('row:')) return 'duplicate'
  return 'field'
}

const parse = (json: string | null): unknown => (json === null ? null : (JSON.parse(json) as unknown))
const who = (op: HeldOp) => ({ device: op.device, actor: op.actor, at: op.at, hlc: op.hlc })

/** Rebuilds the conflicts of every row the merger touched; returns how many it opened. */
export async function rebuildConflicts(merger: Merger, leaseHolds: Map<string, LeaseHold>): Promise<number> {
  const existing = merger.statement('SELECT field, kind, detected_at AS detectedAt FROM sync_conflicts WHERE table_name = ? AND row_id = ?')
  const drop = merger.statement('DELETE FROM sync_conflicts WHERE table_name = ? AND row_id = ?')
  const dropUndecided = merger.statement("DELETE FROM sync_conflicts WHERE table_name = ? AND row_id = ? AND kind != 'duplicate'")
  const add = merger.statement(
    'INSERT INTO sync_conflicts (table_name, row_id, field, kind, "values", note, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  let opened = 0
  for (const { table, rowId } of merger.touched.values()) {
    await merger.breathe()
    const rows = existing.all(table, rowId) as Array<{ field: string; kind: ConflictKind; detectedAt: string }>
    const key = refKey(table, rowId)
    // Most rows a merge touches have no conflict, had none, and need not be read again.
    if (rows.length === 0 && !merger.conflicted.has(key) && !merger.holds.has(key) && !(table === 'spaces' && leaseHolds.has(rowId))) continue
    const decided = merger.decided.has(key)
    // A row only looked at (the lease rule's neighbour) keeps the duplicate conflict it had.
    const kept = decided ? [] : rows.filter((r) => r.kind === 'duplicate')
    const before = new Map(rows.map((r) => [conflictKey(r.field, r.kind), r.detectedAt]))
    const built = new Map<string, Built>()
    for (const c of rowConflicts(merger, table, rowId, table === 'spaces' ? leaseHolds.get(rowId) : undefined)) {
      if (!kept.some((k) => k.field === c.field && k.kind === c.kind)) built.set(conflictKey(c.field, c.kind), c)
    }
    if (rows.length === 0 && built.size === 0) continue
    if (decided) drop.run(table, rowId)
    else dropUndecided.run(table, rowId)
    for (const c of built.values()) {
      const detectedAt = before.get(conflictKey(c.field, c.kind))
      if (detectedAt === undefined) opened++
      add.run(table, rowId, c.field, c.kind, JSON.stringify(c.values), c.note, detectedAt ?? merger.options.now)
    }
  }
  return opened
}

function rowConflicts(merger: Merger, table: Parameters<Merger['load']>[0], rowId: string, leaseHold: LeaseHold | undefined): Built[] {
  const { ops, state } = merger.load(table, rowId)
  const out: Built[] = []
  const byId = new Map(ops.map((o) => [o.id, o]))
  for (const [field, s] of state.fields) {
    if (field === EXISTENCE_FIELD || !s.conflicted) continue
    const values = s.heads.map((h) => ({ value: parse(writtenValue(h, field)), shown: h === s.winner, ...who(byId.get(h.id)!), choice: h.id }))
    out.push({ field, kind: 'field', values, note: null })
  }
  const existence = state.fields.get(EXISTENCE_FIELD)
  if (state.deleteConflict || existence?.conflicted) {
    // One conflict for the row's existence: the deletions, the restores that stand against them (a
    // device deleted and restored the row while another deleted it), and the edits no delete saw.
    const heads = existence?.heads ?? []
    const deletions = heads.filter((h) => writtenValue(h, EXISTENCE_FIELD) !== null)
    const restores = heads.filter((h) => writtenValue(h, EXISTENCE_FIELD) === null)
    const values: ConflictValue[] = [
      ...deletions.map((d) => ({ value: parse(writtenValue(d, EXISTENCE_FIELD)), shown: state.deleted, ...who(byId.get(d.id)!), choice: CHOICE_DELETE, role: 'deleted' as const })),
      ...restores.map((r) => ({ value: null, shown: !state.deleted, ...who(byId.get(r.id)!), choice: CHOICE_KEEP, role: 'restored' as const })),
      ...(state.deleteConflict?.edits ?? []).map(({ field, op }) => ({
        value: { field, value: parse(writtenValue(op, field)) },
        shown: false,
        ...who(byId.get(op.id)!),
        choice: CHOICE_KEEP,
        role: 'edited' as const,
      })),
    ]
    out.push({ field: EXISTENCE_FIELD, kind: 'delete', values, note: null })
  }
  if (leaseHold) {
    const status = state.fields.get('status')
    const lease = merger.load('leases', leaseHold.leaseId).ops
    const leaseOp = [...lease].sort(compareOps).at(-1)
    const breaking = (status?.heads ?? [])
      .filter((h) => parse(writtenValue(h, 'status')) !== leaseHold.verdict)
      .map((h) => ({ value: parse(writtenValue(h, 'status')), shown: false, ...who(byId.get(h.id)!), choice: h.id }))
    const rule: ConflictValue = {
      value: leaseHold.verdict,
      shown: true,
      ...(leaseOp ? who(leaseOp) : { device: '', actor: '', at: merger.options.now, hlc: '' }),
      choice: CHOICE_RULE,
      role: 'rule',
    }
    const others = out.filter((c) => c.field !== 'status')
    out.length = 0
    out.push(...others, { field: 'status', kind: 'rule', values: [rule, ...breaking], note: LEASE_RULE_NOTE })
  }
  const hold = merger.holds.get(refKey(table, rowId))
  if (hold) {
    const first = (id: string) => {
      const held = merger.load(table, id).ops
      const inserts = held.filter((o) => o.op === 'insert')
      return [...(inserts.length > 0 ? inserts : held)].sort(compareOps)[0]!
    }
    const values: ConflictValue[] = [
      { value: hold.keptId, shown: true, ...who(first(hold.keptId)), choice: rowChoice(hold.keptId), role: 'kept' },
      { value: rowId, shown: false, ...who(first(rowId)), choice: rowChoice(rowId), role: 'held' },
    ]
    // Filed beside a field conflict on the same field (the key holds the kind): both stay listed.
    out.push({ field: hold.rule.conflictField, kind: 'duplicate', values, note: hold.rule.note })
  }
  return out
}

/** The open conflicts, newest first (rowName is for the caller to add). */
export async function listConflicts(db: Kysely<Database>): Promise<SyncConflict[]> {
  const rows = await db.selectFrom('syncConflicts').selectAll().orderBy('detectedAt', 'desc').orderBy('tableName').orderBy('rowId').orderBy('field').orderBy('kind').execute()
  return rows.map((r) => ({
    table: r.tableName,
    rowId: r.rowId,
    field: r.field,
    kind: r.kind,
    values: JSON.parse(r.values) as ConflictValue[],
    detectedAt: r.detectedAt,
    note: r.note,
  }))
}

/** Open conflicts in all. */
export async function countConflicts(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('syncConflicts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
