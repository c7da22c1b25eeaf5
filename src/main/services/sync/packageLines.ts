import { z } from 'zod'
import { PACKAGE_FORMAT, PACKAGE_LIMITS, SYNC_OP_KINDS } from '../../../shared/sync'
import type { LoggedTable } from '../../store/schema'

// The lines of a sync package (shared/sync.ts PACKAGE_*), as the reader checks them: line 1 the
// header, then exactly header.ops operation lines, then exactly header.blobs blob lines. Every
// text is bounded and every name is one this store knows, so a crafted line carries no text into
// a query and no value larger than the store would ever log.

/** The tables whose rows the change log records (store/schema.ts LoggedTable), all of them. */
const SYNC_TABLES = [
  'districts', 'clusters', 'buildings', 'spaces', 'tenants', 'leases', 'parcels', 'parks', 'subParks', 'parkHosts',
  'savedSearches', 'photos', 'visits', 'targets', 'targetEntries',
] as const satisfies readonly LoggedTable[]
// A logged table missing from the list fails to compile here.
type Missing = Exclude<LoggedTable, (typeof SYNC_TABLES)[number]>
const everyTable: [Missing] extends [never] ? true : Missing = true
void everyTable

/** One logged value as JSON text: a parcel's boundary is the largest a person writes. */
export const MAX_VALUE_CHARS = 4 * 1024 ** 2
const MAX_PRED = 10_000

const deviceToken = z.string().min(1).max(64).regex(/^[0-9A-Za-z_.:-]+$/)
/** A clock stamp (store/hlc.ts): wall-counter-device, compared as text. */
const hlc = z.string().min(1).max(120).regex(/^[0-9A-Za-z_.:-]+$/)
const opId = z.string().min(3).max(140).regex(/^[0-9A-Za-z_.:-]+:\d{1,15}$/)
const instant = z.string().min(10).max(40).regex(/^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:?\d{2})$/)
/** A person's name as logged: no control characters (a line's text never breaks the terminal or the list). */
const personName = z
  .string()
  .max(200)
  .refine((v) => ![...v].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127))

const jsonText = z
  .string()
  .max(MAX_VALUE_CHARS)
  .refine((text) => {
    try {
      JSON.parse(text)
      return true
    } catch {
      return false
    }
  }, 'not JSON')

const knowsVector = z.record(deviceToken, hlc).refine((v) => Object.keys(v).length <= PACKAGE_LIMITS.maxDevices, `最多 ${PACKAGE_LIMITS.maxDevices} 台设备`)

export const headerLine = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  version: z.number().int().min(1),
  device: deviceToken,
  actor: personName,
  createdAt: instant,
  knows: knowsVector,
  base: knowsVector.nullable(),
  ops: z.number().int().min(0).max(PACKAGE_LIMITS.maxOps),
  blobs: z.number().int().min(0).max(PACKAGE_LIMITS.maxBlobs),
})

export const opLine = z
  .strictObject({
    id: opId,
    hlc,
    device: deviceToken,
    actor: personName,
    at: instant,
    table: z.enum(SYNC_TABLES),
    row: z.string().min(1).max(64).regex(/^[0-9A-Za-z_.:-]+$/),
    op: z.enum(SYNC_OP_KINDS),
    field: z.string().min(1).max(64).regex(/^[A-Za-z][A-Za-z0-9]*$/).nullable(),
    old: jsonText.nullable(),
    value: jsonText.nullable(),
    pred: z.array(opId).max(MAX_PRED),
  })
  // An operation's id is its stamp and its place in its device's log.
  .refine((op) => op.id.startsWith(`${op.hlc}:`), 'id')

export const blobLine = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
})
