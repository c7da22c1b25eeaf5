import { type Kysely, sql } from 'kysely'
import { leaseLabel, photoLabel, spaceLabel } from '../../shared/changeText'
import type { TrashItem, TrashTable } from '../../shared/history'
import type { Database } from './schema'

// The trash: every soft-deleted row a person can restore, named as people say it, with who
// deleted it and when (the row's last 'delete' in the change log, found through its
// (table_name, row_id) index). One query per table; each answers at most `limit` rows.

export interface TrashFilter {
  kind?: TrashTable
  q?: string
  limit?: number
}

interface Raw {
  id: string
  deletedAt: string
  deletedBy: string | null
  a: string | null
  b: string | null
  c: string | null
}

/** The actor of the row's latest delete: a correlated lookup on the change log's row index. */
const deleter = (table: TrashTable, idColumn: string) =>
  sql<string | null>`(SELECT cl.actor FROM change_log cl WHERE cl.table_name = ${table} AND cl.row_id = ${sql.ref(idColumn)} AND cl.op = 'delete' ORDER BY cl.seq DESC LIMIT 1)`

const like = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
const matches = (q: string, ...columns: string[]) =>
  sql<boolean>`(${sql.join(columns.map((c) => sql`${sql.ref(c)} LIKE ${like(q)} ESCAPE '\\'`), sql` OR `)})`

interface TableQuery {
  /** a, b, c: the parts the label is made of. */
  rows(db: Kysely<Database>, q: string | undefined, limit: number): Promise<Raw[]>
  label(r: Raw): string
}

const simple = (table: 'buildings' | 'tenants' | 'parks' | 'clusters' | 'savedSearches'): TableQuery => ({
  rows: (db, q, limit) =>
    db
      .selectFrom(table)
      .select(['id', 'deletedAt', 'name as a', sql<null>`NULL`.as('b'), sql<null>`NULL`.as('c'), deleter(table, `${snake(table)}.id`).as('deletedBy')])
      .where('deletedAt', 'is not', null)
      .$if(q !== undefined, (qb) => qb.where(matches(q!, `${snake(table)}.name`)))
      .orderBy('deletedAt', 'desc')
      .limit(limit)
      .execute() as Promise<Raw[]>,
  label: (r) => r.a ?? '',
})

const snake = (table: string) => table.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)

const QUERIES: Record<TrashTable, TableQuery> = {
  buildings: simple('buildings'),
  tenants: simple('tenants'),
  parks: simple('parks'),
  clusters: simple('clusters'),
  savedSearches: simple('savedSearches'),
  spaces: {
    rows: (db, q, limit) =>
      db
        .selectFrom('spaces as s')
        .leftJoin('buildings as b', 'b.id', 's.buildingId')
        .select(['s.id', 's.deletedAt', 'b.name as a', 's.floorLabel as b', 's.unit as c', deleter('spaces', 's.id').as('deletedBy')])
        .where('s.deletedAt', 'is not', null)
        .$if(q !== undefined, (qb) => qb.where(matches(q!, 'b.name', 's.unit', 's.floor_label')))
        .orderBy('s.deletedAt', 'desc')
        .limit(limit)
        .execute() as Promise<Raw[]>,
    label: (r) => spaceLabel(r.a, r.b ?? '', r.c),
  },
  leases: {
    rows: (db, q, limit) =>
      db
        .selectFrom('leases as l')
        .leftJoin('tenants as t', 't.id', 'l.tenantId')
        .leftJoin('buildings as b', 'b.id', 'l.buildingId')
        .select(['l.id', 'l.deletedAt', 't.name as a', 'b.name as b', sql<string | null>`l.start_date || ' 至 ' || coalesce(l.end_date, '')`.as('c'), deleter('leases', 'l.id').as('deletedBy')])
        .where('l.deletedAt', 'is not', null)
        .$if(q !== undefined, (qb) => qb.where(matches(q!, 't.name', 'b.name')))
        .orderBy('l.deletedAt', 'desc')
        .limit(limit)
        .execute() as Promise<Raw[]>,
    label: (r) => [leaseLabel(r.a, r.b), r.c].filter(Boolean).join(' · '),
  },
  parcels: {
    rows: (db, q, limit) =>
      db
        .selectFrom('parcels')
        .select(['id', 'deletedAt', 'name as a', 'code as b', sql<null>`NULL`.as('c'), deleter('parcels', 'parcels.id').as('deletedBy')])
        .where('deletedAt', 'is not', null)
        .$if(q !== undefined, (qb) => qb.where(matches(q!, 'parcels.name', 'parcels.code')))
        .orderBy('deletedAt', 'desc')
        .limit(limit)
        .execute() as Promise<Raw[]>,
    label: (r) => (r.b && r.b !== r.a ? `${r.a}（${r.b}）` : (r.a ?? '')),
  },
  visits: {
    rows: (db, q, limit) =>
      db
        .selectFrom('visits')
        .select(['id', 'deletedAt', 'company as a', 'date as b', sql<null>`NULL`.as('c'), deleter('visits', 'visits.id').as('deletedBy')])
        .where('deletedAt', 'is not', null)
        .$if(q !== undefined, (qb) => qb.where(matches(q!, 'visits.company')))
        .orderBy('deletedAt', 'desc')
        .limit(limit)
        .execute() as Promise<Raw[]>,
    label: (r) => `${r.a ?? ''}（${r.b ?? ''}）`,
  },
  photos: {
    rows: (db, q, limit) =>
      db
        .selectFrom('photos as ph')
        .leftJoin('buildings as b', (j) => j.onRef('b.id', '=', 'ph.ownerId').on('ph.ownerKind', '=', 'building'))
        .leftJoin('parcels as pa', (j) => j.onRef('pa.id', '=', 'ph.ownerId').on('ph.ownerKind', '=', 'parcel'))
        .leftJoin('parks as pk', (j) => j.onRef('pk.id', '=', 'ph.ownerId').on('ph.ownerKind', '=', 'park'))
        .select([
          'ph.id', 'ph.deletedAt', sql<string | null>`coalesce(b.name, pa.name, pk.name)`.as('a'), 'ph.caption as b',
          sql<null>`NULL`.as('c'), deleter('photos', 'ph.id').as('deletedBy'),
        ])
        .where('ph.deletedAt', 'is not', null)
        .$if(q !== undefined, (qb) => qb.where(matches(q!, 'ph.caption', 'b.name', 'pa.name', 'pk.name')))
        .orderBy('ph.deletedAt', 'desc')
        .limit(limit)
        .execute() as Promise<Raw[]>,
    label: (r) => photoLabel(r.a, r.b),
  },
  targets: {
    rows: (db, q, limit) =>
      db
        .selectFrom('targets')
        .select(['id', 'deletedAt', 'name as a', sql<string>`CAST(year AS TEXT)`.as('b'), sql<null>`NULL`.as('c'), deleter('targets', 'targets.id').as('deletedBy')])
        .where('deletedAt', 'is not', null)
        .$if(q !== undefined, (qb) => qb.where(matches(q!, 'targets.name')))
        .orderBy('deletedAt', 'desc')
        .limit(limit)
        .execute() as Promise<Raw[]>,
    label: (r) => `${r.b ?? ''}年 ${r.a ?? ''}`,
  },
}

/** Every deleted row (or those of one kind, or whose name holds `q`), the latest deleted first. */
export async function listTrash(db: Kysely<Database>, filter: TrashFilter = {}): Promise<TrashItem[]> {
  const limit = filter.limit ?? 500
  const q = filter.q?.trim() || undefined
  const tables = filter.kind ? [filter.kind] : (Object.keys(QUERIES) as TrashTable[])
  const parts = await Promise.all(
    tables.map(async (table) =>
      (await QUERIES[table].rows(db, q, limit)).map((r): TrashItem => ({
        table, id: r.id, label: QUERIES[table].label(r), deletedAt: r.deletedAt, deletedBy: r.deletedBy,
      })),
    ),
  )
  return parts
    .flat()
    .sort((x, y) => (x.deletedAt < y.deletedAt ? 1 : x.deletedAt > y.deletedAt ? -1 : 0))
    .slice(0, limit)
}
