import { z } from 'zod'
import { EXISTENCE_FIELD } from '../../shared/syncMerge'
import { SYNC_OP_KINDS } from '../../shared/sync'
import { PULL_MAX_OPS, PUSH_MAX_OPS } from '../../shared/syncProtocol'
import { opProblem } from './opRules'

// What the server accepts, checked before anything is written: a push is refused whole when one of
// its operations is malformed (names its place: '第 3 条操作：…'). Every string is bounded, and no
// text may hold NUL (PostgreSQL text cannot), so a hostile body fails here, not halfway in SQL.

const NUL = new RegExp(String.raw`\u0000|\\u0000`)
/** Half of a surrogate pair on its own: not a character (PostgreSQL refuses it in jsonb; UTF-8 cannot hold it). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u
const text = (label: string, max: number) =>
  z
    .string({ error: `${label}：应为文字` })
    .max(max, `${label}：过长（最多 ${max} 个字符）`)
    .refine((s) => !NUL.test(s), `${label}：不能包含空字符`)
    .refine((s) => !LONE_SURROGATE.test(s), `${label}：含有无效的字符`)

/** Every string of a parsed JSON value (keys too) is well formed. */
function wellFormed(value: unknown): boolean {
  if (typeof value === 'string') return !LONE_SURROGATE.test(value)
  if (Array.isArray(value)) return value.every(wellFormed)
  if (value && typeof value === 'object') return Object.entries(value).every(([k, v]) => !LONE_SURROGATE.test(k) && wellFormed(v))
  return true
}
const identifier = (label: string) => text(label, 64).regex(/^[a-z][A-Za-z0-9]*$/, `${label}：应为字母和数字组成的名称`)
const jsonText = (label: string, max: number) =>
  text(label, max).superRefine((s, ctx) => {
    let value: unknown
    try {
      value = JSON.parse(s)
    } catch {
      ctx.addIssue({ code: 'custom', message: `${label}：不是有效的 JSON` })
      return
    }
    if (!wellFormed(value)) ctx.addIssue({ code: 'custom', message: `${label}：含有无效的字符` })
  })

/** A clock stamp as store/hlc.ts writes it: wall milliseconds, counter (hex), device. */
const HLC = /^\d{1,16}-[0-9a-f]{1,8}-[^\s]{1,100}$/

export const syncOpSchema = z
  .strictObject({
    id: text('操作编号', 200),
    hlc: text('时钟', 140).regex(HLC, '时钟：格式不对'),
    device: text('设备', 100).min(1, '设备：必填'),
    actor: text('人员', 200),
    at: text('时间', 40).regex(/^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)$/, '时间：应为 ISO 时间'),
    table: identifier('表'),
    row: text('记录', 200).min(1, '记录：必填'),
    op: z.enum(SYNC_OP_KINDS, { error: '操作：应为 insert/update/delete/restore' }),
    field: identifier('字段').nullable(),
    old: jsonText('原值', 16 * 1024 ** 2).nullable(),
    value: jsonText('新值', 16 * 1024 ** 2).nullable(),
    pred: z.array(text('前序操作', 200), { error: '前序操作：应为列表' }).max(100_000, '前序操作：过多'),
  })
  .superRefine((op, ctx) => {
    let wrong = false
    const issue = (message: string) => {
      wrong = true
      ctx.addIssue({ code: 'custom', message })
    }
    const suffix = op.id.startsWith(`${op.hlc}:`) ? op.id.slice(op.hlc.length + 1) : ''
    if (!/^\d{1,15}$/.test(suffix)) issue('操作编号：应为「时钟:序号」')
    if ((op.op === 'delete' || op.op === 'restore') && op.field !== EXISTENCE_FIELD) {
      issue(`字段：删除与恢复应写 ${EXISTENCE_FIELD}`)
    }
    // Refinements run even when a field failed its own check (its issue is reported first).
    let value: unknown
    try {
      value = op.value === null ? null : (JSON.parse(op.value) as unknown)
    } catch {
      return
    }
    if (op.field === null) {
      if (op.op !== 'insert' || !value || typeof value !== 'object' || Array.isArray(value)) {
        issue('新值：整行插入应为一个对象')
      }
    }
    // Well formed: now what a laptop's merge would refuse (opRules.ts).
    if (wrong) return
    const problem = opProblem(op)
    if (problem) issue(problem)
  })

export const pushRequestSchema = z.strictObject({
  ops: z.array(syncOpSchema, { error: '操作：应为列表' }).max(PUSH_MAX_OPS, `操作：一次最多 ${PUSH_MAX_OPS} 条`),
})

export const loginRequestSchema = z.strictObject({
  user: text('账号', 64).trim().min(1, '账号：必填'),
  password: z.string({ error: '密码：必填' }).min(1, '密码：必填').max(200, '密码：过长'),
  device: text('设备', 100).min(1, '设备：必填'),
})

/** `after` and `limit` of a pull; both optional. */
export function parsePullQuery(params: URLSearchParams): { after: bigint; limit: number } | string {
  const after = params.get('after') ?? '0'
  if (!/^\d{1,18}$/.test(after)) return '游标：应为数字'
  const limitText = params.get('limit')
  let limit = PULL_MAX_OPS
  if (limitText !== null) {
    if (!/^\d{1,6}$/.test(limitText) || Number(limitText) < 1) return '条数：应为正整数'
    limit = Math.min(Number(limitText), PULL_MAX_OPS)
  }
  return { after: BigInt(after), limit }
}

/** The first problem of a zod failure, its path as a person reads it ('第 3 条操作：时钟：格式不对'). */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return '请求内容：格式不对'
  const [first, index] = issue.path
  const where = first === 'ops' && typeof index === 'number' ? `第 ${index + 1} 条操作：` : ''
  const message = issue.message.includes('：') ? issue.message : `请求内容：${issue.message}`
  return `${where}${message}`
}
