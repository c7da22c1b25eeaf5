import type { SyncOpKind } from './sync'

// The merge rules of one row, as pure functions of the set of operations held for it (shared/sync.ts
// explains the model). Every store, and the team server, computes a row's state with these, so that
// the same operations give the same state wherever and in whatever order they arrived. Written here
// rather than taken from a CRDT library: our operations are the change log's rows as they already
// are (per-field values with a clock), and the libraries (Automerge, Yjs) own their document format.

export interface MergeOp {
  id: string
  hlc: string
  op: SyncOpKind
  /** null: a whole-row insert whose value is an object of every field it set. */
  field: string | null
  /** JSON text as logged. */
  value: string | null
  pred: readonly string[]
}

/** The field a delete or restore writes: the row's existence. */
export const EXISTENCE_FIELD = 'deletedAt'

/** Fields holding a set (a lease's spaces, a visit's sites): the order of the list means nothing. */
export const SET_FIELDS = new Set(['spaceIds', 'sites'])

const wholeRowCache = new WeakMap<MergeOp, Record<string, unknown>>()
function wholeRow(op: MergeOp): Record<string, unknown> {
  let parsed = wholeRowCache.get(op)
  if (!parsed) {
    const value = op.value === null ? null : (JSON.parse(op.value) as unknown)
    parsed = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
    wholeRowCache.set(op, parsed)
  }
  return parsed
}

/** The fields an operation writes (a whole-row insert: every field of its value, nulls included). */
export function writtenFields(op: MergeOp): string[] {
  return op.field === null ? Object.keys(wholeRow(op)) : [op.field]
}

/** The JSON text an operation wrote to `field`; null for a null (the log holds it as SQL NULL or 'null'). */
export function writtenValue(op: MergeOp, field: string): string | null {
  if (op.field !== null) return op.value === 'null' ? null : op.value
  const v = wholeRow(op)[field]
  return v === undefined || v === null ? null : JSON.stringify(v)
}

function canonical(value: unknown, field: string): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v, ''))
    return SET_FIELDS.has(field) ? items.map((v) => JSON.stringify(v)).sort() : items
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k], '')]),
    )
  }
  return value
}

/**
 * A key equal for values a person would call the same: booleans as SQLite keeps them (0/1), a set's
 * members in any order, an object's keys in any order, and for a row's existence only deleted or not
 * (two deletes at different times agree).
 */
export function valueKey(json: string | null, field: string): string {
  const value = json === null ? null : (JSON.parse(json) as unknown)
  if (field === EXISTENCE_FIELD) return value === null ? 'live' : 'deleted'
  return JSON.stringify(canonical(value, field) ?? null)
}

/** Clock order: the stamp, then the place within its transaction (numerically). */
export function compareOps(a: MergeOp, b: MergeOp): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1
  const na = Number(a.id.slice(a.id.lastIndexOf(':') + 1))
  const nb = Number(b.id.slice(b.id.lastIndexOf(':') + 1))
  if (na !== nb) return na - nb
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export interface FieldState {
  field: string
  /** Operations no other operation of this field supersedes, oldest first. */
  heads: MergeOp[]
  /** The head shown: the latest by clock. */
  winner: MergeOp
  /** Heads holding different values. */
  conflicted: boolean
}

export interface DeleteConflict {
  /** The delete(s) shown (the winning value of the row's existence is a delete). */
  deletions: MergeOp[]
  /** Heads of other fields that no delete saw: edits made while the row was being deleted elsewhere. */
  edits: Array<{ field: string; op: MergeOp }>
}

export interface RowState {
  fields: Map<string, FieldState>
  /** The winning existence value is a delete. */
  deleted: boolean
  deleteConflict: DeleteConflict | null
}

/** A row's state from every operation held for it (any order, duplicates allowed). */
export function rowState(ops: readonly MergeOp[]): RowState {
  const byId = new Map<string, MergeOp>()
  for (const op of ops) if (!byId.has(op.id)) byId.set(op.id, op)
  const writers = new Map<string, MergeOp[]>()
  for (const op of byId.values()) {
    for (const field of writtenFields(op)) {
      const list = writers.get(field)
      if (list) list.push(op)
      else writers.set(field, [op])
    }
  }
  const fields = new Map<string, FieldState>()
  for (const [field, list] of writers) {
    const superseded = new Set<string>()
    for (const op of list) for (const p of op.pred) superseded.add(p)
    const heads = list.filter((op) => !superseded.has(op.id)).sort(compareOps)
    // A cycle of pred links (only a forged package could make one) leaves no head: fall back to the
    // latest write rather than losing the field.
    const shown = heads.length > 0 ? heads : [[...list].sort(compareOps).at(-1)!]
    const keys = new Set(shown.map((op) => valueKey(writtenValue(op, field), field)))
    fields.set(field, { field, heads: shown, winner: shown.at(-1)!, conflicted: keys.size > 1 })
  }

  const existence = fields.get(EXISTENCE_FIELD)
  const deleted = existence !== undefined && writtenValue(existence.winner, EXISTENCE_FIELD) !== null
  let deleteConflict: DeleteConflict | null = null
  if (deleted && existence) {
    const deletions = existence.heads.filter((op) => writtenValue(op, EXISTENCE_FIELD) !== null)
    const seen = ancestors(deletions, byId)
    const edits: DeleteConflict['edits'] = []
    for (const [field, state] of fields) {
      if (field === EXISTENCE_FIELD) continue
      for (const head of state.heads) if (!seen.has(head.id)) edits.push({ field, op: head })
    }
    if (edits.length > 0) deleteConflict = { deletions, edits }
  }
  return { fields, deleted, deleteConflict }
}

/** Every operation reachable from `from` by pred links (those operations' writers saw them). */
function ancestors(from: readonly MergeOp[], byId: Map<string, MergeOp>): Set<string> {
  const seen = new Set<string>()
  const stack = from.flatMap((op) => op.pred)
  while (stack.length > 0) {
    const id = stack.pop()!
    if (seen.has(id)) continue
    seen.add(id)
    const op = byId.get(id)
    if (op) stack.push(...op.pred)
  }
  return seen
}

/** The value shown for each field (JSON text), existence excluded. */
export function shownValues(state: RowState): Record<string, string | null> {
  const values: Record<string, string | null> = {}
  for (const [field, s] of state.fields) if (field !== EXISTENCE_FIELD) values[field] = writtenValue(s.winner, field)
  return values
}

/**
 * What a new local write of `field` supersedes: the value shown (a conflict's other heads stay open).
 * Heads that agree are all that value: superseding only one would leave the others to stand against
 * the new value, a conflict nobody made (two devices both settled a space to leased, a third edits it).
 */
export function predForField(state: RowState, field: string): string[] {
  const s = state.fields.get(field)
  if (!s) return []
  return s.conflicted ? [s.winner.id] : s.heads.map((h) => h.id)
}

/** What a delete or restore supersedes and saw: every head of every field. */
export function predForRow(state: RowState): string[] {
  const ids: string[] = []
  for (const s of state.fields.values()) for (const h of s.heads) ids.push(h.id)
  return [...new Set(ids)]
}

/** What a resolution supersedes: every head of the field, so the conflict closes. */
export function predForResolution(state: RowState, field: string): string[] {
  return state.fields.get(field)?.heads.map((h) => h.id) ?? []
}
