import { type Kysely, sql } from 'kysely'
import type { SpaceStatus } from '../../shared/domain'
import type { Space } from '../../shared/types'
import { compareNames } from './collate'
import type { Database } from './schema'

// What a printed sheet needs beyond the map's figures, for many buildings in one query each:
// their spaces (from the lowest floor up) and the names of their current tenants.

export interface SheetSpace extends Space {
  floorSort: number
}

type SheetSpaceRow = Omit<SheetSpace, 'isDemo' | 'divisible'> & { isDemo: number; divisible: number }

/** Live spaces of the buildings, grouped by building, each from the lowest floor up. */
export async function spacesOfBuildings(db: Kysely<Database>, buildingIds: readonly string[], statuses?: readonly SpaceStatus[]): Promise<Map<string, SheetSpace[]>> {
  const groups = new Map<string, SheetSpace[]>()
  if (buildingIds.length === 0) return groups
  const status = statuses ? sql`AND s.status IN (${sql.join(statuses)})` : sql``
  const { rows } = await sql<SheetSpaceRow>`
    SELECT s.id, s.building_id, s.floor_label, s.floor_sort, s.unit, s.area, s.status, s.asking_rent, s.fit_out,
      s.available_from, s.divisible, s.notes, s.created_at, s.updated_at, s.deleted_at, s.is_demo,
      NULL AS tenant_name
    FROM spaces s
    WHERE s.deleted_at IS NULL AND s.building_id IN (${sql.join(buildingIds)}) ${status}
    ORDER BY s.building_id, s.floor_sort, s.floor_label, s.unit`.execute(db)
  for (const row of rows) {
    const space: SheetSpace = { ...row, isDemo: row.isDemo === 1, divisible: row.divisible === 1 }
    const list = groups.get(space.buildingId)
    if (list) list.push(space)
    else groups.set(space.buildingId, [space])
  }
  return groups
}

/** Names of the live tenants with a lease current today, per building, in name order. */
export async function currentTenantNames(db: Kysely<Database>, buildingIds: readonly string[]): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>()
  if (buildingIds.length === 0) return names
  const { rows } = await sql<{ buildingId: string; name: string }>`
    SELECT DISTINCT l.building_id, t.name
    FROM leases l JOIN tenants t ON t.id = l.tenant_id AND t.deleted_at IS NULL
    WHERE l.deleted_at IS NULL AND (l.end_date IS NULL OR l.end_date >= date('now', 'localtime'))
      AND l.building_id IN (${sql.join(buildingIds)})
    ORDER BY l.building_id, t.name`.execute(db)
  for (const row of rows) {
    const list = names.get(row.buildingId)
    if (list) list.push(row.name)
    else names.set(row.buildingId, [row.name])
  }
  for (const list of names.values()) list.sort(compareNames)
  return names
}
