import { type Kysely, sql } from 'kysely'
import type { Space } from '../../shared/types'
import { readRows } from './handle'
import type { Database } from './schema'

type SpaceRow = Omit<Space, 'isDemo' | 'divisible'> & { isDemo: number; divisible: number }

export async function listSpaces(
  db: Kysely<Database>,
  filter: { buildingId?: string; ids?: string[]; includeDeleted?: boolean },
): Promise<Space[]> {
  const where = [filter.includeDeleted ? sql`1 = 1` : sql`s.deleted_at IS NULL`]
  if (filter.buildingId) where.push(sql`s.building_id = ${filter.buildingId}`)
  if (filter.ids) {
    if (filter.ids.length === 0) return []
    where.push(sql`s.id IN (${sql.join(filter.ids)})`)
  }
  // The tenant shown on a space is the one whose lease covering it is current today.
  const rows = await readRows(db, sql<SpaceRow>`
    SELECT s.id, s.building_id, s.floor_label, s.unit, s.area, s.status, s.asking_rent, s.fit_out,
      s.available_from, s.divisible, s.notes, s.created_at, s.updated_at, s.deleted_at, s.is_demo,
      (SELECT t.name FROM lease_spaces ls
         JOIN leases l ON l.id = ls.lease_id AND l.deleted_at IS NULL
           AND (l.end_date IS NULL OR l.end_date >= date('now', 'localtime'))
         JOIN tenants t ON t.id = l.tenant_id AND t.deleted_at IS NULL
       WHERE ls.space_id = s.id ORDER BY l.start_date DESC LIMIT 1) AS tenant_name
    FROM spaces s
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY s.floor_sort DESC, s.floor_label, s.unit`)
  return rows.map((r) => ({ ...r, isDemo: r.isDemo === 1, divisible: r.divisible === 1 }))
}
