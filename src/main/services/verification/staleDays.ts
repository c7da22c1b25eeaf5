import { checkStaleDaysText, readStaleDays, STALE_DAYS_KEY } from '../../../shared/freshness'
import { DomainError } from '../../../shared/result'
import type { Kysely } from 'kysely'
import type { Database } from '../../store/schema'
import { getSetting } from '../../store/settings'

/** settings.set of 'freshness.staleDays': a whole number of days, stored without spaces. */
export function checkStaleDays(value: string): string {
  const problem = checkStaleDaysText(value)
  if (problem) throw new DomainError('invalid', problem, 'value')
  return String(Number(value.trim()))
}

/** The stale threshold in days (the default, 90, until a person sets another). */
export async function staleDays(db: Kysely<Database>): Promise<number> {
  return readStaleDays(await getSetting(db, STALE_DAYS_KEY))
}
