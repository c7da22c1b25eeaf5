import { DomainError } from '../../shared/result'
import { SYNC_OP_KINDS, type SyncOp } from '../../shared/sync'
import { EXISTENCE_FIELD } from '../../shared/syncMerge'
import { decodeHlc } from './hlc'
import type { LoggedTable } from './schema'
import type { Pace } from './syncPace'
import { type TableInfo, writableField } from './syncTables'

// Every operation received is checked before anything is written: one bad operation refuses the
// whole merge (imports are all or nothing), said in Chinese with its place in the list.

const TOKEN = /^[0-9A-Za-z_.:-]{1,200}$/
const HLC = /^\d{16}-[0-9a-f]{4,8}-([0-9A-Za-z_.:-]{1,100})$/
const OP_ID = /^\d{16}-[0-9a-f]{4,8}-[0-9A-Za-z_.:-]{1,100}:\d{1,15}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/
const SHA256 = /^[0-9a-f]{64}$/
const SITE_KINDS = new Set(['building', 'parcel', 'park'])

/** A value's JSON text (a boundary's GeoJSON is the largest field people write). */
export const MAX_VALUE_CHARS = 16 * 1024 * 1024
const MAX_PRED = 10_000
const MAX_LIST = 10_000
const MAX_ACTOR = 200
/** A stamp this far ahead of our clock comes from a broken clock or a forged file. */
const MAX_AHEAD_MS = 366 * 24 * 3600 * 1000

class Refusal extends Error {}
const refuse = (why: string): never => {
  throw new Refusal(why)
}

/** Throws DomainError('invalid', '同步数据第 N 条：…') for the first operation that is not well formed. */
export function validateOps(ops: readonly SyncOp[], infos: Map<LoggedTable, TableInfo>, nowMs: number): void {
  for (let i = 0; i < ops.length; i++) validateAt(ops, i, infos, nowMs)
}

/** validateOps letting the event loop turn now and then (a whole store's log takes a while). */
export async function validateOpsPaced(ops: readonly SyncOp[], infos: Map<LoggedTable, TableInfo>, nowMs: number, pace: Pace): Promise<void> {
  for (let i = 0; i < ops.length; i++) {
    if (i % 1000 === 0) await pace.breathe()
    validateAt(ops, i, infos, nowMs)
  }
}

function validateAt(ops: readonly SyncOp[], i: number, infos: Map<LoggedTable, TableInfo>, nowMs: number): void {
  try {
    validateOp(ops[i], infos, nowMs)
  } catch (error) {
    if (!(error instanceof Refusal)) throw error
    throw new DomainError('invalid', `同步数据第 ${i + 1} 条：${error.message}`)
  }
}

function validateOp(raw: unknown, infos: Map<LoggedTable, TableInfo>, nowMs: number): void {
  if (!raw || typeof raw !== 'object') refuse('不是一条操作记录')
  const op = raw as Record<string, unknown>
  const text = (key: string, max: number) => {
    const v = op[key]
    if (typeof v !== 'string' || v.length === 0 || v.length > max) refuse(`${key} 缺失或过长`)
    return v as string
  }
  const hlc = text('hlc', 200)
  const match = HLC.exec(hlc) ?? refuse('时钟戳（hlc）格式不对')
  const device = text('device', 100)
  if (match[1] !== device) refuse('时钟戳与设备号不一致')
  if (decodeHlc(hlc).wall > nowMs + MAX_AHEAD_MS) refuse('时钟戳远在未来')
  const id = text('id', 320)
  if (!OP_ID.test(id) || !id.startsWith(`${hlc}:`)) refuse('操作编号应为“时钟戳:序号”')
  text('actor', MAX_ACTOR)
  if (!INSTANT.test(text('at', 40))) refuse('时间（at）格式不对')
  const table = text('table', 40)
  const info = infos.get(table as LoggedTable) ?? refuse(`未知的表 ${table.slice(0, 40)}`)
  const row = text('row', 200)
  if (!TOKEN.test(row)) refuse('记录编号含不允许的字符')
  if (info.key === 'code' && !/^\d{6}$/.test(row)) refuse('区县代码应为 6 位数字')
  const kind = op.op
  if (typeof kind !== 'string' || !(SYNC_OP_KINDS as readonly string[]).includes(kind)) refuse('操作类型不对')
  const field = op.field
  if (field !== null && typeof field !== 'string') refuse('字段名不对')
  for (const key of ['old', 'value'] as const) {
    const v = op[key]
    if (v !== null && (typeof v !== 'string' || v.length > MAX_VALUE_CHARS)) refuse(`${key} 应为不超过 16 MB 的 JSON 文本`)
  }
  const pred = op.pred
  if (!Array.isArray(pred) || pred.length > MAX_PRED || pred.some((p) => typeof p !== 'string' || !OP_ID.test(p))) {
    refuse('前序操作（pred）格式不对')
  }
  const old = parse(op.old as string | null, 'old')
  const value = parse(op.value as string | null, 'value')
  void old

  if (kind === 'delete' || kind === 'restore') {
    if (field !== EXISTENCE_FIELD) refuse('删除或恢复应写 deletedAt 字段')
    if (kind === 'delete' && (typeof value !== 'string' || !INSTANT.test(value))) refuse('删除应带删除时间')
    if (kind === 'restore' && value !== null) refuse('恢复的值应为空')
    return
  }
  if (field === null) {
    if (kind !== 'insert') refuse('只有新增可以一次写整条记录')
    if (!value || typeof value !== 'object' || Array.isArray(value)) refuse('整条新增的值应为对象')
    for (const [f, v] of Object.entries(value as Record<string, unknown>)) checkField(info, f, v)
    return
  }
  checkField(info, field as string, value)
}

function parse(json: string | null, key: string): unknown {
  if (json === null) return null
  try {
    return JSON.parse(json) as unknown
  } catch {
    return refuse(`${key} 不是有效的 JSON`)
  }
}

function checkField(info: TableInfo, field: string, value: unknown): void {
  if (field.length > 64 || !writableField(info, field)) refuse(`表 ${info.table} 没有可写的字段 ${field.slice(0, 64)}`)
  if (field === EXISTENCE_FIELD) refuse('deletedAt 只能由删除或恢复写入')
  if (field === 'spaceIds') {
    if (value === null) return
    if (!Array.isArray(value) || value.length > MAX_LIST || value.some((s) => typeof s !== 'string' || !TOKEN.test(s))) refuse('spaceIds 应为房源编号的列表')
    return
  }
  if (field === 'sites') {
    if (value === null) return
    const ok =
      Array.isArray(value) &&
      value.length <= MAX_LIST &&
      value.every((s) => s && typeof s === 'object' && SITE_KINDS.has((s as { kind?: unknown }).kind as string) && typeof (s as { id?: unknown }).id === 'string' && TOKEN.test((s as { id: string }).id))
    if (!ok) refuse('sites 应为 { kind, id } 的列表')
    return
  }
  if (field === 'mergedInto') {
    if (value !== null && (typeof value !== 'string' || !TOKEN.test(value))) refuse('mergedInto 应为房源编号')
    return
  }
  const column = info.columns.get(field)!
  if (column.blob) {
    if (value === null) return
    const v = value as { bytes?: unknown; sha256?: unknown }
    const ok = value && typeof value === 'object' && Number.isSafeInteger(v.bytes) && (v.bytes as number) >= 0 && typeof v.sha256 === 'string' && SHA256.test(v.sha256)
    if (!ok) refuse(`${field} 应为 { bytes, sha256 }`)
    return
  }
  const ok = value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  if (!ok) refuse(`${field} 的值应为文字、数字或空`)
}
