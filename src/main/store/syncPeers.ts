import type { KnowsVector, SyncPeer } from '../../shared/sync'
import type { Store } from './open'
import { countOpsSince, mergeKnows } from './syncExport'

// The colleagues' devices this store exchanged packages with (sync_peers rows of kind 'device'):
// what each is known to hold, and when we last sent to and received from it. Local bookkeeping,
// not change-logged: it describes this copy's exchanges, not the district's data. The team
// server's row (kind 'server') is the server client's (store/syncServer.ts); it is only read here.

interface PeerRow {
  id: string
  kind: 'device' | 'server'
  name: string
  knows: string
  lastSentAt: string | null
  lastReceivedAt: string | null
  pushedSeq: number
}

const parseKnows = (text: string | null | undefined): KnowsVector => {
  try {
    const value = JSON.parse(text ?? '{}') as unknown
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'))
  } catch {
    return {}
  }
}

const peerRows = (store: Store) =>
  store.db.selectFrom('syncPeers').select(['id', 'kind', 'name', 'knows', 'lastSentAt', 'lastReceivedAt', 'pushedSeq']).orderBy('id').execute() as Promise<PeerRow[]>

/** A device peer as recorded, or null when this store never exchanged with it. */
export async function devicePeer(store: Store, id: string): Promise<{ id: string; name: string; knows: KnowsVector } | null> {
  const row = await store.db.selectFrom('syncPeers').select(['id', 'name', 'knows']).where('id', '=', id).where('kind', '=', 'device').executeTakeFirst()
  return row ? { id: row.id, name: row.name, knows: parseKnows(row.knows) } : null
}

/** Notes that a package was written for a colleague's device. */
export async function recordSent(store: Store, id: string, at: string): Promise<void> {
  await store.db.updateTable('syncPeers').set({ lastSentAt: at }).where('id', '=', id).where('kind', '=', 'device').execute()
}

/**
 * Notes a package received from a colleague's device: its name (as its package gave it), and what
 * it holds — what it was known to hold, what its package says it holds, and what it sent.
 */
export async function recordReceived(store: Store, peer: { id: string; name: string; knows: KnowsVector; at: string }): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('syncPeers').select(['kind', 'knows']).where('id', '=', peer.id).executeTakeFirst()
    // A device id can never be 'server' (a uuid): a row of another kind under it is left alone.
    if (row && row.kind !== 'device') return
    const knows = JSON.stringify(mergeKnows(parseKnows(row?.knows), peer.knows))
    if (row) await trx.updateTable('syncPeers').set({ name: peer.name, knows, lastReceivedAt: peer.at }).where('id', '=', peer.id).execute()
    else await trx.insertInto('syncPeers').values({ id: peer.id, kind: 'device', name: peer.name, knows, lastReceivedAt: peer.at, lastSentAt: null }).execute()
  })
}

/**
 * Every peer with the operations waiting for it: those this store holds that the peer is not known
 * to hold. For the team server, only those past what was pushed to it count as waiting.
 */
export async function listPeers(store: Store): Promise<SyncPeer[]> {
  const rows = await peerRows(store)
  const peers: SyncPeer[] = []
  for (const row of rows) {
    const knows = parseKnows(row.knows)
    const waiting = row.kind === 'server' ? await countOpsSince(store, knows, undefined, row.pushedSeq) : await countOpsSince(store, knows)
    peers.push({ id: row.id, kind: row.kind, name: row.name, lastSentAt: row.lastSentAt, lastReceivedAt: row.lastReceivedAt, waiting })
  }
  // Most recent exchange first: the colleague one works with most is at the top.
  return peers.sort((a, b) => lastExchange(b).localeCompare(lastExchange(a)) || a.name.localeCompare(b.name))
}

const lastExchange = (p: SyncPeer) => [p.lastSentAt ?? '', p.lastReceivedAt ?? ''].sort().at(-1)!
