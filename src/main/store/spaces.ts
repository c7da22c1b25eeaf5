import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Space } from '../../shared/types'
import { readRows } from './handle'
import type { Database } from './schema'

export type SpaceRow = Omit<Space, 'isDemo' | 'divisible'> & { isDemo: number; divisible: number }

export type SpaceFilter = { buildingId?: string; ids?: string[]; includeDeleted?: boolean }

export async function listSpaces(db: Kysely<Database>, filter: SpaceFilter): Promise<Space[]> {
  if (filter.ids?.length === 0) return []
  return (await readRows(db, spacesQuery(filter))).map(toSpace)
}

/** The spaces matching `filter` as SQL, for listSpaces or a read of several queries at once. */
export function spacesQuery(filter: SpaceFilter): RawBuilder<SpaceRow> {
  const where = [filter.includeDeleted ? sql`1 = 1` : sql`s.deleted_at IS NULL`]
  if (filter.buildingId) where.push(sql`s.building_id = ${filter.buildingId}`)
  if (filter.ids) {
    where.push(sql`s.id IN (${sql.join(filter.ids)})`)
  }
  // The tenant shown on a space is the one whose lease covering it is current today.
  return sql<SpaceRow>`
    SELECT s.id, s.building_id, s.floor_label, s.unit, s.area, s.status, s.asking_rent, s.fit_out,
      s.available_from, s.divisible, s.notes, s.verified_at, s.created_at, s.updated_at, s.deleted_at, s.is_demo,
      (SELECT t.name FROM lease_spaces ls
         JOIN leases l ON l.id = ls.lease_id AND l.deleted_at IS NULL
           AND (l.end_date IS NULL OR l.end_date >= date('now', 'localtime'))
         JOIN tenants t ON t.id = l.tenant_id AND t.deleted_at IS NULL
       WHERE ls.space_id = s.id ORDER BY l.start_date DESC LIMIT 1) AS tenant_name
    FROM spaces s
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY s.floor_sort DESC, s.floor_label, s.unit`
}

export const toSpace = (r: SpaceRow): Space => ({ ...r, isDemo: r.isDemo === 1, divisible: r.divisible === 1 })

/** The live spaces of some buildings with their building's name: the floor + unit check of an import. */
export async function liveSpacesOfBuildings(db: Kysely<Database>, buildingIds: string[]) {
  if (buildingIds.length === 0) return []
  return db
    .selectFrom('spaces')
    .innerJoin('buildings', 'buildings.id', 'spaces.buildingId')
    .select(['spaces.id', 'spaces.buildingId', 'spaces.floorLabel', 'spaces.unit', 'buildings.name as buildingName'])
    .where('spaces.buildingId', 'in', buildingIds)
    .where('spaces.deletedAt', 'is', null)
    .execute()
}
