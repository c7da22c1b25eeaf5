import { sql } from 'kysely'

/**
 * The statuses of space on the rental market: a building's leasable area is the area of its live
 * spaces in these (sold and owner-occupied space is not). Shared by the SQL of the lists and
 * statistics and by the map's one pass (spaceFold.ts).
 */
export const LEASABLE_STATUSES = ['vacant', 'leased', 'reserved'] as const

/** `('vacant', 'leased', 'reserved')` for an IN test in SQL. */
export const leasableList = sql`(${sql.join(LEASABLE_STATUSES.map((s) => sql.lit(s)))})`
