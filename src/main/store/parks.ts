import { type Kysely, sql } from 'kysely'
import type { ParkStatus } from '../../shared/domain'
import type { Park, ParkHost, SubPark } from '../../shared/types'
import type { Database } from './schema'
import { searchIds } from './search'
import { sortByName } from './collate'

export interface ParkFilter {
  q?: string
  districtCode?: string
  status?: string
  ids?: string[]
  includeDeleted?: boolean
}

type ParkRow = Omit<Park, 'isDemo' | 'status' | 'subParks' | 'hosts'> & { isDemo: number; status: string }

/** Parks with their live sub-parks and host buildings, each list in its sort order. */
export async function listParks(db: Kysely<Database>, filter: ParkFilter = {}): Promise<Park[]> {
  const where = [filter.includeDeleted ? sql`1 = 1` : sql`p.deleted_at IS NULL`]
  if (filter.districtCode) where.push(sql`p.district_code = ${filter.districtCode}`)
  if (filter.status) where.push(sql`p.status = ${filter.status}`)
  if (filter.q) where.push(sql`p.id IN ${searchIds('park', filter.q)}`)
  if (filter.ids) {
    if (filter.ids.length === 0) return []
    where.push(sql`p.id IN (${sql.join(filter.ids)})`)
  }
  const { rows } = await sql<ParkRow>`
    SELECT p.id, p.name, p.theme, p.district_code, d.name AS district_name, p.planned_investment, p.total_area,
      p.operator, p.status, p.contact_name, p.contact_phone, p.description, p.land_area,
      p.created_at, p.updated_at, p.deleted_at, p.is_demo
    FROM parks p
    JOIN districts d ON d.code = p.district_code
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY p.name`.execute(db)
  if (rows.length === 0) return []

  const parkIds = rows.map((r) => r.id)
  const [subParks, hosts] = await Promise.all([subParksOf(db, parkIds), hostsOf(db, parkIds)])
  return sortByName(rows).map((r) => ({
    ...r,
    isDemo: r.isDemo === 1,
    status: r.status as ParkStatus,
    subParks: subParks.get(r.id) ?? [],
    hosts: hosts.get(r.id) ?? [],
  }))
}

export async function getPark(db: Kysely<Database>, id: string): Promise<Park | undefined> {
  const [park] = await listParks(db, { ids: [id], includeDeleted: true })
  return park
}

function groupByPark<T extends { parkId: string }>(rows: T[]): Map<string, Array<Omit<T, 'parkId'>>> {
  const groups = new Map<string, Array<Omit<T, 'parkId'>>>()
  for (const { parkId, ...rest } of rows) {
    const list = groups.get(parkId) ?? []
    list.push(rest)
    groups.set(parkId, list)
  }
  return groups
}

async function subParksOf(db: Kysely<Database>, parkIds: string[]): Promise<Map<string, SubPark[]>> {
  const rows = await db
    .selectFrom('subParks')
    .select(['id', 'parkId', 'name', 'theme', 'area', 'status'])
    .where('parkId', 'in', parkIds)
    .where('deletedAt', 'is', null)
    .orderBy('sortOrder')
    .orderBy('createdAt')
    .execute()
  return groupByPark(rows.map((r) => ({ ...r, status: r.status as ParkStatus | null })))
}

// A host building deleted later still shows under its name: the park occupied it.
async function hostsOf(db: Kysely<Database>, parkIds: string[]): Promise<Map<string, ParkHost[]>> {
  const rows = await db
    .selectFrom('parkHosts as h')
    .innerJoin('buildings as b', 'b.id', 'h.buildingId')
    .select(['h.id', 'h.parkId', 'h.buildingId', 'b.name as buildingName', 'h.floors', 'h.area'])
    .where('h.parkId', 'in', parkIds)
    .where('h.deletedAt', 'is', null)
    .orderBy('h.sortOrder')
    .orderBy('h.createdAt')
    .execute()
  return groupByPark(rows)
}

/** The live child rows of a park in one of its child tables, with what an update compares. */
export async function liveChildren(
  db: Kysely<Database>,
  table: 'subParks' | 'parkHosts',
  parkId: string,
): Promise<Array<Record<string, unknown> & { id: string }>> {
  const rows = await (db as unknown as Kysely<any>)
    .selectFrom(table)
    .selectAll()
    .where('parkId', '=', parkId)
    .where('deletedAt', 'is', null)
    .execute()
  return rows as Array<Record<string, unknown> & { id: string }>
}
