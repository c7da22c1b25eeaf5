import type { KnowsVector, SyncOp } from '../../shared/sync'
import type { Store } from './open'

// The operations this store holds, for a colleague's package or the team server. Foundation stub.

/** Device id → the latest stamp this store holds from it. */
export async function knowsVector(_store: Store): Promise<KnowsVector> {
  throw new Error('knowsVector: not built yet')
}

/** Every operation a store knowing `knows` lacks (null: every operation), in log order. */
export async function opsSince(_store: Store, _knows: KnowsVector | null): Promise<SyncOp[]> {
  throw new Error('opsSince: not built yet')
}

/** Up to `limit` operations logged after local seq `afterSeq`, in log order, with the last one's seq. */
export async function opsAfterSeq(_store: Store, _afterSeq: number, _limit: number): Promise<{ ops: SyncOp[]; lastSeq: number }> {
  throw new Error('opsAfterSeq: not built yet')
}

/** The photo bytes the operations name by digest ({ bytes, sha256 } values), from the rows holding them. */
export async function blobsFor(_store: Store, _ops: readonly SyncOp[]): Promise<Map<string, Uint8Array>> {
  throw new Error('blobsFor: not built yet')
}
