import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { leaseComingFree } from '../../../shared/schemas/leases'
import { addMonths, comingFree } from '../../../shared/tenancy'
import type { ComingFreeSpace } from '../../../shared/types'
import { today } from '../../store/leases'
import type { Database } from '../../store/schema'
import { leasesEnding } from '../../store/tenancy'

/**
 * The spaces coming free within `months` from today: the leases ending in the window whose spaces
 * no renewal or next lease takes the day after (shared/tenancy.ts comingFree), by end date,
 * building and floor, with the tenant to call.
 */
export async function comingFreeSpaces(
  db: Kysely<Database>,
  input: z.output<typeof leaseComingFree>,
  day?: string,
): Promise<ComingFreeSpace[]> {
  const from = day ?? (await today(db))
  const { details, leases } = await leasesEnding(db, from, addMonths(from, input.months), input.scope)
  const freeing = new Set(comingFree(leases, from, input.months).map((f) => `${f.leaseId}/${f.spaceId}`))
  return details.filter((d) => freeing.has(`${d.leaseId}/${d.spaceId}`))
}
