import type { SyncOp } from '../../shared/sync'
import { writtenFields, writtenValue } from '../../shared/syncMerge'

// Photo bytes travel beside the operations: the change log holds a photo's bytes as
// { bytes: <size>, sha256: <digest> } (store/writer.ts), and the bytes go by PUT /blobs.

const DIGEST = /^[0-9a-f]{64}$/

/** The digests an operation's written values name. */
export function blobDigests(op: SyncOp): string[] {
  if (op.value === null || !op.value.includes('sha256')) return []
  const merge = { id: op.id, hlc: op.hlc, op: op.op, field: op.field, value: op.value, pred: op.pred }
  const found: string[] = []
  for (const field of writtenFields(merge)) {
    const json = writtenValue(merge, field)
    if (json === null) continue
    const value = JSON.parse(json) as unknown
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const { sha256, bytes } = value as { sha256?: unknown; bytes?: unknown }
      if (typeof sha256 === 'string' && DIGEST.test(sha256) && typeof bytes === 'number') found.push(sha256)
    }
  }
  return found
}
