import type { Kysely } from 'kysely'
import { DomainError } from '../../shared/result'
import type { Database, LoggedTable } from '../store/schema'

// Checks shared by every feature's writes: the row exists (and is live), references point at
// live rows. Each throws a DomainError naming the field, so nothing is written.

const loose = (db: Kysely<Database>) => db as unknown as Kysely<any>

export async function requireLive<T = Record<string, unknown>>(
  db: Kysely<Database>,
  table: LoggedTable,
  id: string,
  what: string,
  field?: string,
): Promise<T> {
  const key = table === 'districts' ? 'code' : 'id'
  const row = await loose(db).selectFrom(table).selectAll().where(key, '=', id).executeTakeFirst()
  if (!row || row.deletedAt !== null) {
    throw new DomainError(field ? 'invalid' : 'not_found', `${what}：找不到该记录（可能已被删除）`, field)
  }
  return row as T
}

export async function requireDeleted(db: Kysely<Database>, table: LoggedTable, id: string, what: string): Promise<string> {
  const row = await loose(db).selectFrom(table).select('deletedAt').where('id', '=', id).executeTakeFirst()
  if (!row) throw new DomainError('not_found', `${what}：找不到该记录`)
  if (row.deletedAt === null) throw new DomainError('conflict', `${what}：该记录未被删除，无需恢复`)
  return row.deletedAt as string
}

export const requireDistrict = (db: Kysely<Database>, code: string) =>
  requireLive(db, 'districts', code, '所属区县', 'districtCode')

/** Turns booleans of an input into the 0/1 the store keeps. */
export function storeBooleans<T extends Record<string, unknown>>(input: T): { [K in keyof T]: T[K] extends boolean | undefined ? number | undefined : T[K] } {
  return Object.fromEntries(
    Object.entries(input).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 1 : 0) : v]),
  ) as never
}
