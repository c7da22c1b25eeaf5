import type { SyncOp } from './sync'

// Photo bytes travel beside the operations, not in them: the change log holds a binary value as
// { bytes, sha256 } (store/writer.ts), and a package or the server carries the bytes once per
// digest. These find the digests an operation names.

export interface BlobRef {
  /** The field holding it (a whole-row insert names several). */
  field: string
  bytes: number
  sha256: string
}

const DIGEST = /^[0-9a-f]{64}$/

/** The { bytes, sha256 } a logged value stands for, or null when it is any other value. */
export function blobRefOf(value: unknown): { bytes: number; sha256: string } | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const keys = Object.keys(value)
  if (keys.length !== 2) return null
  const { bytes, sha256 } = value as { bytes?: unknown; sha256?: unknown }
  if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0) return null
  if (typeof sha256 !== 'string' || !DIGEST.test(sha256)) return null
  return { bytes, sha256 }
}

/** Every photo blob an operation's value names (cheap for the many values that cannot be one). */
export function blobRefs(op: Pick<SyncOp, 'field' | 'value'>): BlobRef[] {
  if (op.value === null || !op.value.includes('"sha256"')) return []
  const parsed = JSON.parse(op.value) as unknown
  if (op.field !== null) {
    const ref = blobRefOf(parsed)
    return ref ? [{ field: op.field, ...ref }] : []
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return []
  const refs: BlobRef[] = []
  for (const [field, v] of Object.entries(parsed)) {
    const ref = blobRefOf(v)
    if (ref) refs.push({ field, ...ref })
  }
  return refs
}
