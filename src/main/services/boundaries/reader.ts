import fs from 'node:fs/promises'
import path from 'node:path'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { DomainError } from '../../../shared/result'
import type { BoundaryCity, BoundaryFeature, BoundaryFeatureCollection, BoundaryGeometry } from '../../../shared/types'

// Reads the embedded district boundaries (resources/boundaries, made by scripts/derive-boundaries.ts):
// index.json lists the cities, cities/<code>.json holds one city's districts as TopoJSON, overview.json
// every city's outline. Plain Node, so every host and the tests read them the same way.

export const BOUNDARIES_FOLDER = 'boundaries'

/** What index.json holds besides the cities (source, licence, the coordinate-system check …). */
export interface BoundaryIndex {
  format: number
  source: string
  version: string
  licence: string
  /** Always 'wgs84': the derivation converted what was GCJ-02. */
  crs: string
  cities: BoundaryCity[]
}

interface LoadedIndex {
  index: BoundaryIndex
  byCode: Map<string, BoundaryCity>
  cityOfDistrict: Map<string, string>
}

/** Decoded cities kept per resources folder; a city is a few hundred kilobytes of GeoJSON. */
export const CITY_CACHE_SIZE = 24

interface Reader {
  index: Promise<LoadedIndex> | null
  cities: Map<string, Promise<BoundaryFeatureCollection>>
  overview: Promise<BoundaryFeatureCollection> | null
}

const readers = new Map<string, Reader>()

function readerFor(resourcesDir: string): Reader {
  const dir = path.resolve(resourcesDir)
  let reader = readers.get(dir)
  if (!reader) {
    reader = { index: null, cities: new Map(), overview: null }
    readers.set(dir, reader)
  }
  return reader
}

/** Forgets everything read so far (tests; a resources folder replaced while running). */
export function clearBoundaryCache(): void {
  readers.clear()
}

async function readJson<T>(file: string, what: string): Promise<T> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DomainError('not_found', `行政区划边界：找不到内置数据文件（${what}），安装可能不完整`)
    }
    throw error
  }
  return JSON.parse(text) as T
}

/** The index, read once per resources folder; a failed read is tried again next time. */
export function loadBoundaryIndex(resourcesDir: string): Promise<LoadedIndex> {
  const reader = readerFor(resourcesDir)
  if (!reader.index) {
    const file = path.join(resourcesDir, BOUNDARIES_FOLDER, 'index.json')
    reader.index = readJson<BoundaryIndex>(file, 'index.json').then((index) => {
      const byCode = new Map(index.cities.map((c) => [c.code, c]))
      const cityOfDistrict = new Map<string, string>()
      for (const city of index.cities) for (const d of city.districts) cityOfDistrict.set(d.code, city.code)
      return { index, byCode, cityOfDistrict }
    })
    reader.index.catch(() => {
      reader.index = null
    })
  }
  return reader.index
}

export async function listBoundaryCities(resourcesDir: string): Promise<BoundaryCity[]> {
  return (await loadBoundaryIndex(resourcesDir)).index.cities
}

/**
 * The city a district belongs to, or the city itself when given a city's code (a county-level unit
 * directly under a province is both). Null when neither is known.
 */
export async function findBoundaryCity(resourcesDir: string, code: string): Promise<BoundaryCity | null> {
  const { byCode, cityOfDistrict } = await loadBoundaryIndex(resourcesDir)
  const city = byCode.get(code) ?? byCode.get(cityOfDistrict.get(code) ?? '')
  return city ?? null
}

/** One city's districts as GeoJSON (properties code, name, cityCode), decoded once and kept (LRU). */
export async function readCityBoundaries(resourcesDir: string, cityCode: string): Promise<BoundaryFeatureCollection> {
  const { byCode } = await loadBoundaryIndex(resourcesDir)
  if (!byCode.has(cityCode)) throw new DomainError('not_found', `行政区划边界：没有代码为 ${cityCode} 的城市`, 'code')
  const { cities } = readerFor(resourcesDir)
  const cached = cities.get(cityCode)
  if (cached) {
    // Most recently used last: a Map iterates in insertion order.
    cities.delete(cityCode)
    cities.set(cityCode, cached)
    return cached
  }
  const file = path.join(resourcesDir, BOUNDARIES_FOLDER, 'cities', `${cityCode}.json`)
  const loading = readJson<Topology>(file, `cities/${cityCode}.json`).then((topology) => decode(topology, 'districts', () => cityCode))
  cities.set(cityCode, loading)
  loading.catch(() => cities.delete(cityCode))
  while (cities.size > CITY_CACHE_SIZE) cities.delete(cities.keys().next().value!)
  return loading
}

/** Every city's outline, much simplified, for low zoom (properties: the city's code and name). */
export function readOverviewBoundaries(resourcesDir: string): Promise<BoundaryFeatureCollection> {
  const reader = readerFor(resourcesDir)
  if (!reader.overview) {
    const file = path.join(resourcesDir, BOUNDARIES_FOLDER, 'overview.json')
    reader.overview = readJson<Topology>(file, 'overview.json').then((topology) => decode(topology, 'cities', (code) => code))
    reader.overview.catch(() => {
      reader.overview = null
    })
  }
  return reader.overview
}

function decode(topology: Topology, objectName: string, cityCodeOf: (code: string) => string): BoundaryFeatureCollection {
  const object = topology.objects[objectName] as GeometryCollection<{ code: string; name: string }> | undefined
  if (!object) throw new Error(`boundary file without the object ${objectName}`)
  const decoded = feature(topology, object)
  const features: BoundaryFeature[] = []
  for (const f of decoded.features) {
    const geometry = f.geometry as BoundaryGeometry | null
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue
    const { code, name } = f.properties
    features.push({ type: 'Feature', properties: { code, name, cityCode: cityCodeOf(code) }, geometry })
  }
  // Shared between callers: frozen so no caller can change what the next one gets.
  return deepFreeze({ type: 'FeatureCollection', features })
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
