import type { ServerSettingsView } from '../../shared/sync'
import type { Store } from './open'

// This store's team server (a sync_peers row of kind 'server'). Foundation stub.

/** The server as the status shows it, or null when none is set. Never exposes the token. */
export async function readServerView(_store: Store): Promise<ServerSettingsView | null> {
  return null
}
