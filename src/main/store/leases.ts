import { type Kysely, sql } from 'kysely'
import type { Lease } from '../../shared/types'
import type { Database } from './schema'

type LeaseRow = Omit<Lease, 'isDemo' | 'spaceIds' | 'floors'> & { isDemo: number; spaceIds: string | null; floors: string | null }

export async function listLeases(
  db: Kysely<Database>,
  filter: { buildingId?: string; tenantId?: string; ids?: string[]; includeDeleted?: boolean },
): Promise<Lease[]> {
  const where = [filter.includeDeleted ? sql`1 = 1` : sql`l.deleted_at IS NULL`]
  if (filter.buildingId) where.push(sql`l.building_id = ${filter.buildingId}`)
  if (filter.tenantId) where.push(sql`l.tenant_id = ${filter.tenantId}`)
  if (filter.ids) {
    if (filter.ids.length === 0) return []
    where.push(sql`l.id IN (${sql.join(filter.ids)})`)
  }
  const { rows } = await sql<LeaseRow>`
    SELECT l.*, t.name AS tenant_name, b.name AS building_name,
      (SELECT json_group_array(space_id) FROM (SELECT ls.space_id FROM lease_spaces ls JOIN spaces s ON s.id = ls.space_id
         WHERE ls.lease_id = l.id ORDER BY s.floor_sort, s.unit)) AS space_ids,
      (SELECT json_group_array(floor_label) FROM (SELECT s.floor_label FROM lease_spaces ls JOIN spaces s ON s.id = ls.space_id
         WHERE ls.lease_id = l.id ORDER BY s.floor_sort, s.unit)) AS floors
    FROM leases l
    JOIN tenants t ON t.id = l.tenant_id
    JOIN buildings b ON b.id = l.building_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY l.end_date IS NULL, l.end_date, t.name`.execute(db)
  return rows.map((r) => ({
    ...r,
    isDemo: r.isDemo === 1,
    spaceIds: JSON.parse(r.spaceIds ?? '[]') as string[],
    floors: JSON.parse(r.floors ?? '[]') as string[],
  }))
}
