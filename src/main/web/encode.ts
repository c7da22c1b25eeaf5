import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import type { Result } from '../../shared/result'

// The bytes of an /rpc answer. The map's sites are several MB of JSON (10,000 buildings, 5,000
// parcels): the store keeps them, frozen, until the next write (store/mapSites.ts), and here
// their JSON and its gzip are made once per kept answer instead of once per request. Other large
// answers are compressed per request when the client accepts gzip.

const gzipAsync = promisify(gzip)

/** Below this, compressing saves less than it costs. */
const GZIP_FROM_BYTES = 64 * 1024

interface Encoded {
  json: Buffer
  gzip?: Promise<Buffer>
}

const kept = new WeakMap<object, Encoded>()
/** The JSON text of kept answers, for a worker that sends text to its host (runtime/worker.ts). */
const keptText = new WeakMap<object, string>()

const isKeepable = (result: Result<unknown>): result is { ok: true; value: object } =>
  result.ok && result.value !== null && typeof result.value === 'object' && Object.isFrozen(result.value)

/** Whether an Accept-Encoding header admits gzip (a q of 0 refuses it). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '')
  return text.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (name?.trim() !== 'gzip') return false
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    return q === undefined || Number(q.slice(2)) > 0
  })
}

const envelope = (result: Result<unknown>) => Buffer.from(JSON.stringify(result), 'utf8')

/** The answer's body, gzipped when the client accepts it and it is large enough to gain. */
export async function encodeResult(result: Result<unknown>, gzipOk: boolean): Promise<{ body: Buffer; gzipped: boolean }> {
  const value = result.ok ? result.value : null
  // Only a frozen answer can be kept: nothing can change it after its bytes are made.
  const keepable = value !== null && typeof value === 'object' && Object.isFrozen(value)
  let entry = keepable ? kept.get(value) : undefined
  if (!entry) {
    entry = { json: envelope(result) }
    if (keepable) kept.set(value, entry)
  }
  if (!gzipOk || entry.json.length < GZIP_FROM_BYTES) return { body: entry.json, gzipped: false }
  // Kept answers are compressed harder, once; the rest fast, every time (off the main thread).
  entry.gzip ??= gzipAsync(entry.json, { level: keepable ? 6 : 1 })
  return { body: await entry.gzip, gzipped: true }
}

/**
 * The envelope's JSON text; a frozen answer's text is made once. The store runtime's workers send
 * this text to the host, where object identity is lost (see encodeJson).
 */
export function jsonOf(result: Result<unknown>): string {
  if (!isKeepable(result)) return JSON.stringify(result)
  let text = keptText.get(result.value)
  if (text === undefined) {
    text = JSON.stringify(result)
    keptText.set(result.value, text)
  }
  return text
}

/**
 * Gzip of the last few large texts, found by equal text: across the process boundary a kept
 * answer (the map's sites until the next write) arrives as a new but equal string each time.
 */
const gzipByText = new Map<string, Promise<Buffer>>()
const GZIP_TEXTS_KEPT = 4

/** encodeResult for an envelope already made into JSON text (by a store worker). */
export async function encodeJson(json: string, gzipOk: boolean): Promise<{ body: Buffer; gzipped: boolean }> {
  if (!gzipOk || Buffer.byteLength(json, 'utf8') < GZIP_FROM_BYTES) return { body: Buffer.from(json, 'utf8'), gzipped: false }
  let zipped = gzipByText.get(json)
  if (zipped) {
    // Most recently used last, so the oldest goes first.
    gzipByText.delete(json)
  } else {
    zipped = gzipAsync(Buffer.from(json, 'utf8'), { level: 1 })
    zipped.catch(() => gzipByText.delete(json))
  }
  gzipByText.set(json, zipped)
  while (gzipByText.size > GZIP_TEXTS_KEPT) gzipByText.delete(gzipByText.keys().next().value!)
  return { body: await zipped, gzipped: true }
}
