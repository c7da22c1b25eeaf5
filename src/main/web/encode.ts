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
export interface EncodedAnswer {
  body: Buffer
  gzipped: boolean
}

export async function encodeResult(result: Result<unknown>, gzipOk: boolean): Promise<EncodedAnswer> {
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
