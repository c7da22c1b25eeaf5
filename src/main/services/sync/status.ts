import type { SyncStatus } from '../../../shared/sync'
import { countOpenConflicts, logCounts, pendingRows } from '../../store/syncCounts'
import { listPeers } from '../../store/syncPeers'
import { readServerView } from '../../store/syncServer'
import type { ServiceContext } from '../context'

// sync.status: always on screen (issue 13 §4), so every part is one or two queries.

export async function syncStatus(ctx: ServiceContext): Promise<SyncStatus> {
  const deviceId = ctx.author.deviceId
  const counts = await logCounts(ctx.store, deviceId)
  return {
    deviceId,
    actor: ctx.author.actor,
    ...counts,
    peers: await listPeers(ctx.store),
    server: await readServerView(ctx.store, ctx.author.deviceId),
    openConflicts: await countOpenConflicts(ctx.store),
    ...(await pendingRows(ctx.store)),
  }
}
