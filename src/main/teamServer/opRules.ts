import type { SyncOp } from '../../shared/sync'
import { EXISTENCE_FIELD } from '../../shared/syncMerge'
import { ENTITY_VIEWS } from './pg/views'

// What a laptop's merge accepts of an operation (store/syncValidate.ts), checked by the server before
// it stores one: a laptop's pull merges a page all or nothing, so one operation the laptops refuse,
// once stored and served, would stop every laptop's pull for good. These rules must stay at least as
// strict as the laptop's; the tables and fields are the entity views' (type-checked against
// store/schema.ts), so a column added there is accepted here once its view column is added.

const TOKEN = /^[0-9A-Za-z_.:-]{1,200}$/
const HLC = /^(\d{16})-[0-9a-f]{4,8}-([0-9A-Za-z_.:-]{1,100})$/
const OP_ID = /^\d{16}-[0-9a-f]{4,8}-[0-9A-Za-z_.:-]{1,100}:\d{1,15}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/
const SHA256 = /^[0-9a-f]{64}$/
const SITE_KINDS = new Set(['building', 'parcel', 'park'])
const MAX_PRED = 10_000
const MAX_LIST = 10_000
/** The laptop refuses a stamp further ahead of its clock than this (store/syncValidate.ts MAX_AHEAD_MS). */
const MAX_AHEAD_MS = 366 * 24 * 3600 * 1000
/**
 * A server clock a little behind a laptop's must not let through what that laptop then refuses:
 * the server keeps a day's margin inside the laptop's bound.
 */
const SERVER_AHEAD_MS = MAX_AHEAD_MS - 24 * 3600 * 1000

/**
 * Columns every logged table has that the views leave out but an operation may write (the laptop
 * writes every column but its key, id, createdAt and updatedAt; deletedAt only by delete/restore).
 */
const EXTRA_WRITABLE = ['isDemo'] as const

const keyOf = (table: string) => (table === 'districts' ? 'code' : 'id')

/** Field → 'blob' | 'list' | … for the checks below, per logged table. */
function writableFields(table: string): Map<string, string> | undefined {
  const view = Object.hasOwn(ENTITY_VIEWS, table) ? ENTITY_VIEWS[table] : undefined
  if (!view) return undefined
  const fields = new Map<string, string>()
  for (const [field, type] of Object.entries(view)) if (field !== keyOf(table)) fields.set(field, type)
  for (const field of EXTRA_WRITABLE) fields.set(field, 'int')
  return fields
}
const WRITABLE = new Map(Object.keys(ENTITY_VIEWS).map((table) => [table, writableFields(table)!]))

class Refusal extends Error {}
const refuse = (why: string): never => {
  throw new Refusal(why)
}

/** The first reason a laptop would refuse `op` ('字段：原因'), or null when it would merge it. */
export function opProblem(op: SyncOp, nowMs: number = Date.now()): string | null {
  try {
    check(op, nowMs)
    return null
  } catch (error) {
    if (error instanceof Refusal) return error.message
    throw error
  }
}

function check(op: SyncOp, nowMs: number): void {
  const stamp = HLC.exec(op.hlc) ?? refuse('时钟：应为「16 位毫秒-计数-设备号」')
  if (stamp[2] !== op.device) refuse('时钟：与设备号不一致')
  if (Number(stamp[1]) > nowMs + SERVER_AHEAD_MS) refuse('时钟：远在未来（设备时钟有误？）')
  if (!OP_ID.test(op.id) || !op.id.startsWith(`${op.hlc}:`)) refuse('操作编号：应为「时钟:序号」')
  if (op.actor.length === 0) refuse('人员：必填')
  if (!INSTANT.test(op.at)) refuse('时间：应为 UTC 时间（如 2026-11-20T08:00:00.000Z）')
  const fields = WRITABLE.get(op.table) ?? refuse(`表：不认识的表 ${op.table}`)
  if (!TOKEN.test(op.row)) refuse('记录：编号含不允许的字符')
  if (op.table === 'districts' && !/^\d{6}$/.test(op.row)) refuse('记录：区县代码应为 6 位数字')
  if (op.pred.length > MAX_PRED) refuse(`前序操作：最多 ${MAX_PRED} 条`)
  if (op.pred.some((p) => !OP_ID.test(p))) refuse('前序操作：应为操作编号')
  const value = parseJson(op.value, '新值')
  parseJson(op.old, '原值')

  if (op.op === 'delete' || op.op === 'restore') {
    if (op.op === 'delete' && (typeof value !== 'string' || !INSTANT.test(value))) refuse('新值：删除应带删除时间（UTC）')
    if (op.op === 'restore' && value !== null) refuse('新值：恢复的值应为空')
    return
  }
  if (op.field === null) {
    // Whole-row inserts: the shape is checked by the schema; each field here.
    for (const [field, v] of Object.entries(value as Record<string, unknown>)) checkField(op.table, fields, field, v)
    return
  }
  checkField(op.table, fields, op.field, value)
}

function parseJson(json: string | null, label: string): unknown {
  if (json === null) return null
  try {
    return JSON.parse(json) as unknown
  } catch {
    return refuse(`${label}：不是有效的 JSON`)
  }
}

function checkField(table: string, fields: Map<string, string>, field: string, value: unknown): void {
  if (field === EXISTENCE_FIELD) refuse(`字段：${EXISTENCE_FIELD} 只能由删除或恢复写入`)
  const type = fields.get(field) ?? refuse(`字段：表 ${table} 没有可写的字段 ${field}`)
  if (value === null) return
  if (field === 'spaceIds') {
    if (!Array.isArray(value) || value.length > MAX_LIST || value.some((s) => typeof s !== 'string' || !TOKEN.test(s))) refuse('新值：spaceIds 应为房源编号的列表')
    return
  }
  if (field === 'sites') {
    const ok =
      Array.isArray(value) &&
      value.length <= MAX_LIST &&
      value.every((s: unknown) => {
        const site = s as { kind?: unknown; id?: unknown } | null
        return !!site && typeof site === 'object' && SITE_KINDS.has(site.kind as string) && typeof site.id === 'string' && TOKEN.test(site.id)
      })
    if (!ok) refuse('新值：sites 应为 { kind, id } 的列表')
    return
  }
  if (field === 'mergedInto') {
    if (typeof value !== 'string' || !TOKEN.test(value)) refuse('新值：mergedInto 应为房源编号')
    return
  }
  if (type === 'blob') {
    const v = value as { bytes?: unknown; sha256?: unknown }
    const ok = typeof value === 'object' && Number.isSafeInteger(v.bytes) && (v.bytes as number) >= 0 && typeof v.sha256 === 'string' && SHA256.test(v.sha256)
    if (!ok) refuse(`新值：${field} 应为 { bytes, sha256 }`)
    return
  }
  if (!(typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))) {
    refuse(`新值：${field} 应为文字、数字或空`)
  }
}
