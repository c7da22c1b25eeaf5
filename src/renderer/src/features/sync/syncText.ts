import { fieldLabel, formatValue, TABLE_ZH } from '../../../../shared/changeText'
import type { HistoryTable } from '../../../../shared/history'
import { localTime, relativeTime } from '../backup/backupText'
import type { ConflictValue, PendingRow, SyncConflict, SyncPeer, SyncStatus } from '../../../../shared/sync'
import { pendingRowText } from '../../../../shared/syncPendingText'

// The sync screens' pure shaping: the status bar's few facts, conflicts grouped by row, a conflict's
// values in the words of the change log (shared/changeText.ts), and which value carries which button.

export type Lang = 'zh' | 'en'

/** What the top bar says, read from sync.status. */
export interface StatusSummary {
  /** Operations waiting to go out: to the server when one is set, else the largest colleague's backlog; null: nobody to send to. */
  waiting: number | null
  /** The last exchange (the server's last sync, else the latest package sent or received); null: never. */
  lastAt: string | null
  conflicts: number
  /** 'signedOut' / 'failing': a server is set but this laptop is not signed in / its last attempt failed. */
  server: 'none' | 'ok' | 'signedOut' | 'failing'
  /** The server's last failure in its own sentence. */
  serverError: string | null
}

const latest = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : Date.parse(b) > Date.parse(a) ? b : a)

/** A colleague's (or the server's) last exchange either way. */
export const lastExchangeOf = (peer: Pick<SyncPeer, 'lastSentAt' | 'lastReceivedAt'>): string | null => latest(peer.lastSentAt, peer.lastReceivedAt)

export function summarizeStatus(status: SyncStatus): StatusSummary {
  const colleagues = status.peers.filter((p) => p.kind === 'device')
  const server = status.server
  if (server) {
    const peer = status.peers.find((p) => p.kind === 'server')
    return {
      // Never synced: everything this store holds is still to go out.
      waiting: peer ? peer.waiting : status.ops,
      lastAt: server.lastSyncAt,
      conflicts: status.openConflicts,
      server: !server.signedIn ? 'signedOut' : server.lastError ? 'failing' : 'ok',
      serverError: server.lastError,
    }
  }
  return {
    waiting: colleagues.length > 0 ? Math.max(...colleagues.map((p) => p.waiting)) : null,
    lastAt: colleagues.map(lastExchangeOf).reduce<string | null>(latest, null),
    conflicts: status.openConflicts,
    server: 'none',
    serverError: null,
  }
}

/** The waiting rows' reasons, one a line, for a tooltip ('空间 1a2b3c4d：缺少上级记录（楼宇 5e6f7a8b）'). */
export function pendingTitle(count: number, listed: readonly PendingRow[]): string {
  const lines = listed.map(pendingRowText)
  if (count > listed.length) lines.push(`…（共 ${count} 条）`)
  return lines.join('\n')
}

/**
 * How long ago an exchange was: '10 分钟前', '刚刚'. An exchange is never ahead: one made after the
 * screen's clock last moved (useNow ticks each minute) reads 刚刚, not 即将.
 */
export const agoText = (iso: string, now: number, lang: Lang): string => relativeTime(iso, Math.max(now, Date.parse(iso) || now), lang)

/** An instant and how long ago: '2026-12-02 10:15（3 小时前）'. */
export function whenText(iso: string, now: number, lang: Lang): string {
  const ago = agoText(iso, now, lang)
  return lang === 'zh' ? `${localTime(iso)}（${ago}）` : `${localTime(iso)} (${ago})`
}

/** A device id as people compare it: its first eight characters. */
export const shortId = (id: string): string => id.slice(0, 8)

/** What a row of this table is called in Chinese (楼宇, 空间 …). */
export const tableName = (table: string): string => TABLE_ZH[table as HistoryTable] ?? table

/** Every open conflict of one row, shown together under the row's name. */
export interface ConflictRow {
  key: string
  table: string
  rowId: string
  /** The row's name, or its kind and a short id when it has none. */
  name: string
  conflicts: SyncConflict[]
}

/** Conflicts grouped by row, rows in the order their first conflict comes. */
export function groupByRow(conflicts: readonly SyncConflict[]): ConflictRow[] {
  const rows = new Map<string, ConflictRow>()
  for (const c of conflicts) {
    const key = `${c.table}/${c.rowId}`
    let row = rows.get(key)
    if (!row) {
      row = { key, table: c.table, rowId: c.rowId, name: c.rowName ?? `${tableName(c.table)} #${shortId(c.rowId)}`, conflicts: [] }
      rows.set(key, row)
    }
    row.conflicts.push(c)
  }
  return [...rows.values()]
}

/** The field in conflict as the forms call it; a duplicate's several fields joined ('楼层 + 单元'); null for a delete (the screen words it). */
export function conflictFieldLabel(c: Pick<SyncConflict, 'table' | 'field' | 'kind'>): string | null {
  if (c.kind === 'delete') return null
  return c.field
    .split(/[,+ ]+/)
    .filter(Boolean)
    .map((f) => fieldLabel(c.table, f))
    .join(' + ')
}

/** Every id-like string a value holds (a reference, a list of them, a visit's sites). */
function idsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) {
    return value.flatMap((v) => (typeof v === 'string' || Array.isArray(v) ? idsIn(v) : v && typeof v === 'object' && 'id' in v ? idsIn((v as { id: unknown }).id) : []))
  }
  return []
}

/**
 * The names the values point to: the service's names first; an id it did not name reads as a short
 * id, never as "no longer exists" (which the change log's wording would say).
 */
export function refsOf(c: Pick<SyncConflict, 'refs'>, value: unknown): Record<string, string> {
  const fallback = Object.fromEntries(idsIn(value).map((id) => [id, `#${shortId(id)}`]))
  return { ...fallback, ...c.refs }
}

/** An edit made while the row was deleted elsewhere, as the engine lists it: one field and its value. */
const isFieldEdit = (value: unknown): value is { field: string; value: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 2 && typeof (value as { field?: unknown }).field === 'string' && 'value' in value

/** A row's fields written by an edit, in words: '楼宇名称 为 财富中心、地址 为 …'. */
function fieldsText(table: string, fields: Record<string, unknown>, refs: Record<string, string>): string {
  return Object.entries(fields)
    .map(([f, v]) => `${fieldLabel(table, f)} 为 ${formatValue(table, f, v, refs)}`)
    .join('、')
}

/** One value of a conflict in the words people read (areas, statuses, dates, names of rows); null for a delete (the screen words it). */
export function conflictValueText(c: SyncConflict, v: ConflictValue): string | null {
  const refs = refsOf(c, v.value && typeof v.value === 'object' && !Array.isArray(v.value) ? Object.values(v.value) : v.value)
  if (c.kind === 'delete') {
    if (v.role === 'deleted') return null
    if (v.role === 'restored') return '恢复了此记录'
    if (isFieldEdit(v.value)) return `修改了 ${fieldsText(c.table, { [v.value.field]: v.value.value }, refsOf(c, v.value.value))}`
    if (v.value && typeof v.value === 'object' && !Array.isArray(v.value)) return `修改了 ${fieldsText(c.table, v.value as Record<string, unknown>, refs)}`
    return v.value === null || v.value === undefined ? '修改了此记录' : `修改为 ${formatValue(c.table, '', v.value, refs)}`
  }
  if (c.kind === 'duplicate') {
    const id = typeof v.value === 'string' ? v.value : null
    if (!id) return formatValue(c.table, '', v.value, refs)
    // The two rows share what the rule makes unique, so their names may match: the short id tells them apart.
    const name = c.refs?.[id] ?? (id === c.rowId ? c.rowName : null) ?? tableName(c.table)
    return `${name} #${shortId(id)}`
  }
  const fields = c.field.split(/[,+ ]+/).filter(Boolean)
  if (fields.length > 1 && v.value && typeof v.value === 'object' && !Array.isArray(v.value)) {
    return fieldsText(c.table, v.value as Record<string, unknown>, refs)
  }
  return formatValue(c.table, c.field, v.value, refs)
}

export type ChoiceLabel = 'keep' | 'keepDelete' | 'restoreEdits' | 'keepRow'

/** The button a value carries, or null when picking it is not offered (a rule's other values). */
export function choiceLabelOf(c: Pick<SyncConflict, 'kind'>, v: Pick<ConflictValue, 'role'>): ChoiceLabel | null {
  switch (c.kind) {
    case 'delete':
      return v.role === 'deleted' ? 'keepDelete' : 'restoreEdits'
    case 'rule':
      return v.role === 'rule' ? 'keep' : null
    case 'duplicate':
      return 'keepRow'
    default:
      return 'keep'
  }
}

/** Values that offer a button: one per distinct choice (several edits against a delete restore together). */
export function choicesShown(c: SyncConflict): Set<number> {
  const seen = new Set<string>()
  const shown = new Set<number>()
  c.values.forEach((v, i) => {
    if (choiceLabelOf(c, v) === null || seen.has(v.choice)) return
    seen.add(v.choice)
    shown.add(i)
  })
  return shown
}

/** Rows of these tables have a page of their own to open. */
export const ROW_PAGES: Partial<Record<string, (id: string) => string>> = {
  buildings: (id) => `/buildings/${id}`,
  parcels: (id) => `/parcels/${id}`,
  parks: (id) => `/parks/${id}`,
  tenants: (id) => `/tenants/${id}`,
  visits: (id) => `/visits/${id}`,
  clusters: (id) => `/clusters/${id}`,
}
