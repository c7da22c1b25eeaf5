import { createHash } from 'node:crypto'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import { DEMO_TABLES, type DemoRemovalPreview, type DemoRowRef, type DemoTable } from '../../shared/demo'
import type { Database } from './schema'
import type { Writer } from './writer'

// The demo rows of a store and their removal. A row is the person's once they changed it after
// the loader wrote it (an update, delete or restore in the change log: the loaders only insert),
// or once one of their own rows points at it (a lease on a demo floor, a photo, a visit — deleted
// ones too: they can be restored); such rows are kept, unflagged, with the rows they need and the
// demo rows under them (a kept building keeps its spaces, leases and their tenants, park hosts; a
// kept park its sub-parks and hosts), and every other live demo row is deleted.

const SNAKE: Record<DemoTable, string> = {
  clusters: 'clusters', buildings: 'buildings', spaces: 'spaces', tenants: 'tenants', leases: 'leases',
  parcels: 'parcels', parks: 'parks', subParks: 'sub_parks', parkHosts: 'park_hosts', targets: 'targets', targetEntries: 'target_entries',
}

/** How a person would name a row of each table (t is the row). */
const LABEL: Record<DemoTable, string> = {
  clusters: 't.name',
  buildings: 't.name',
  spaces: `(SELECT b.name FROM buildings b WHERE b.id = t.building_id) || ' ' || t.floor_label || '层' || coalesce(' ' || t.unit, '')`,
  tenants: 't.name',
  leases: `(SELECT x.name FROM tenants x WHERE x.id = t.tenant_id) || ' · ' || (SELECT b.name FROM buildings b WHERE b.id = t.building_id)`,
  parcels: `t.name || '（' || t.code || '）'`,
  parks: 't.name',
  subParks: `(SELECT p.name FROM parks p WHERE p.id = t.park_id) || ' · ' || t.name`,
  parkHosts: `(SELECT p.name FROM parks p WHERE p.id = t.park_id) || ' · ' || (SELECT b.name FROM buildings b WHERE b.id = t.building_id)`,
  targets: `t.year || '年 ' || t.name`,
  targetEntries: `(SELECT x.year || '年 ' || x.name FROM targets x WHERE x.id = t.target_id) || ' · ' || t.month`,
}

/** A user of a demo row as the dialog names it, with "已删除的" before it when that row is in the bin. */
const what = (name: string, alias = '') => `CASE WHEN ${alias}deleted_at IS NULL THEN '${name}' ELSE '已删除的${name}' END`

/**
 * Rows of the person's own that point at a demo row of each table, as `SELECT <demo id>, <what>`.
 * Deleted ones count too: restoring one must find what it points at. Photos and visits are never
 * demo rows, so any one counts.
 */
const USERS: Partial<Record<DemoTable, string[]>> = {
  clusters: [`SELECT cluster_id, ${what('楼宇')} FROM buildings WHERE is_demo = 0 AND cluster_id IS NOT NULL`],
  buildings: [
    `SELECT building_id, ${what('空间')} FROM spaces WHERE is_demo = 0`,
    `SELECT building_id, ${what('租约')} FROM leases WHERE is_demo = 0`,
    `SELECT building_id, ${what('园区载体')} FROM park_hosts WHERE is_demo = 0`,
    `SELECT owner_id, ${what('照片')} FROM photos WHERE owner_kind = 'building'`,
    `SELECT s.site_id, ${what('接洽记录', 'v.')} FROM visit_sites s JOIN visits v ON v.id = s.visit_id WHERE s.site_kind = 'building'`,
  ],
  spaces: [`SELECT ls.space_id, ${what('租约', 'l.')} FROM lease_spaces ls JOIN leases l ON l.id = ls.lease_id AND l.is_demo = 0`],
  tenants: [`SELECT tenant_id, ${what('租约')} FROM leases WHERE is_demo = 0`],
  parcels: [
    `SELECT owner_id, ${what('照片')} FROM photos WHERE owner_kind = 'parcel'`,
    `SELECT s.site_id, ${what('接洽记录', 'v.')} FROM visit_sites s JOIN visits v ON v.id = s.visit_id WHERE s.site_kind = 'parcel'`,
  ],
  parks: [
    `SELECT park_id, ${what('分园')} FROM sub_parks WHERE is_demo = 0`,
    `SELECT park_id, ${what('园区载体')} FROM park_hosts WHERE is_demo = 0`,
    `SELECT owner_id, ${what('照片')} FROM photos WHERE owner_kind = 'park'`,
    `SELECT s.site_id, ${what('接洽记录', 'v.')} FROM visit_sites s JOIN visits v ON v.id = s.visit_id WHERE s.site_kind = 'park'`,
  ],
  targets: [`SELECT target_id, ${what('月度填报')} FROM target_entries WHERE is_demo = 0`],
}

/**
 * The live demo rows under a row kept for itself (edited, or used by the person's own rows), which
 * it keeps too: without them a kept building's figures would drop to nothing. Rows kept only
 * because something needs them (a lease's tenant) keep nothing under them.
 */
const UNDER: Partial<Record<DemoTable, (id: string) => RawBuilder<unknown>>> = {
  buildings: (id) => sql`SELECT 'spaces', id FROM spaces WHERE building_id = ${id} AND is_demo = 1 AND deleted_at IS NULL
    UNION ALL SELECT 'leases', id FROM leases WHERE building_id = ${id} AND is_demo = 1 AND deleted_at IS NULL
    UNION ALL SELECT 'parkHosts', id FROM park_hosts WHERE building_id = ${id} AND is_demo = 1 AND deleted_at IS NULL`,
  parks: (id) => sql`SELECT 'subParks', id FROM sub_parks WHERE park_id = ${id} AND is_demo = 1 AND deleted_at IS NULL
    UNION ALL SELECT 'parkHosts', id FROM park_hosts WHERE park_id = ${id} AND is_demo = 1 AND deleted_at IS NULL`,
  targets: (id) => sql`SELECT 'targetEntries', id FROM target_entries WHERE target_id = ${id} AND is_demo = 1 AND deleted_at IS NULL`,
}

/** The rows a kept row cannot be without, as (table, id) pairs of the row `id`. */
const NEEDS: Partial<Record<DemoTable, (id: string) => RawBuilder<unknown>>> = {
  buildings: (id) => sql`SELECT 'clusters', cluster_id FROM buildings WHERE id = ${id} AND cluster_id IS NOT NULL`,
  spaces: (id) => sql`SELECT 'buildings', building_id FROM spaces WHERE id = ${id}`,
  leases: (id) => sql`SELECT 'tenants', tenant_id FROM leases WHERE id = ${id} UNION ALL SELECT 'buildings', building_id FROM leases WHERE id = ${id}
    UNION ALL SELECT 'spaces', space_id FROM lease_spaces WHERE lease_id = ${id}`,
  subParks: (id) => sql`SELECT 'parks', park_id FROM sub_parks WHERE id = ${id}`,
  parkHosts: (id) => sql`SELECT 'parks', park_id FROM park_hosts WHERE id = ${id} UNION ALL SELECT 'buildings', building_id FROM park_hosts WHERE id = ${id}`,
  targetEntries: (id) => sql`SELECT 'targets', target_id FROM target_entries WHERE id = ${id}`,
}

type Db = Kysely<Database>
type Row = { id: string; label: string | null; fields: string | null; lastAt: string | null }

const toRef = (table: DemoTable, r: Row): DemoRowRef => ({
  table, id: r.id, label: r.label ?? r.id, fields: r.fields ? [...new Set(r.fields.split(','))] : [], lastEditedAt: r.lastAt,
})

export async function demoRemovalPreview(db: Db): Promise<DemoRemovalPreview> {
  const counts = {} as Record<DemoTable, number>
  const edited: DemoRowRef[] = []
  const inUse: DemoRowRef[] = []
  for (const table of DEMO_TABLES) {
    const t = sql.raw(SNAKE[table])
    const label = sql.raw(LABEL[table])
    const { rows: count } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${t} WHERE is_demo = 1 AND deleted_at IS NULL`.execute(db)
    counts[table] = count[0]!.n
    if (counts[table] === 0) continue
    const { rows: changed } = await sql<Row>`
      SELECT t.id, ${label} AS label, group_concat(c.field) AS fields, max(c.at) AS last_at
      FROM ${t} t JOIN change_log c ON c.table_name = ${table} AND c.row_id = t.id AND c.op IN ('update', 'delete', 'restore')
      WHERE t.is_demo = 1 AND t.deleted_at IS NULL
      GROUP BY t.id ORDER BY last_at DESC`.execute(db)
    edited.push(...changed.map((r) => toRef(table, r)))
    const users = USERS[table]
    if (!users) continue
    const { rows: used } = await sql<Row>`
      WITH users(id, what) AS (${sql.raw(users.join(' UNION ALL '))})
      SELECT t.id, ${label} AS label, group_concat(DISTINCT u.what) AS fields, NULL AS last_at
      FROM ${t} t JOIN users u ON u.id = t.id
      WHERE t.is_demo = 1 AND t.deleted_at IS NULL
      GROUP BY t.id ORDER BY label`.execute(db)
    inUse.push(...used.map((r) => toRef(table, r)))
  }
  return { counts, total: Object.values(counts).reduce((a, b) => a + b, 0), edited, inUse, stamp: previewStamp(edited, inUse) }
}

/** What a preview showed the person, as a short digest: the removal refuses when it has changed since. */
function previewStamp(edited: DemoRowRef[], inUse: DemoRowRef[]): string {
  const shown = [...edited.map((r) => ['e', r.table, r.id, r.lastEditedAt, r.fields.join(',')]), ...inUse.map((r) => ['u', r.table, r.id, r.fields.join(',')])]
  return createHash('sha256').update(JSON.stringify(shown.map((r) => r.join('\u0000')).sort())).digest('hex').slice(0, 32)
}

/** The kept rows, the live demo rows under them, and every live demo row those need (a lease its tenant, building and floors …). */
async function withNeeds(db: Db, seeds: Array<{ table: DemoTable; id: string }>): Promise<Map<DemoTable, Set<string>>> {
  const kept = new Map<DemoTable, Set<string>>(DEMO_TABLES.map((t) => [t, new Set<string>()]))
  const queue: Array<{ table: DemoTable; id: string }> = []
  for (const { table, id } of seeds) {
    queue.push({ table, id })
    const under = UNDER[table]
    if (!under) continue
    const { rows } = await sql<Record<string, string>>`SELECT * FROM (${under(id)})`.execute(db)
    for (const r of rows) {
      const [child, childId] = Object.values(r) as [DemoTable, string]
      queue.push({ table: child, id: childId })
    }
  }
  while (queue.length > 0) {
    const { table, id } = queue.pop()!
    if (kept.get(table)!.has(id)) continue
    kept.get(table)!.add(id)
    const needs = NEEDS[table]
    if (!needs) continue
    const { rows } = await sql<Record<string, string>>`SELECT * FROM (${needs(id)})`.execute(db)
    for (const r of rows) {
      const [parent, parentId] = Object.values(r) as [DemoTable, string]
      // Only live demo rows need keeping: a parent that is already the person's own stays anyway.
      const { rows: demo } = await sql`SELECT 1 FROM ${sql.raw(SNAKE[parent])} WHERE id = ${parentId} AND is_demo = 1 AND deleted_at IS NULL`.execute(db)
      if (demo.length > 0) queue.push({ table: parent, id: parentId })
    }
  }
  return kept
}

/**
 * In the writer's transaction: unflags `keep` (checked to be live demo rows), the demo rows the
 * person's own rows use and what those need; then deletes every other live demo row. Each row's
 * change is logged (isDemo 1 → 0, or deletedAt) under the writer's one stamp.
 */
export async function removeDemoRows(w: Writer, keep: Array<{ table: DemoTable; id: string }>, seenStamp?: string): Promise<{ removed: number; kept: number }> {
  const db = w.trx as unknown as Db
  const preview = await demoRemovalPreview(db)
  // Recomputed here, in the write: a demo row edited (or put to use) after the person looked would
  // otherwise go without having been listed.
  if (seenStamp !== undefined && seenStamp !== preview.stamp) throw new DemoPreviewChanged()
  const kept = await withNeeds(db, [...keep, ...preview.inUse])
  const at = JSON.stringify(w.now)
  let removed = 0
  let keptCount = 0
  for (const table of DEMO_TABLES) {
    const t = sql.raw(SNAKE[table])
    const ids = JSON.stringify([...kept.get(table)!])
    const log = (op: string, field: string, oldValue: string, newValue: string, where: ReturnType<typeof sql>) => sql`
      INSERT INTO change_log (hlc, device_id, actor, table_name, row_id, op, field, old_value, new_value, at)
      SELECT ${w.stamp}, ${w.author.deviceId}, ${w.author.actor}, ${table}, id, ${op}, ${field}, ${oldValue}, ${newValue}, ${w.now}
      FROM ${t} WHERE ${where}`.execute(w.trx)
    const keptRows = sql`is_demo = 1 AND deleted_at IS NULL AND id IN (SELECT value FROM json_each(${ids}))`
    const dropped = sql`is_demo = 1 AND deleted_at IS NULL AND id NOT IN (SELECT value FROM json_each(${ids}))`
    keptCount += Number((await log('update', 'isDemo', '1', '0', keptRows)).numAffectedRows ?? 0)
    await sql`UPDATE ${t} SET is_demo = 0, updated_at = ${w.now} WHERE ${keptRows}`.execute(w.trx)
    removed += Number((await log('delete', 'deletedAt', 'null', at, dropped)).numAffectedRows ?? 0)
    await sql`UPDATE ${t} SET deleted_at = ${w.now}, updated_at = ${w.now} WHERE ${dropped}`.execute(w.trx)
  }
  return { removed, kept: keptCount }
}

/** The demo rows changed since the preview the removal was asked from (services/demo/remove.ts words it). */
export class DemoPreviewChanged extends Error {}

/** Whether `id` is a live row of `table` flagged as demo data. */
export async function isLiveDemoRow(db: Db, table: DemoTable, id: string): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM ${sql.raw(SNAKE[table])} WHERE id = ${id} AND is_demo = 1 AND deleted_at IS NULL`.execute(db)
  return rows.length > 0
}
