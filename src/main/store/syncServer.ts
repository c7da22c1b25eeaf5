import { sql } from 'kysely'
import type { ServerRole } from '../../shared/syncProtocol'
import type { ServerSettingsView } from '../../shared/sync'
import type { Store } from './open'

// This store's team server: the sync_peers row 'server' (kind 'server'). Its settings JSON holds
// the address, the person, the token and its expiry, the role and the server's id, and the last
// outcome; pushed_seq (local change_log seq up to which the server acknowledged our operations)
// and pull_cursor (the server's cursor after the last page merged) say where a sync resumes.
// The token is read here only by the sync run (services/sync/server*.ts); the view never holds it.
// Bookkeeping of this device, not person-edited data: written directly, not through the change log.

export const SERVER_PEER_ID = 'server'

export interface ServerSettings {
  url: string
  user: string
  token: string | null
  tokenExpiresAt: string | null
  /** The device the token was given to: a data file copied to another laptop does not bring a usable sign-in. */
  tokenDevice: string | null
  role: ServerRole | null
  /** The server database's id from the last sign-in: another one means another team's server. */
  serverId: string | null
  lastSyncAt: string | null
  lastError: string | null
}

export interface ServerPeer {
  settings: ServerSettings
  pushedSeq: number
  pullCursor: string | null
}

const EMPTY: Omit<ServerSettings, 'url' | 'user'> = {
  token: null,
  tokenExpiresAt: null,
  tokenDevice: null,
  role: null,
  serverId: null,
  lastSyncAt: null,
  lastError: null,
}

function parseSettings(text: string | null, name: string): ServerSettings {
  let parsed: Partial<ServerSettings> = {}
  try {
    parsed = text ? (JSON.parse(text) as Partial<ServerSettings>) : {}
  } catch {
    // A damaged settings text is read as "nothing known but the address": sign in again.
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : null)
  const role = str(parsed.role)
  return {
    url: str(parsed.url) ?? name,
    user: str(parsed.user) ?? '',
    token: str(parsed.token),
    tokenExpiresAt: str(parsed.tokenExpiresAt),
    tokenDevice: str(parsed.tokenDevice),
    role: role === 'viewer' || role === 'editor' || role === 'admin' ? role : null,
    serverId: str(parsed.serverId),
    lastSyncAt: str(parsed.lastSyncAt),
    lastError: str(parsed.lastError),
  }
}

/** The server row, or null when no server is set. */
export async function readServerPeer(store: Store): Promise<ServerPeer | null> {
  const row = await store.db
    .selectFrom('syncPeers')
    .select(['name', 'settings', 'pushedSeq', 'pullCursor'])
    .where('id', '=', SERVER_PEER_ID)
    .executeTakeFirst()
  if (!row) return null
  return { settings: parseSettings(row.settings, row.name), pushedSeq: row.pushedSeq, pullCursor: row.pullCursor }
}

/** A token still usable at `now` by `device` (a minute to spare, so a call does not start with one about to lapse). */
export function tokenValid(settings: ServerSettings, device: string, now = Date.now()): boolean {
  if (!settings.token || !settings.tokenExpiresAt || settings.tokenDevice !== device) return false
  return Date.parse(settings.tokenExpiresAt) - now > 60_000
}

export function serverView(settings: ServerSettings, device: string, now = Date.now()): ServerSettingsView {
  return {
    url: settings.url,
    user: settings.user,
    signedIn: tokenValid(settings, device, now),
    tokenExpiresAt: settings.token ? settings.tokenExpiresAt : null,
    lastSyncAt: settings.lastSyncAt,
    lastError: settings.lastError,
    role: settings.role,
  }
}

/**
 * The server as the status shows it, or null when none is set. Never exposes the token. `device`
 * (this installation's id) tells whether the stored sign-in is this laptop's; without it a stored,
 * unexpired token counts.
 */
export async function readServerView(store: Store, device?: string): Promise<ServerSettingsView | null> {
  const peer = await readServerPeer(store)
  if (!peer) return null
  return serverView(peer.settings, device ?? peer.settings.tokenDevice ?? '')
}

/**
 * Sets the server and the person. Another address or person starts afresh: no token, and the
 * cursor and pushed position reset (another server's positions mean nothing here; a push from the
 * start is answered with duplicates where the server already holds them).
 */
export async function setServer(store: Store, url: string, user: string): Promise<void> {
  const current = await readServerPeer(store)
  if (current && current.settings.url === url && current.settings.user === user) return
  const settings: ServerSettings = { ...EMPTY, url, user }
  const text = JSON.stringify(settings)
  await store.db
    .insertInto('syncPeers')
    .values({ id: SERVER_PEER_ID, kind: 'server', name: url, settings: text, pushedSeq: 0, pullCursor: null })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ kind: 'server', name: url, settings: text, pushedSeq: 0, pullCursor: null, lastSentAt: null, lastReceivedAt: null }),
    )
    .execute()
}

/**
 * Changes some settings in one statement (json_patch on the stored JSON, so two processes
 * recording different fields do not overwrite each other's). `null` clears a field.
 */
export async function patchServerSettings(store: Store, patch: Partial<ServerSettings>): Promise<void> {
  await sql`UPDATE sync_peers SET settings = json_patch(COALESCE(settings, '{}'), ${JSON.stringify(patch)}) WHERE id = ${SERVER_PEER_ID}`.execute(store.db)
}

/**
 * A sign-in's outcome kept. A sign-in to a different server database than before (the address
 * now points at another team's server, or it was set up anew) resets the positions.
 */
export async function saveSignIn(
  store: Store,
  signIn: { token: string; expiresAt: string; role: ServerRole; serverId: string; device: string },
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('syncPeers').select(['settings', 'name']).where('id', '=', SERVER_PEER_ID).executeTakeFirst()
    if (!row) return
    const before = parseSettings(row.settings, row.name)
    const next: ServerSettings = {
      ...before,
      token: signIn.token,
      tokenExpiresAt: signIn.expiresAt,
      tokenDevice: signIn.device,
      role: signIn.role,
      serverId: signIn.serverId,
    }
    const other = before.serverId !== null && before.serverId !== signIn.serverId
    await trx
      .updateTable('syncPeers')
      .set(other ? { settings: JSON.stringify(next), pushedSeq: 0, pullCursor: null, lastSentAt: null, lastReceivedAt: null } : { settings: JSON.stringify(next) })
      .where('id', '=', SERVER_PEER_ID)
      .execute()
  })
}

export async function clearToken(store: Store): Promise<void> {
  await patchServerSettings(store, { token: null, tokenExpiresAt: null, tokenDevice: null })
}

/** The server acknowledged our operations up to local seq `seq` (never moves back: two runs may overlap). */
export async function savePushedSeq(store: Store, seq: number, at: string): Promise<void> {
  await sql`UPDATE sync_peers SET pushed_seq = MAX(pushed_seq, ${seq}), last_sent_at = ${at} WHERE id = ${SERVER_PEER_ID}`.execute(store.db)
}

/** A pulled page is merged: the next pull starts after it. */
export async function savePullCursor(store: Store, cursor: string, at: string): Promise<void> {
  await store.db.updateTable('syncPeers').set({ pullCursor: cursor, lastReceivedAt: at }).where('id', '=', SERVER_PEER_ID).execute()
}

/**
 * After a pulled page is merged, the operations it logged here are ones the server holds: moves
 * pushed_seq over them while every operation after it is one of `serverHeld` (a local write or an
 * operation the merge itself wrote stops it), so they are not pushed back. Answers the new seq.
 */
export async function skipServerHeld(store: Store, serverHeld: ReadonlySet<string>): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const peer = await trx.selectFrom('syncPeers').select('pushedSeq').where('id', '=', SERVER_PEER_ID).executeTakeFirst()
    if (!peer) return 0
    let seq = peer.pushedSeq
    for (;;) {
      const rows = await trx.selectFrom('changeLog').select(['seq', 'opId']).where('seq', '>', seq).orderBy('seq').limit(1000).execute()
      let stopped = rows.length === 0
      for (const row of rows) {
        if (!serverHeld.has(row.opId)) {
          stopped = true
          break
        }
        seq = row.seq
      }
      if (stopped) break
    }
    if (seq !== peer.pushedSeq) await trx.updateTable('syncPeers').set({ pushedSeq: seq }).where('id', '=', SERVER_PEER_ID).execute()
    return seq
  })
}

/** The conflicts open in this store. */
export async function openConflictCount(store: Store): Promise<number> {
  const row = await store.db.selectFrom('syncConflicts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  return Number(row?.n ?? 0)
}
