import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { DomainError } from '../../../shared/result'
import type { TenancyScope, tenancyAsOf } from '../../../shared/schemas/leases'
import { areaFigures, spaceStatusOn } from '../../../shared/tenancy'
import type { AsOfFigures } from '../../../shared/types'
import { today } from '../../store/leases'
import type { Database } from '../../store/schema'
import { spacesAsOf, spacesWithLeases } from '../../store/tenancy'

/** The first instant after the local calendar day `day`, as the change log writes times (ISO, UTC). */
export function endOfLocalDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d + 1).toISOString()
}

const SCOPE_NAMES = { building: '楼宇', cluster: '聚集区', district: '区县' } as const

async function scopeExists(db: Kysely<Database>, scope: TenancyScope, id: string): Promise<boolean> {
  if (scope === 'district') return !!(await db.selectFrom('districts').select('code').where('code', '=', id).executeTakeFirst())
  const table = scope === 'building' ? 'buildings' : 'clusters'
  return !!(await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst())
}

/**
 * Vacancy and occupancy of a scope on a day: today and earlier as the spaces stood then (the
 * change log), later from today's spaces and the leases that will cover them then.
 */
export async function figuresAsOf(db: Kysely<Database>, input: z.output<typeof tenancyAsOf>, day?: string): Promise<AsOfFigures> {
  if (!(await scopeExists(db, input.scope, input.id))) throw new DomainError('not_found', `范围：找不到该${SCOPE_NAMES[input.scope]}`, 'id')
  const now = day ?? (await today(db))
  const scope = { kind: input.scope, id: input.id }
  if (input.date <= now) {
    return { date: input.date, basis: 'log', ...areaFigures(await spacesAsOf(db, scope, endOfLocalDay(input.date))) }
  }
  const spaces = await spacesWithLeases(db, scope)
  const onDay = spaces.map((s) => ({ area: s.area, status: spaceStatusOn(s, s.leases, input.date) }))
  return { date: input.date, basis: 'leases', ...areaFigures(onDay) }
}
