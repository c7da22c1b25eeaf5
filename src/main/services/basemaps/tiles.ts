import { DomainError } from '../../../shared/result'
import type { ServiceContext } from '../context'
import type { TileCache } from './cache'
import { contentTypeOf, type TileFormat } from './format'
import { expandTemplate, type FetchOutcome, fetchTile } from './online'
import { type OpenSource, openSource } from './sources'
import { isTile } from './tileMath'

// Reading a basemap's tile, the one way for every kind of source. The hosts reach it through the
// asset reader (../assets.ts) at /tiles/<id>/<z>/<x>/<y> in the browser host and
// app://site-atlas/tiles/… in Electron.

export interface Tile {
  bytes: Uint8Array
  contentType: string
}

/**
 * Tile z/x/y (XYZ rows, counted from the north) of a basemap, or null when there is none: no
 * such basemap or tile, outside its zooms, or an online source that cannot be reached and has
 * not cached the tile. An online tile fetched here is kept in the cache for later offline use.
 */
export async function readTile(ctx: ServiceContext, basemapId: string, z: number, x: number, y: number): Promise<Tile | null> {
  if (!isTile(z, x, y)) return null
  let source: OpenSource | undefined
  try {
    source = await openSource(ctx, basemapId)
  } catch (error) {
    // A stored package its reader now refuses (changed on disk since its import) shows no tiles.
    if (error instanceof DomainError) return null
    throw error
  }
  if (!source) return null
  if (z < source.row.minZoom || z > source.row.maxZoom) return null
  const format = source.row.format as TileFormat | null
  switch (source.kind) {
    case 'mbtiles': {
      const bytes = source.reader.read(z, x, y)
      return bytes ? { bytes, contentType: contentTypeOf(bytes, format) } : null
    }
    case 'pmtiles': {
      const bytes = await source.reader.read(z, x, y)
      return bytes ? { bytes, contentType: contentTypeOf(bytes, format) } : null
    }
    case 'xyz': {
      const cached = source.cache.get(z, x, y)
      if (cached) return { bytes: cached, contentType: contentTypeOf(cached, source.cache.format()) }
      const fetched = await fetchIntoCache(source, z, x, y)
      return fetched.ok ? { bytes: fetched.bytes, contentType: fetched.contentType } : null
    }
  }
}

// Tiles being fetched for the map, so that a tile asked for twice at once is fetched once.
const inFlight = new WeakMap<TileCache, Map<string, Promise<FetchOutcome>>>()

/** Fetches a tile of an online source and stores it in the source's cache when it is an image. */
export function fetchIntoCache(
  source: Extract<OpenSource, { kind: 'xyz' }>,
  z: number,
  x: number,
  y: number,
  signal?: AbortSignal,
): Promise<FetchOutcome> {
  const fetchAndStore = async (): Promise<FetchOutcome> => {
    const outcome = await fetchTile(expandTemplate(source.row.urlTemplate!, z, x, y), { signal })
    if (outcome.ok) {
      try {
        source.cache.put(z, x, y, outcome.bytes)
      } catch (error) {
        // The basemap was removed while its tile was on the way: serve it, keep nothing.
        if (source.cache.isOpen()) throw error
      }
    }
    return outcome
  }
  // A download passes its own signal: its fetches are its own, so cancelling it stops only them.
  if (signal) return fetchAndStore()
  let pending = inFlight.get(source.cache)
  if (!pending) inFlight.set(source.cache, (pending = new Map()))
  const key = `${z}/${x}/${y}`
  const existing = pending.get(key)
  if (existing) return existing
  const promise = fetchAndStore().finally(() => pending.delete(key))
  pending.set(key, promise)
  return promise
}
