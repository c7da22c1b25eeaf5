// npx tsx scripts/bench/store.ts [--db FILE] [--runs N]: the store-level figures of issue 8 —
// map.sites (cold after a write, and repeated), buildings.get, buildings.update, stats.summary —
// each through services.dispatch beside the same answer read with raw better-sqlite3 prepared
// statements on the same connection in the same run, printed as min / median / max and the ratio
// of the medians. Figures only: nothing here is asserted. Without --db it generates the issue's
// scale (10,000 buildings, 200,000 spaces, 50,000 tenants, 5,000 parcels) in a temporary folder
// (a few minutes); with --db it works on that file and leaves one building's notes as it found them.
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { runCli } from '../../src/main/cli/main'
import { createServices } from '../../src/main/services'
import { openStore } from '../../src/main/store/open'
import { createWebServer } from '../../src/main/web/server'

const log = (line: string) => process.stderr.write(`${line}\n`)

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function generatedStore(): Promise<{ file: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-bench-store-'))
  const file = path.join(dir, 'big.db')
  log(`Generating 10,000 buildings, 50,000 tenants and 5,000 parcels (seed 1) in ${dir} …`)
  const quiet = { out: () => {}, err: () => {} }
  const code = await runCli(['generate', '--db', file, '--buildings', '10000', '--parcels', '5000', '--tenants', '50000', '--spaces', '200000', '--seed', '1'], quiet)
  if (code !== 0) throw new Error('generate failed')
  return { file, dir }
}

interface Spread {
  min: number
  median: number
  max: number
}

const spread = (values: number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b)
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! }
}

/**
 * The service and its raw baseline timed in turns, which goes first alternating, so that a busy
 * machine's drift falls on both alike.
 */
async function paired(runs: number, service: () => unknown, raw: () => unknown, before?: () => unknown): Promise<{ service: Spread; raw: Spread }> {
  process.stderr.write('.')
  const times = { service: [] as number[], raw: [] as number[] }
  const once = async (which: 'service' | 'raw') => {
    if (before) await before()
    const start = performance.now()
    await (which === 'service' ? service() : raw())
    times[which].push(performance.now() - start)
  }
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await once('service')
      await once('raw')
    } else {
      await once('raw')
      await once('service')
    }
  }
  return { service: spread(times.service), raw: spread(times.raw) }
}

async function timed(runs: number, work: () => unknown, before?: () => unknown): Promise<Spread> {
  process.stderr.write('.')
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    if (before) await before()
    const start = performance.now()
    await work()
    times.push(performance.now() - start)
  }
  return spread(times)
}

// The least SQL that yields each answer, as raw prepared statements.
const RAW = {
  /** One building with its figures (the fields of BuildingSummary). */
  building: `
    WITH sf AS (
      SELECT count(*) AS space_count,
        sum(CASE WHEN status IN ('vacant', 'leased', 'reserved') THEN area ELSE 0 END) AS leasable_area,
        sum(CASE WHEN status = 'vacant' THEN area ELSE 0 END) AS vacant_area,
        sum(CASE WHEN status = 'leased' THEN area ELSE 0 END) AS leased_area,
        min(CASE WHEN status = 'vacant' THEN asking_rent END) AS rent_min,
        max(CASE WHEN status = 'vacant' THEN asking_rent END) AS rent_max
      FROM spaces WHERE building_id = @id AND deleted_at IS NULL),
    tf AS (
      SELECT count(*) AS tenant_count, coalesce(sum(above_scale), 0) AS above_scale_tenant_count, coalesce(sum(annual_tax), 0) AS annual_tax
      FROM (SELECT DISTINCT t.id, t.above_scale, coalesce(t.annual_tax, 0) AS annual_tax
        FROM leases l JOIN tenants t ON t.id = l.tenant_id AND t.deleted_at IS NULL
        WHERE l.building_id = @id AND l.deleted_at IS NULL AND (l.end_date IS NULL OR l.end_date >= date('now', 'localtime'))))
    SELECT b.*, d.name AS district_name, c.name AS cluster_name, sf.space_count, coalesce(sf.leasable_area, 0) AS leasable_area,
      coalesce(sf.vacant_area, 0) AS vacant_area, coalesce(sf.leased_area, 0) AS leased_area,
      CASE WHEN sf.leasable_area > 0 THEN sf.vacant_area / sf.leasable_area END AS vacancy_rate,
      CASE WHEN sf.leasable_area > 0 THEN sf.leased_area / sf.leasable_area END AS occupancy_rate,
      sf.rent_min, sf.rent_max, tf.tenant_count, tf.above_scale_tenant_count, tf.annual_tax
    FROM buildings b JOIN districts d ON d.code = b.district_code
    LEFT JOIN clusters c ON c.id = b.cluster_id AND c.deleted_at IS NULL, sf, tf
    WHERE b.id = @id`,
  spaces: `
    SELECT s.id, s.building_id, s.floor_label, s.unit, s.area, s.status, s.asking_rent, s.fit_out,
      s.available_from, s.divisible, s.notes, s.created_at, s.updated_at, s.deleted_at, s.is_demo,
      (SELECT t.name FROM lease_spaces ls
         JOIN leases l ON l.id = ls.lease_id AND l.deleted_at IS NULL AND (l.end_date IS NULL OR l.end_date >= date('now', 'localtime'))
         JOIN tenants t ON t.id = l.tenant_id AND t.deleted_at IS NULL
       WHERE ls.space_id = s.id ORDER BY l.start_date DESC LIMIT 1) AS tenant_name
    FROM spaces s WHERE s.deleted_at IS NULL AND s.building_id = @id
    ORDER BY s.floor_sort DESC, s.floor_label, s.unit`,
  leases: `
    SELECT l.*, t.name AS tenant_name, b.name AS building_name,
      (SELECT json_group_array(space_id) FROM (SELECT ls.space_id FROM lease_spaces ls JOIN spaces s ON s.id = ls.space_id
         WHERE ls.lease_id = l.id ORDER BY s.floor_sort, s.unit)) AS space_ids,
      (SELECT json_group_array(floor_label) FROM (SELECT s.floor_label FROM lease_spaces ls JOIN spaces s ON s.id = ls.space_id
         WHERE ls.lease_id = l.id ORDER BY s.floor_sort, s.unit)) AS floors
    FROM leases l JOIN tenants t ON t.id = l.tenant_id JOIN buildings b ON b.id = l.building_id
    WHERE l.deleted_at IS NULL AND l.building_id = @id
    ORDER BY l.end_date IS NULL, l.end_date, t.name`,
  parks: `
    SELECT p.id, p.name, h.floors FROM park_hosts h JOIN parks p ON p.id = h.park_id
    WHERE h.building_id = @id AND h.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY p.name`,
  /**
   * What stats.summary answers: per-district figures in one aggregate over the live spaces of live
   * buildings, the live buildings per district, and the other registers' counts (the totals are
   * the districts' sums).
   */
  statsByDistrict: `
    WITH by_district AS (
      SELECT b.district_code AS code, count(*) AS spaces,
        sum(CASE WHEN s.status IN ('vacant', 'leased', 'reserved') THEN s.area ELSE 0 END) AS leasable_area,
        sum(CASE WHEN s.status = 'vacant' THEN s.area ELSE 0 END) AS vacant_area,
        sum(CASE WHEN s.status = 'leased' THEN s.area ELSE 0 END) AS leased_area
      FROM spaces s JOIN buildings b ON b.id = s.building_id AND b.deleted_at IS NULL
      WHERE s.deleted_at IS NULL GROUP BY b.district_code),
    buildings_by_district AS (
      SELECT district_code AS code, count(*) AS buildings FROM buildings WHERE deleted_at IS NULL GROUP BY district_code)
    SELECT d.code, d.name, n.buildings, coalesce(f.spaces, 0), coalesce(f.leasable_area, 0), coalesce(f.vacant_area, 0), coalesce(f.leased_area, 0)
    FROM buildings_by_district n JOIN districts d ON d.code = n.code LEFT JOIN by_district f ON f.code = n.code ORDER BY d.code`,
  statsCounts: `
    SELECT t.tenants, t.above_scale_tenants, p.parcels, p.parcel_area,
      (SELECT count(*) FROM parks WHERE deleted_at IS NULL) AS parks,
      (SELECT count(*) FROM clusters WHERE deleted_at IS NULL) AS clusters
    FROM (SELECT count(*) AS tenants, coalesce(sum(above_scale = 1), 0) AS above_scale_tenants FROM tenants WHERE deleted_at IS NULL) t,
      (SELECT count(*) AS parcels, coalesce(sum(area), 0) AS parcel_area FROM parcels WHERE deleted_at IS NULL) p`,
  /** The rows map.sites is made of, read and nothing more (no assembly): its lower bound. */
  mapRows: [
    `SELECT building_id, floor_sort, count(*), sum(area), sum(CASE WHEN status = 'vacant' THEN area ELSE 0 END),
       sum(CASE WHEN status IN ('vacant', 'leased', 'reserved') THEN area ELSE 0 END),
       min(CASE WHEN status = 'vacant' THEN asking_rent END), max(CASE WHEN status = 'vacant' THEN asking_rent END),
       group_concat(DISTINCT CASE WHEN status = 'vacant' THEN fit_out END)
     FROM spaces WHERE deleted_at IS NULL GROUP BY building_id, floor_sort`,
    `SELECT l.building_id, count(DISTINCT t.id) FROM leases l JOIN tenants t ON t.id = l.tenant_id AND t.deleted_at IS NULL
     WHERE l.deleted_at IS NULL AND (l.end_date IS NULL OR l.end_date >= date('now', 'localtime')) GROUP BY l.building_id`,
    `SELECT b.id, b.name, b.address, b.district_code, c.id, b.kind, b.grade, b.lng, b.lat, b.is_demo FROM buildings b
     JOIN districts d ON d.code = b.district_code LEFT JOIN clusters c ON c.id = b.cluster_id AND c.deleted_at IS NULL WHERE b.deleted_at IS NULL`,
    `SELECT id, code, name, district_code, land_use, status, area, lng, lat, boundary, reference_price, is_demo FROM parcels WHERE deleted_at IS NULL`,
    `SELECT id, name, theme, status, district_code, total_area, is_demo FROM parks WHERE deleted_at IS NULL`,
    `SELECT h.park_id, h.building_id, h.floors FROM park_hosts h JOIN parks p ON p.id = h.park_id JOIN buildings b ON b.id = h.building_id
     WHERE h.deleted_at IS NULL AND p.deleted_at IS NULL AND b.deleted_at IS NULL ORDER BY h.park_id, h.sort_order`,
    `SELECT id, name, district_code FROM clusters WHERE deleted_at IS NULL`,
    `SELECT owner_kind, owner_id, id FROM photos WHERE deleted_at IS NULL ORDER BY owner_kind, owner_id, sort_order, created_at`,
  ],
}

async function main(): Promise<void> {
  const runs = Number(option('runs') ?? 7)
  const given = option('db')
  const made = given ? null : await generatedStore()
  const file = given ?? made!.file
  const store = await openStore(file, { mustExist: true })
  const services = await createServices(store, 'bench')
  const sqlite = store.sqlite
  const call = async (method: string, input: unknown) => {
    const result = await services.dispatch(method, input)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value
  }

  const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n
  const scale = { buildings: count('buildings'), spaces: count('spaces'), leases: count('leases'), parcels: count('parcels') }
  log(`Store ${file}: ${JSON.stringify(scale)}; ${runs} runs each`)

  // A building of middling size with a current lease: the one-row reads and the update work on it.
  const { id } = sqlite
    .prepare(`SELECT building_id AS id FROM spaces WHERE deleted_at IS NULL GROUP BY building_id ORDER BY count(*), building_id LIMIT 1 OFFSET ?`)
    .get(Math.floor(scale.buildings / 2)) as { id: string }
  const originalNotes = (sqlite.prepare('SELECT notes FROM buildings WHERE id = ?').get(id) as { notes: string | null }).notes
  let flip = 0
  const nextNote = () => `bench ${++flip}`

  const rows: Array<{ name: string; service: Spread; raw: Spread | null; goal: string }> = []

  // map.sites — cold: a write (another building's notes) before each call, outside the timer.
  const other = (sqlite.prepare('SELECT id FROM buildings WHERE deleted_at IS NULL AND id != ? LIMIT 1').get(id) as { id: string }).id
  const otherNotes = (sqlite.prepare('SELECT notes FROM buildings WHERE id = ?').get(other) as { notes: string | null }).notes
  const mapStatements = RAW.mapRows.map((text) => sqlite.prepare(text))
  const mapRaw = await timed(runs, () => mapStatements.map((s) => s.raw().all()))
  const mapCold = await timed(runs, () => call('map.sites', {}), () => call('buildings.update', { id: other, notes: nextNote() }))
  await call('buildings.update', { id: other, notes: otherNotes })
  rows.push({ name: 'map.sites (cold, after a write)', service: mapCold, raw: mapRaw, goal: '—' })
  await call('map.sites', {})
  rows.push({ name: 'map.sites (repeat)', service: await timed(runs, () => call('map.sites', {})), raw: mapRaw, goal: '≤ 100 ms' })

  // map.sites over HTTP, repeated, as the browser host sends it (plain and gzip).
  const server = createWebServer({ dispatch: services.dispatch, staticDir: os.tmpdir(), token: 'bench' })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  const fetchSites = (gzip: boolean) =>
    new Promise<{ bytes: number; encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: '/rpc/map.sites', headers: { authorization: 'Bearer bench', 'accept-encoding': gzip ? 'gzip' : 'identity' } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => {
            const body = Buffer.concat(chunks)
            resolve({ bytes: body.length, encoding: res.headers['content-encoding'], body })
          })
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end('{}')
    })
  await fetchSites(false)
  const plain = await fetchSites(false)
  const zipped = await fetchSites(true)
  const unzipped = zipped.encoding === 'gzip' ? gunzipSync(zipped.body) : zipped.body
  if (!unzipped.equals(plain.body)) throw new Error('the gzip answer differs from the plain one')
  rows.push({ name: 'map.sites over HTTP (repeat, identity)', service: await timed(runs, () => fetchSites(false)), raw: null, goal: '≤ 100 ms' })
  rows.push({ name: 'map.sites over HTTP (repeat, gzip)', service: await timed(runs, () => fetchSites(true)), raw: null, goal: '≤ 100 ms' })
  await new Promise<void>((resolve) => server.close(() => resolve()))

  // buildings.get of one building.
  const getStatements = [RAW.building, RAW.spaces, RAW.leases, RAW.parks].map((text) => sqlite.prepare(text))
  const getRaw = () => getStatements.map((s) => s.all({ id }))
  // One-row work takes well under a millisecond: many more runs, so a busy moment does not decide.
  const manyRuns = runs * 30
  await call('buildings.get', { id })
  getRaw()
  rows.push({ name: 'buildings.get', ...(await paired(manyRuns, () => call('buildings.get', { id }), getRaw)), goal: '≤ 1.2×' })

  // buildings.update of one field, and the building read back.
  const readRow = sqlite.prepare('SELECT * FROM buildings WHERE id = ?')
  const updateNotes = sqlite.prepare('UPDATE buildings SET notes = ?, updated_at = ? WHERE id = ?')
  const readClock = sqlite.prepare("SELECT value FROM settings WHERE key = 'hlc.last'")
  const writeClock = sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('hlc.last', ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
  const logChange = sqlite.prepare(
    `INSERT INTO change_log (hlc, device_id, actor, table_name, row_id, op, field, old_value, new_value, at)
     VALUES (?, 'bench', 'bench', 'buildings', ?, 'update', 'notes', ?, ?, ?)`,
  )
  const readBack = sqlite.prepare(RAW.building)
  const rawUpdate = sqlite.transaction((notes: string) => {
    const now = new Date().toISOString()
    readClock.get()
    writeClock.run(`${now}-bench`, now)
    const before = readRow.get(id) as { notes: string | null }
    updateNotes.run(notes, now, id)
    logChange.run(`${now}-bench`, id, JSON.stringify(before.notes), JSON.stringify(notes), now)
  })
  const updateRaw = () => {
    rawUpdate.immediate(nextNote())
    return readBack.get({ id })
  }
  rows.push({ name: 'buildings.update (one field)', ...(await paired(manyRuns, () => call('buildings.update', { id, notes: nextNote() }), updateRaw)), goal: '≤ 1.2×' })
  await call('buildings.update', { id, notes: originalNotes })

  // stats.summary.
  const statsStatements = [RAW.statsByDistrict, RAW.statsCounts].map((text) => sqlite.prepare(text))
  const statsRaw = () => statsStatements.map((s) => s.all())
  await call('stats.summary', {})
  statsRaw()
  rows.push({ name: 'stats.summary', ...(await paired(runs * 3, () => call('stats.summary', {}), statsRaw)), goal: '≤ 1.2×' })

  const ms = (s: Spread) => [s.min, s.median, s.max].map((v) => v.toFixed(v < 10 ? 2 : 1)).join(' / ')
  const table = [
    ['what', 'service ms (min / median / max)', 'raw SQL ms (min / median / max)', 'ratio', 'goal'],
    ...rows.map((r) => [r.name, ms(r.service), r.raw ? ms(r.raw) : '—', r.raw ? `${(r.service.median / r.raw.median).toFixed(2)}×` : '—', r.goal]),
  ]
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => [...row[i]!].length)))
  for (const row of table) console.log(`| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`)
  console.log(`\n${runs} runs each (${runs * 30} for buildings.get and .update, ${runs * 3} for stats.summary), service and raw in turns.`)
  console.log(`map.sites over HTTP: ${plain.bytes.toLocaleString('en-US')} bytes plain, ${zipped.bytes.toLocaleString('en-US')} bytes sent when gzip is accepted (content-encoding: ${zipped.encoding ?? 'none'})`)

  await services.shutdown()
  await store.close()
  if (made) fs.rmSync(made.dir, { recursive: true, force: true })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
