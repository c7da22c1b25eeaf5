import fs from 'node:fs'
import path from 'node:path'
import { DomainError } from '../../../shared/result'
import type { Basemap } from '../../../shared/types'
import { getBasemapRow, listBasemapRows } from '../../store/basemaps'
import { commitVersion } from '../../store/version'
import type { BasemapRow } from '../../store/schema'
import type { ServiceContext } from '../context'
import { TileCache } from './cache'
import type { TileFormat } from './format'
import { MbtilesReader } from './mbtiles'
import { PmtilesReader } from './pmtiles'
import { tilePathOf } from './tilePaths'

// The basemaps of a context that are open for reading: one reader per package, one cache per
// online source, opened on first use and closed when the basemap is removed — by this process, or
// by another: a reader process sees the writer's removal when the store's version moves, and
// closes what it held (a handle kept open would serve a removed basemap and, on Windows, keep the
// writer from deleting its files). A reader never makes a missing cache file: it was removed.

export type OpenSource =
  | { kind: 'mbtiles'; row: BasemapRow; reader: MbtilesReader }
  | { kind: 'pmtiles'; row: BasemapRow; reader: PmtilesReader }
  | { kind: 'xyz'; row: BasemapRow; cache: TileCache }

const registries = new WeakMap<ServiceContext, Map<string, Promise<OpenSource | undefined>>>()
/** The store version at which a context's open sources were last checked against the basemaps table. */
const checkedAt = new WeakMap<ServiceContext, string>()

function registry(ctx: ServiceContext): Map<string, Promise<OpenSource | undefined>> {
  let map = registries.get(ctx)
  if (!map) registries.set(ctx, (map = new Map()))
  return map
}

/** The absolute path of a file the basemaps table names relative to the data folder. */
export function dataFile(ctx: ServiceContext, relative: string): string {
  const base = path.resolve(ctx.dataDir)
  const file = path.resolve(base, relative)
  if (!file.startsWith(base + path.sep)) throw new DomainError('invalid', `底图：文件位置无效（${relative}）`)
  return file
}

/** The open reader or cache of a basemap; undefined when no such basemap exists. */
export async function openSource(ctx: ServiceContext, id: string): Promise<OpenSource | undefined> {
  const sources = registry(ctx)
  await dropRemoved(ctx)
  const existing = sources.get(id)
  if (existing) return existing
  const row = await getBasemapRow(ctx.store.db, id)
  if (!row) return undefined
  // Checked again: another request may have opened it while the row was read.
  const raced = sources.get(id)
  if (raced) return raced
  const opening = openRow(ctx, row)
  sources.set(id, opening)
  opening.then((source) => source ?? sources.delete(id), () => sources.delete(id))
  return opening
}

/**
 * Closes the open sources whose basemap is gone and refreshes the rows of the others, once per
 * commit to the file (two tiny reads per call otherwise): another process may have removed or changed one.
 */
async function dropRemoved(ctx: ServiceContext): Promise<void> {
  const sources = registry(ctx)
  if (sources.size === 0) return
  // Not the sites' version: removing a basemap touches no site table.
  const version = await commitVersion(ctx.store.db)
  if (checkedAt.get(ctx) === version) return
  checkedAt.set(ctx, version)
  const rows = new Map((await listBasemapRows(ctx.store.db)).map((row) => [row.id, row]))
  await Promise.all(
    [...sources.keys()].map((id) => {
      const row = rows.get(id)
      if (!row) return closeSource(ctx, id)
      refreshSource(ctx, row)
      return undefined
    }),
  )
}

async function openRow(ctx: ServiceContext, row: BasemapRow): Promise<OpenSource | undefined> {
  const file = dataFile(ctx, row.file ?? `tiles/${row.id}.mbtiles`)
  if (row.kind === 'mbtiles') return { kind: 'mbtiles', row, reader: new MbtilesReader(file) }
  if (row.kind === 'pmtiles') return { kind: 'pmtiles', row, reader: await PmtilesReader.open(file) }
  // basemaps.addOnline makes the cache: a reader (read-only store) finding none is looking at a
  // basemap removed meanwhile, and must not make its file again.
  if (ctx.store.sqlite.readonly) {
    try {
      return { kind: 'xyz', row, cache: TileCache.open(file, undefined, true) }
    } catch {
      return undefined
    }
  }
  fs.mkdirSync(path.dirname(file), { recursive: true })
  return { kind: 'xyz', row, cache: TileCache.open(file) }
}

/** Keeps an open source's copy of its row in step after an update. */
export function refreshSource(ctx: ServiceContext, row: BasemapRow): void {
  const open = registry(ctx).get(row.id)
  if (open) void open.then((source) => void (source && (source.row = row)), () => undefined)
}

/** Closes a basemap's reader or cache, if open, so its files can be deleted. */
export async function closeSource(ctx: ServiceContext, id: string): Promise<void> {
  const sources = registry(ctx)
  const open = sources.get(id)
  if (!open) return
  sources.delete(id)
  const source = await open.catch(() => undefined)
  if (!source) return
  if (source.kind === 'xyz') source.cache.close()
  else await source.reader.close()
}

/** Closes every open reader and cache of a context (before the store closes, or in tests). */
export async function closeAllSources(ctx: ServiceContext): Promise<void> {
  await Promise.all([...registry(ctx).keys()].map((id) => closeSource(ctx, id)))
}

/** A row as the API hands it out, with the cache's size and tile count for online sources. */
export async function describeBasemap(ctx: ServiceContext, row: BasemapRow): Promise<Basemap> {
  let sizeBytes = row.sizeBytes
  let cachedTiles: number | null = null
  let format = row.format as TileFormat | null
  if (row.kind === 'xyz') {
    const source = await openSource(ctx, row.id)
    if (source?.kind === 'xyz') {
      cachedTiles = source.cache.count()
      sizeBytes = source.cache.sizeOnDisk()
      format = format ?? source.cache.format()
    }
  }
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    crs: row.crs,
    format,
    minZoom: row.minZoom,
    maxZoom: row.maxZoom,
    bounds: row.bounds ? (JSON.parse(row.bounds) as Basemap['bounds']) : null,
    attribution: row.attribution,
    urlTemplate: row.urlTemplate,
    sizeBytes,
    cachedTiles,
    tilePath: tilePathOf(row.id),
  }
}
