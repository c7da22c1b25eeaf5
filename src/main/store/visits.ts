import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { SiteKind, SiteRef } from '../../shared/mapSites'
import type { Visit, VisitSite } from '../../shared/visits'
import type { Database, VisitRow } from './schema'

// Investor visits and the sites shown on each (visit_sites, in the order shown). A visit names
// its sites as they are called now; a site deleted since keeps its last name and says so.

export interface VisitFilter {
  q?: string
  site?: SiteRef
  includeDeleted?: boolean
  ids?: string[]
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

function conditions(filter: VisitFilter): RawBuilder<boolean> {
  const where: RawBuilder<unknown>[] = [filter.includeDeleted ? sql`1 = 1` : sql`v.deleted_at IS NULL`]
  const q = filter.q?.trim()
  if (q) {
    const p = likePattern(q)
    where.push(sql`(v.company LIKE ${p} ESCAPE '\\' OR v.staff LIKE ${p} ESCAPE '\\' OR v.notes LIKE ${p} ESCAPE '\\'
      OR v.contact_name LIKE ${p} ESCAPE '\\')`)
  }
  if (filter.site) {
    where.push(sql`v.id IN (SELECT visit_id FROM visit_sites WHERE site_kind = ${filter.site.kind} AND site_id = ${filter.site.id})`)
  }
  if (filter.ids) where.push(filter.ids.length === 0 ? sql`0 = 1` : sql`v.id IN (${sql.join(filter.ids)})`)
  return sql<boolean>`${sql.join(where, sql` AND `)}`
}

interface SiteRow {
  visitId: string
  siteKind: SiteKind
  siteId: string
  name: string | null
  deletedAt: string | null
}

/** The named sites of the visits matching `where`, in the order shown, by visit id. */
async function sitesOf(db: Kysely<Database>, where: RawBuilder<boolean>): Promise<Map<string, VisitSite[]>> {
  const { rows } = await sql<SiteRow>`
    SELECT vs.visit_id, vs.site_kind, vs.site_id,
      COALESCE(b.name, pc.name, pk.name) AS name,
      COALESCE(b.deleted_at, pc.deleted_at, pk.deleted_at) AS deleted_at
    FROM visit_sites vs
    JOIN visits v ON v.id = vs.visit_id
    LEFT JOIN buildings b ON vs.site_kind = 'building' AND b.id = vs.site_id
    LEFT JOIN parcels pc ON vs.site_kind = 'parcel' AND pc.id = vs.site_id
    LEFT JOIN parks pk ON vs.site_kind = 'park' AND pk.id = vs.site_id
    WHERE ${where}
    ORDER BY vs.visit_id, vs.sort_order`.execute(db)
  const byVisit = new Map<string, VisitSite[]>()
  for (const r of rows) {
    const list = byVisit.get(r.visitId) ?? []
    // A site row that no longer exists at all cannot happen through the services (sites are only
    // soft-deleted); should a file be edited by hand, the visit still lists it, unnamed.
    list.push({ kind: r.siteKind, id: r.siteId, name: r.name ?? '', deleted: r.name === null || r.deletedAt !== null })
    byVisit.set(r.visitId, list)
  }
  return byVisit
}

const toVisit = (row: VisitRow, sites: VisitSite[]): Visit => ({
  id: row.id,
  company: row.company,
  date: row.date,
  staff: row.staff,
  contactName: row.contactName,
  contactPhone: row.contactPhone,
  notes: row.notes,
  followUpDate: row.followUpDate,
  sites,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  deletedAt: row.deletedAt,
  isDemo: row.isDemo === 1,
})

/** Visits matching the filter, newest first (by date, then by when they were recorded). */
export async function listVisits(db: Kysely<Database>, filter: VisitFilter = {}): Promise<Visit[]> {
  const where = conditions(filter)
  const { rows } = await sql<VisitRow>`
    SELECT v.* FROM visits v WHERE ${where} ORDER BY v.date DESC, v.created_at DESC, v.id`.execute(db)
  if (rows.length === 0) return []
  const sites = await sitesOf(db, where)
  return rows.map((r) => toVisit(r, sites.get(r.id) ?? []))
}

/** One visit, live or deleted. */
export async function getVisit(db: Kysely<Database>, id: string): Promise<Visit | undefined> {
  const [visit] = await listVisits(db, { ids: [id], includeDeleted: true })
  return visit
}

/** The stored visit row, live or deleted. */
export async function findVisit(db: Kysely<Database>, id: string): Promise<VisitRow | undefined> {
  return db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The sites of a visit as references, in the order shown. */
export async function visitSiteRefs(db: Kysely<Database>, visitId: string): Promise<SiteRef[]> {
  const rows = await db
    .selectFrom('visitSites')
    .select(['siteKind', 'siteId'])
    .where('visitId', '=', visitId)
    .orderBy('sortOrder')
    .execute()
  return rows.map((r) => ({ kind: r.siteKind, id: r.siteId }))
}

/** Replaces the sites of a visit with `sites`, in this order. */
export async function setVisitSites(db: Kysely<Database>, visitId: string, sites: SiteRef[]): Promise<void> {
  await db.deleteFrom('visitSites').where('visitId', '=', visitId).execute()
  if (sites.length === 0) return
  await db
    .insertInto('visitSites')
    .values(sites.map((s, sortOrder) => ({ visitId, siteKind: s.kind, siteId: s.id, sortOrder })))
    .execute()
}

export interface SiteState extends SiteRef {
  /** Null when no such site exists. */
  name: string | null
  deletedAt: string | null
}

/** Whether each of these sites exists and is live, with its name; in the order given. */
export async function siteStates(db: Kysely<Database>, sites: SiteRef[]): Promise<SiteState[]> {
  const found = new Map<string, { name: string; deletedAt: string | null }>()
  const idsOf = (kind: SiteKind) => sites.filter((s) => s.kind === kind).map((s) => s.id)
  const tables = { building: 'buildings', parcel: 'parcels', park: 'parks' } as const
  for (const kind of ['building', 'parcel', 'park'] as const) {
    const ids = idsOf(kind)
    if (ids.length === 0) continue
    const rows = await db.selectFrom(tables[kind]).select(['id', 'name', 'deletedAt']).where('id', 'in', ids).execute()
    for (const r of rows) found.set(`${kind}:${r.id}`, { name: r.name, deletedAt: r.deletedAt })
  }
  return sites.map((s) => {
    const hit = found.get(`${s.kind}:${s.id}`)
    return { ...s, name: hit?.name ?? null, deletedAt: hit?.deletedAt ?? null }
  })
}

/** Marks a visit as changed when only its sites changed (they live in visit_sites). */
export async function touchVisit(db: Kysely<Database>, visitId: string, now: string): Promise<void> {
  await db.updateTable('visits').set({ updatedAt: now }).where('id', '=', visitId).execute()
}
