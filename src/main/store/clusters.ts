import { type Kysely, sql } from 'kysely'
import type { Cluster } from '../../shared/types'
import type { Database } from './schema'
import { searchIds } from './search'
import { compareNames } from './collate'

export interface ClusterFilter {
  q?: string
  districtCode?: string
  ids?: string[]
  includeDeleted?: boolean
}

type ClusterRow = Omit<Cluster, 'isDemo'> & { isDemo: number }

export async function listClusters(db: Kysely<Database>, filter: ClusterFilter = {}): Promise<Cluster[]> {
  const where = [filter.includeDeleted ? sql`1 = 1` : sql`c.deleted_at IS NULL`]
  if (filter.districtCode) where.push(sql`c.district_code = ${filter.districtCode}`)
  if (filter.q) where.push(sql`c.id IN ${searchIds('cluster', filter.q)}`)
  if (filter.ids) {
    if (filter.ids.length === 0) return []
    where.push(sql`c.id IN (${sql.join(filter.ids)})`)
  }
  const { rows } = await sql<ClusterRow>`
    SELECT c.id, c.name, c.district_code, d.name AS district_name, c.description,
      c.created_at, c.updated_at, c.deleted_at, c.is_demo,
      (SELECT count(*) FROM buildings b WHERE b.cluster_id = c.id AND b.deleted_at IS NULL) AS building_count
    FROM clusters c
    JOIN districts d ON d.code = c.district_code
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY c.district_code, c.name`.execute(db)
  // By district (its code, as before), then by name in pinyin order.
  rows.sort((a, b) => a.districtCode.localeCompare(b.districtCode) || compareNames(a.name, b.name))
  return rows.map((r) => ({ ...r, isDemo: r.isDemo === 1, buildingCount: Number(r.buildingCount) }))
}

export async function getCluster(db: Kysely<Database>, id: string): Promise<Cluster | undefined> {
  const [cluster] = await listClusters(db, { ids: [id], includeDeleted: true })
  return cluster
}
