import type { SyncOp } from '../../shared/sync'
import type { Store } from './open'

// Merging operations received from another device or the team server into this store
// (shared/sync.ts). Foundation stub: the engine is built on its own branch.

export interface ApplyOptions {
  /** Photo bytes by sha256 for the operations that name them (a package's blobs, the server's). */
  blob(sha256: string): Uint8Array | undefined
  /** Today's date (YYYY-MM-DD, local) for the lease rule; tests fix it. */
  today?: string
}

export interface ApplyResult {
  /** Operations new to this store. */
  applied: number
  /** Operations it already held. */
  skipped: number
  /** Rows whose state was recomputed. */
  rows: number
  /** Conflicts open after the merge, and how many of those it opened. */
  conflicts: number
  newConflicts: number
}

/** Merges `ops` into the store in ONE transaction (all or nothing); an operation already held is skipped. */
export async function applyOps(_store: Store, _ops: readonly SyncOp[], _options: ApplyOptions): Promise<ApplyResult> {
  throw new Error('applyOps: not built yet')
}
