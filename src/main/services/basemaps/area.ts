import { setImmediate as nextTurn } from 'node:timers/promises'
import { DomainError } from '../../../shared/result'
import type { AreaEstimate } from '../../../shared/types'
import type { ServiceContext } from '../context'
import type { JobOutcome, JobProgress } from '../jobs/registry'
import type { TileFormat } from './format'
import { type OpenSource, openSource } from './sources'
import { fetchIntoCache } from './tiles'
import { type BBox, countTiles, type TileRange, tileRanges, tilesIn, wgs84ToNative } from './tileMath'

// "Download this area for offline use": how many tiles an area takes, and the job that fetches
// the ones not cached yet into an online source's cache.

/** Most tiles one download may fetch. */
export const MAX_DOWNLOAD_TILES = 50_000
/** Tiles fetched at once by a download. */
export const DOWNLOAD_CONCURRENCY = 4
/** A download stops when this many tiles in a row could not be fetched (offline, wrong key). */
const MAX_CONSECUTIVE_ERRORS = 20
/** Below this many cached tiles the mean tile size is a guess by format. */
const MIN_SAMPLE = 20
/** Typical tile sizes, bytes, when the cache is too small to measure. */
export const DEFAULT_TILE_BYTES: Record<TileFormat | 'unknown', number> = {
  png: 20 * 1024,
  jpg: 30 * 1024,
  webp: 15 * 1024,
  unknown: 25 * 1024,
}

export interface AreaInput {
  id: string
  bbox: BBox
  minZoom: number
  maxZoom: number
}

type OnlineSource = Extract<OpenSource, { kind: 'xyz' }>

async function onlineSource(ctx: ServiceContext, input: AreaInput): Promise<OnlineSource> {
  const source = await openSource(ctx, input.id)
  if (!source) throw new DomainError('not_found', '底图：找不到该底图', 'id')
  if (source.kind !== 'xyz') throw new DomainError('invalid', '底图：离线地图包已经全部在本机，只有在线底图需要下载离线范围', 'id')
  const { minZoom, maxZoom } = source.row
  if (input.minZoom < minZoom) throw new DomainError('invalid', `最小级别：该底图的级别范围是 ${minZoom}–${maxZoom}`, 'minZoom')
  if (input.maxZoom > maxZoom) throw new DomainError('invalid', `最大级别：该底图的级别范围是 ${minZoom}–${maxZoom}`, 'maxZoom')
  return source
}

/** The tiles of an area in the source's own grid: a WGS-84 box is shifted for a GCJ-02 source. */
function rangesOf(source: OnlineSource, input: AreaInput): TileRange[] {
  return tileRanges(wgs84ToNative(input.bbox, source.row.crs), input.minZoom, input.maxZoom)
}

function guessFormat(source: OnlineSource): TileFormat | null {
  const known = source.cache.format()
  if (known) return known
  const url = source.row.urlTemplate ?? ''
  if (/png/i.test(url)) return 'png'
  if (/jpe?g/i.test(url)) return 'jpg'
  if (/webp/i.test(url)) return 'webp'
  return null
}

/** Mean bytes per tile: measured on the cache once it holds enough tiles, else a typical size. */
export function meanTileBytes(source: OnlineSource): number {
  const { tiles, bytes } = source.cache.stats()
  if (tiles >= MIN_SAMPLE) return bytes / tiles
  return DEFAULT_TILE_BYTES[guessFormat(source) ?? 'unknown']
}

export async function estimateArea(ctx: ServiceContext, input: AreaInput): Promise<AreaEstimate> {
  const source = await onlineSource(ctx, input)
  const ranges = rangesOf(source, input)
  const tiles = countTiles(ranges)
  const cachedTiles = ranges.reduce((sum, r) => sum + source.cache.countIn(r), 0)
  return { tiles, cachedTiles, estimatedBytes: Math.round((tiles - cachedTiles) * meanTileBytes(source)) }
}

/** Starts the download job; refuses areas over the limit and a second download of one basemap. */
export async function downloadArea(ctx: ServiceContext, input: AreaInput): Promise<{ jobId: string }> {
  const source = await onlineSource(ctx, input)
  const ranges = rangesOf(source, input)
  const total = countTiles(ranges)
  if (total > MAX_DOWNLOAD_TILES) {
    throw new DomainError(
      'invalid',
      `下载范围：共 ${total.toLocaleString('en-US')} 张瓦片，超过单次上限 ${MAX_DOWNLOAD_TILES.toLocaleString('en-US')} 张；请缩小范围或降低最大级别`,
      'maxZoom',
    )
  }
  const key = `download:${input.id}`
  if (ctx.jobs.running(key)) throw new DomainError('conflict', '底图：该底图已有下载任务在进行，请等它完成或先取消', 'id')
  const job = ctx.jobs.start('download', key, total, (progress, signal) => download(source, ranges, progress, signal))
  return { jobId: job.id }
}

async function download(source: OnlineSource, ranges: TileRange[], progress: JobProgress, signal: AbortSignal): Promise<JobOutcome> {
  const tiles = tilesIn(ranges)
  let consecutiveErrors = 0
  let lastError: string | null = null
  let stopped = false

  const worker = async () => {
    let sinceYield = 0
    while (!signal.aborted && !stopped) {
      const next = tiles.next()
      if (next.done) return
      const [z, x, y] = next.value
      if (source.cache.has(z, x, y)) {
        progress.done++
        // Cached tiles need no I/O: let other work (cancel, tile requests) in now and then.
        if (++sinceYield % 256 === 0) await nextTurn()
        continue
      }
      const outcome = await fetchIntoCache(source, z, x, y, signal)
      if (signal.aborted) return
      if (outcome.ok) {
        progress.bytes += outcome.bytes.length
        consecutiveErrors = 0
      } else {
        progress.failed++
        lastError = outcome.reason
        if (!outcome.missing && ++consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) stopped = true
      }
      progress.done++
    }
  }
  await Promise.all(Array.from({ length: DOWNLOAD_CONCURRENCY }, worker))

  if (stopped) {
    return { state: 'failed', message: `连续 ${MAX_CONSECUTIVE_ERRORS} 张瓦片下载失败，已停止：${lastError}` }
  }
  if (progress.failed > 0) return { state: 'done', message: `有 ${progress.failed} 张瓦片未能下载（${lastError}）` }
  return { state: 'done', message: null }
}
