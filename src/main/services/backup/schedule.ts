import type { BackupEntry } from '../../../shared/backup'
import { hasChanges } from '../../store/backupFile'
import type { ServiceContext } from '../context'
import { makeBackup } from './engine'
import { nextDueAt, recordBackupError, recordNextLook } from './status'
import { describeFsError, readBackupSettings } from './settings'

// Scheduled backups, made by the process that writes (the writer worker; see services/index.ts),
// the way tenancy/lapse.ts settles leases there: a timer looks every few minutes whether the newest
// scheduled backup is older than the interval and makes one. The backup runs beside the saves
// (backupCopy.ts): it copies in steps and checks its copy on another thread.

/** How often a running writer looks whether a backup is due. */
export const BACKUP_CHECK_MS = 5 * 60_000
/** The first look after the store opens: the app comes up first, and a short-lived process never backs up. */
export const BACKUP_FIRST_CHECK_MS = 30_000

/**
 * Makes a scheduled backup when one is due at `now`: scheduled backups on, the store ever written,
 * and no scheduled backup in the local folder since `everyHours` ago. A failure is remembered for
 * backup.status and logged, never thrown. Answers the backup made, or null.
 */
export async function scheduledBackupIfDue(ctx: ServiceContext, now = new Date()): Promise<BackupEntry | null> {
  try {
    if (!ctx.store.sqlite.open) return null
    const settings = readBackupSettings(ctx.dataDir)
    const due = nextDueAt(ctx.dataDir, settings, now)
    if (due === null || Date.parse(due) > now.getTime() || !hasChanges(ctx.store.sqlite)) return null
    return await makeBackup(ctx, 'scheduled', { now })
  } catch (error) {
    if (!ctx.store.sqlite.open) return null // closed meanwhile: the app is stopping
    console.error('[site-atlas] scheduled backup failed:', error)
    recordBackupError(ctx.dataDir, `自动备份失败（${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC）：${describeFsError(error)}`)
    return null
  }
}

/** Starts the schedule for a writable store; answers the function that stops it. */
export function startBackupSchedule(ctx: ServiceContext, timing = { firstMs: BACKUP_FIRST_CHECK_MS, everyMs: BACKUP_CHECK_MS }): () => void {
  let interval: NodeJS.Timeout | undefined
  let looking = false
  // A backup still running when the next look comes (a huge store, a slow disk) is not doubled.
  const look = () => {
    recordNextLook(ctx.dataDir, new Date(Date.now() + timing.everyMs))
    if (looking) return
    looking = true
    void scheduledBackupIfDue(ctx).finally(() => {
      looking = false
    })
  }
  // backup.status says when that will be (status.ts nextBackupAt), not "due" before the first look.
  recordNextLook(ctx.dataDir, new Date(Date.now() + timing.firstMs))
  const first = setTimeout(() => {
    look()
    interval = setInterval(look, timing.everyMs)
    interval.unref()
  }, timing.firstMs)
  first.unref()
  return () => {
    clearTimeout(first)
    clearInterval(interval)
  }
}
