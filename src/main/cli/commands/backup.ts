import fs from 'node:fs'
import path from 'node:path'
import type { StoreFileSummary } from '../../../shared/backup'
import { inspectStoreFile } from '../../store/backupFile'
import { backupTo } from '../../store/backupCopy'
import { backupInto, backupsDirOf, rotateFolder } from '../../store/backupFolder'
import { readBackupSettings } from '../../services/backup/settings'
import { CliError, type Output } from '../output'
import { openForCommand } from '../store'

// npm run cli -- backup --db F [--out FILE [--force]] [--json]: a consistent copy of the data file
// made with SQLite's backup API (safe while the app has the file open), checked, then renamed into
// place. Without --out it joins the data folder's backups/ as a manual backup (which rotation never
// removes; the other backups there are rotated by this device's settings).

export const BACKUP_USAGE = `backup --db FILE [--out FILE [--force]] [--json]
                              备份数据文件：默认存入其所在文件夹的 backups/（手动备份，其余按保留规则轮换）；
                              --out 写到指定文件（已存在时需 --force，不能是数据文件本身）`

export interface BackupCommandOptions {
  out?: string
  force: boolean
  json: boolean
}

const sameFile = (a: string, b: string): boolean => {
  if (path.resolve(a) === path.resolve(b)) return true
  try {
    return fs.realpathSync(a) === fs.realpathSync(b)
  } catch {
    return false
  }
}

/** Checks --out before anything is opened: answers the absolute path to write. */
function checkOut(out: string, db: string, force: boolean): string {
  const target = path.resolve(out)
  if (sameFile(target, db)) throw new CliError(`--out：${out} 就是数据文件本身，不能用备份覆盖它 / --out names the data file itself`, 2)
  const stat = fs.statSync(target, { throwIfNoEntry: false })
  if (stat?.isDirectory()) throw new CliError(`--out：${out} 是一个文件夹，请给出文件名，如 ${path.join(out, 'site-atlas-backup.db')} / --out names a folder`, 2)
  const folder = fs.statSync(path.dirname(target), { throwIfNoEntry: false })
  if (!folder?.isDirectory()) throw new CliError(`--out：文件夹 ${path.dirname(target)} 不存在 / the folder of --out does not exist`, 2)
  if (stat && !force) throw new CliError(`--out：${out} 已存在；如确需覆盖，请加 --force / ${out} exists, add --force to overwrite it`)
  return target
}

export async function backupCommand(file: string, options: BackupCommandOptions, output: Output): Promise<void> {
  const target = options.out === undefined ? null : checkOut(options.out, file, options.force)
  // Read-only: the backup must not change the file (nor migrate it), and works while the app has it open.
  const store = await openForCommand(file, { readonly: true })
  let made: string
  try {
    if (target) {
      // The file replaced goes with whatever SQLite kept beside it, which would otherwise be read into the backup.
      for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true })
      await backupTo(store.sqlite, target)
      made = target
    } else {
      const dataDir = path.dirname(path.resolve(file))
      const dir = backupsDirOf(dataDir)
      made = (await backupInto(store.sqlite, dir, 'manual')).path
      rotateFolder(dir, readBackupSettings(dataDir).keep, { offsetMinutes: -new Date().getTimezoneOffset() })
    }
  } catch (error) {
    throw new CliError(`备份失败：${(error as Error).message}`)
  } finally {
    await store.close()
  }
  const check = await inspectStoreFile(made)
  if (!check.ok) throw new CliError(`备份已写入 ${made}，但检查未通过：${check.message}`)
  if (options.json) {
    output.out(JSON.stringify({ path: made, bytes: check.summary.bytes, summary: check.summary }))
    return
  }
  output.out(`已备份到 ${made}（${megabytes(check.summary.bytes)}）`)
  output.out(describeSummary(check.summary))
}

const megabytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`

/** What a store holds in one line and when it last changed, for a terminal. */
export function describeSummary(summary: StoreFileSummary): string {
  const c = summary.counts
  const counts = `楼宇 ${c.buildings}、空间 ${c.spaces}、企业 ${c.tenants}、租约 ${c.leases}、地块 ${c.parcels}、园区 ${c.parks}、照片 ${c.photos}`
  const newest = summary.newestChange ? `最近修改：${summary.newestChange.at}（${summary.newestChange.actor}）` : '尚无修改记录'
  return `内容：${counts}；${newest}；数据结构版本 ${summary.schemaVersion}`
}
