import { type Kysely, sql } from 'kysely'
import type { Tenant } from '../../shared/types'
import type { Database } from './schema'
import { searchIds } from './search'
import { sortByName } from './collate'

export interface TenantFilter {
  q?: string
  /** Tenants with a live lease (current or past) in this building. */
  buildingId?: string
  ids?: string[]
  includeDeleted?: boolean
}

type TenantRow = Omit<Tenant, 'isDemo' | 'aboveScale' | 'registeredInDistrict'> & {
  isDemo: number
  aboveScale: number
  registeredInDistrict: number
}

export async function listTenants(db: Kysely<Database>, filter: TenantFilter = {}): Promise<Tenant[]> {
  const where = [filter.includeDeleted ? sql`1 = 1` : sql`t.deleted_at IS NULL`]
  if (filter.q) where.push(sql`t.id IN ${searchIds('tenant', filter.q)}`)
  if (filter.buildingId) {
    where.push(sql`t.id IN (SELECT tenant_id FROM leases WHERE building_id = ${filter.buildingId} AND deleted_at IS NULL)`)
  }
  if (filter.ids) {
    if (filter.ids.length === 0) return []
    where.push(sql`t.id IN (${sql.join(filter.ids)})`)
  }
  const { rows } = await sql<TenantRow>`
    SELECT t.id, t.name, t.credit_code, t.industry, t.above_scale, t.registered_in_district, t.annual_tax,
      t.staff, t.contact_name, t.contact_phone, t.notes, t.created_at, t.updated_at, t.deleted_at, t.is_demo
    FROM tenants t
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY t.name`.execute(db)
  return sortByName(rows).map((r) => ({
    ...r,
    isDemo: r.isDemo === 1,
    aboveScale: r.aboveScale === 1,
    registeredInDistrict: r.registeredInDistrict === 1,
  }))
}

export async function getTenant(db: Kysely<Database>, id: string): Promise<Tenant | undefined> {
  const [tenant] = await listTenants(db, { ids: [id], includeDeleted: true })
  return tenant
}

/** The live tenant other than `exceptId` that holds this credit code, if any. */
export async function tenantWithCreditCode(
  db: Kysely<Database>,
  creditCode: string,
  exceptId?: string,
): Promise<{ id: string; name: string } | undefined> {
  let query = db
    .selectFrom('tenants')
    .select(['id', 'name'])
    .where('creditCode', '=', creditCode)
    .where('deletedAt', 'is', null)
  if (exceptId) query = query.where('id', '!=', exceptId)
  return query.executeTakeFirst()
}

/** How many of the tenant's live leases are current (no end date, or ending today or later). */
export async function countCurrentLeases(db: Kysely<Database>, tenantId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*) AS n FROM leases
    WHERE tenant_id = ${tenantId} AND deleted_at IS NULL
      AND (end_date IS NULL OR end_date >= date('now', 'localtime'))`.execute(db)
  return Number(rows[0]?.n ?? 0)
}
