import fs from 'node:fs'
import type { BackupEntry, BackupReason, BackupSettings } from '../../../shared/backup'
import { DomainError } from '../../../shared/result'
import { backupEntry, backupInto, backupsDirOf, copyBackupInto, rotateFolder } from '../../store/backupFolder'
import type { ServiceContext } from '../context'
import { describeFsError, mirrorBackupsDir, readBackupSettings, rememberMirrorFolder } from './settings'
import { recordBackupError } from './status'

// Making a backup of the open store (scheduled, manual, before an import), copying it to the
// mirror and rotating both folders. What status and list say of it all: status.ts.

/** The person's clock ahead of UTC, for rotation's local days. */
const localOffsetMinutes = () => -new Date().getTimezoneOffset()

/** Backups of one store run one at a time (a scheduled one and "back up now" may meet). */
const running = new WeakMap<object, Promise<unknown>>()
function oneAtATime<T>(key: object, work: () => Promise<T>): Promise<T> {
  const previous = running.get(key) ?? Promise.resolve()
  const next = previous.then(work, work)
  running.set(key, next.catch(() => undefined))
  return next
}

export interface MakeBackupOptions {
  /** The clock (tests simulate days). */
  now?: Date
}

/**
 * Backs the open store up into the local folder (<data>/backups) for `reason`, rotates it, and for
 * a scheduled or manual backup copies the finished file to the mirror folder (rotated the same
 * way). A mirror that cannot be written (a stick pulled out) is remembered as the last error; the
 * local backup stands. Throws when the local backup fails.
 */
export async function makeBackup(ctx: ServiceContext, reason: BackupReason, options: MakeBackupOptions = {}): Promise<BackupEntry> {
  return oneAtATime(ctx.store, async () => {
    const settings = readBackupSettings(ctx.dataDir)
    const dir = backupsDirOf(ctx.dataDir)
    const made = await backupInto(ctx.store.sqlite, dir, reason, options.now ?? new Date())
    rotateQuietly(dir, settings)
    if ((reason === 'scheduled' || reason === 'manual') && settings.mirrorDir) {
      try {
        rememberMirrorFolder(ctx.dataDir, ctx.author.deviceId)
        const mirror = mirrorBackupsDir(ctx.dataDir, settings)!
        // Not recursive: a stick pulled out leaves its mount point, where no folder must be made.
        await fs.promises.mkdir(mirror).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error
        })
        await copyBackupInto(made.path, mirror)
        rotateQuietly(mirror, settings)
        recordBackupError(ctx.dataDir, null)
      } catch (error) {
        const message = `第二备份位置 ${settings.mirrorDir} 无法写入（${describeFsError(error)}）；本机备份 ${made.id} 已保存`
        console.error(`[site-atlas] ${message}`)
        recordBackupError(ctx.dataDir, message)
      }
    } else if (reason === 'scheduled' || reason === 'manual') {
      recordBackupError(ctx.dataDir, null)
    }
    return backupEntry('local', made)
  })
}

/**
 * A backup before a change that cannot be undone otherwise (an import, a restore): the change is
 * refused when the backup cannot be made, in words that say so.
 */
export async function backupBefore(ctx: ServiceContext, reason: Extract<BackupReason, `before-${string}`>): Promise<BackupEntry> {
  try {
    return await makeBackup(ctx, reason)
  } catch (error) {
    const what = reason === 'before-import' ? '导入' : reason === 'before-restore' ? '恢复' : '升级'
    throw new DomainError('internal', `${what}前的备份未能完成（${describeFsError(error)}），${what}未执行；请检查数据文件夹所在磁盘的空间`)
  }
}

function rotateQuietly(dir: string, settings: BackupSettings): void {
  try {
    rotateFolder(dir, settings.keep, { offsetMinutes: localOffsetMinutes() })
  } catch (error) {
    console.error(`[site-atlas] rotating the backups in ${dir} failed:`, error)
  }
}
