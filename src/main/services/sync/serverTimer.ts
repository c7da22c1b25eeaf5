import { readServerPeer } from '../../store/syncServer'
import type { ServiceContext } from '../context'
import { runServerSync } from './serverRun'

// Syncing with the team server in the background, in the process that writes (services/index.ts),
// the way backup/schedule.ts makes backups there: soon after the store opens, then every few
// minutes while a sign-in is kept. A laptop away from the office fails quietly: the run records
// why (offline, signed out) for the status to show, and the next look tries again. Saves never
// wait for it: the run holds no transaction while it waits on the network.

export const SERVER_SYNC_EVERY_MS = 5 * 60_000
export const SERVER_SYNC_FIRST_MS = 20_000

/** One background look: syncs when a server is set and a sign-in is kept. Never throws. */
export async function backgroundSync(ctx: ServiceContext, signal?: AbortSignal): Promise<void> {
  try {
    if (!ctx.store.sqlite.open || signal?.aborted) return
    const peer = await readServerPeer(ctx.store)
    // Signed out (or never signed in): nothing to do until the person signs in.
    if (!peer?.settings.token) return
    await runServerSync(ctx, signal ? { signal } : {})
  } catch (error) {
    // Recorded by the run as lastError; the person sees it in the status, not as an interruption.
    if (ctx.store.sqlite.open && !(error instanceof Error && 'code' in error)) console.error('[site-atlas] background sync failed:', error)
  }
}

/** Starts the timer for a writable store; answers the function that stops it. */
export function startServerSyncTimer(ctx: ServiceContext, timing = { firstMs: SERVER_SYNC_FIRST_MS, everyMs: SERVER_SYNC_EVERY_MS }): () => void {
  let interval: NodeJS.Timeout | undefined
  // Stopping also stops a run in progress (the app is closing): it resumes at the next start.
  const stopping = new AbortController()
  const look = () => void backgroundSync(ctx, stopping.signal)
  const first = setTimeout(() => {
    look()
    interval = setInterval(look, timing.everyMs)
    interval.unref()
  }, timing.firstMs)
  first.unref()
  return () => {
    stopping.abort()
    clearTimeout(first)
    clearInterval(interval)
  }
}
