import { type Kysely, sql } from 'kysely'
import { squareMetresToMu } from '../../shared/domain'
import { checkOf } from '../../shared/freshness'
import type { Boundary } from '../../shared/schemas/parcels'
import type { Parcel } from '../../shared/types'
import type { Database } from './schema'
import { searchIds } from './search'

export interface ParcelFilter {
  q?: string
  districtCode?: string
  landUse?: string
  status?: string
  includeDeleted?: boolean
  ids?: string[]
}

type ParcelRow = Omit<Parcel, 'isDemo' | 'boundary' | 'areaMu' | 'check'> & { isDemo: number; boundary: string | null }

export async function listParcels(db: Kysely<Database>, filter: ParcelFilter = {}): Promise<Parcel[]> {
  const where = [filter.includeDeleted ? sql`1 = 1` : sql`p.deleted_at IS NULL`]
  if (filter.districtCode) where.push(sql`p.district_code = ${filter.districtCode}`)
  if (filter.landUse) where.push(sql`p.land_use = ${filter.landUse}`)
  if (filter.status) where.push(sql`p.status = ${filter.status}`)
  if (filter.q) where.push(sql`p.id IN ${searchIds('parcel', filter.q)}`)
  if (filter.ids) {
    if (filter.ids.length === 0) return []
    where.push(sql`p.id IN (${sql.join(filter.ids)})`)
  }
  const { rows } = await sql<ParcelRow>`
    SELECT p.*, d.name AS district_name
    FROM parcels p JOIN districts d ON d.code = p.district_code
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY p.district_code, p.code`.execute(db)
  return rows.map(toParcel)
}

export async function getParcel(db: Kysely<Database>, id: string): Promise<Parcel | undefined> {
  const [parcel] = await listParcels(db, { ids: [id], includeDeleted: true })
  return parcel
}

/** The live parcel holding `code`, other than `exceptId`: codes are unique among live parcels. */
export async function findLiveParcelByCode(db: Kysely<Database>, code: string, exceptId?: string): Promise<string | undefined> {
  let query = db.selectFrom('parcels').select('id').where('code', '=', code).where('deletedAt', 'is', null)
  if (exceptId) query = query.where('id', '!=', exceptId)
  return (await query.executeTakeFirst())?.id
}

function toParcel(row: ParcelRow): Parcel {
  return {
    ...row,
    isDemo: row.isDemo === 1,
    boundary: row.boundary ? (JSON.parse(row.boundary) as Boundary) : null,
    areaMu: row.area == null ? null : squareMetresToMu(row.area),
    check: checkOf(row.verifiedAt, row.createdAt),
  }
}
