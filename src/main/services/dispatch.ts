import { z } from 'zod'
import { contract, isMethodName } from '../../shared/api'
import { methodKind } from '../../shared/methodKinds'
import { type ApiError, DomainError, type Result } from '../../shared/result'
import type { Handlers, ServiceContext } from './context'

// Messages of zod's own checks (unknown keys, wrong types without a custom message) in Chinese.
z.config(z.locales.zhCN())

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>

/**
 * The one entry every host calls: refuses unknown names, validates the input with the method's
 * schema, runs the handler and turns any failure into an error value.
 */
export function createDispatcher(ctx: ServiceContext, handlers: Handlers): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `未知的接口：${String(method)}` } }
    }
    const parsed = contract[method].input.safeParse(input ?? {})
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) }
    try {
      const handler = handlers[method] as (input: unknown, ctx: ServiceContext) => Promise<unknown>
      const value = await handler(parsed.data, ctx)
      return { ok: true, value: value === undefined ? null : value }
    } catch (error) {
      return { ok: false, error: toApiError(error, method) }
    }
  }
}

export function validationError(error: z.ZodError): ApiError {
  const issues = error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }))
  const first = issues[0]!
  return { code: 'invalid', field: first.field || undefined, message: first.message, issues }
}

/**
 * A thrown error as an API error: a DomainError as it says, SQLite constraint failures in words,
 * anything else logged (under `where`) and reported as internal, its message after `internalPrefix`.
 */
const DEFAULT_PREFIX = '内部错误，未保存任何修改：'

export function toApiError(error: unknown, where: string, internalPrefix = DEFAULT_PREFIX): ApiError {
  if (error instanceof DomainError) return error.toApiError()
  const message = error instanceof Error ? error.message : String(error)
  if (/FOREIGN KEY constraint failed/.test(message)) {
    return { code: 'invalid', message: '引用的记录不存在（如所属区县、楼宇或企业），未保存任何修改' }
  }
  if (/UNIQUE constraint failed/.test(message)) {
    return { code: 'conflict', message: '与已有记录重复，未保存任何修改' }
  }
  console.error(`[site-atlas] ${where} failed:`, error)
  // A read changed nothing: saying "nothing was saved" of it would be beside the point.
  const prefix = internalPrefix === DEFAULT_PREFIX && methodKind(where) === 'read' ? '内部错误，未能读取：' : internalPrefix
  return { code: 'internal', message: `${prefix}${message}` }
}
