import fs from 'node:fs'
import path from 'node:path'
import type { StoreFileCheck, StoreFileSummary } from '../../../shared/backup'
import { formatBytes, formatCount } from '../../../shared/format'
import { DomainError } from '../../../shared/result'
import { inspectClosedFile, RESTORE_MAX_BYTES, restoreStore } from '../../store/restore'
import { CliError, type Output } from '../output'

export const RESTORE_USAGE = 'restore --db FILE --from BACKUP [--json]  用备份（或较旧的 Site Atlas 数据文件）替换数据文件：先打印两者的内容；恢复前的数据先备份到 backups/，已损坏的原文件原样保留；损坏或非本程序的文件被拒绝，数据文件不变'

export interface RestoreCommandOptions {
  from: string | undefined
  json: boolean
}

/**
 * Restores --from over --db with the store closed (nothing else may have the file open: quit the
 * app first). Non-interactive: it prints what each file holds, then restores; --yes is accepted for
 * scripts that say so. A refusal leaves --db as it was, byte for byte, and exits 1.
 */
export async function restoreCommand(file: string, options: RestoreCommandOptions, output: Output): Promise<void> {
  if (!options.from) throw new CliError('参数有误：缺少 --from BACKUP（要恢复的备份文件） / --from BACKUP is missing', 2)
  const from = options.from
  if (!fs.existsSync(from)) throw new CliError(`--from：找不到文件 ${from} / ${from} does not exist`)
  const candidate = await inspectClosedFile(from, { maxBytes: RESTORE_MAX_BYTES })
  const current: StoreFileCheck | null = fs.existsSync(file) ? await inspectClosedFile(file) : null
  if (!options.json) {
    output.out(`备份文件 ${from}：${describe(candidate)}`)
    output.out(`当前数据文件 ${file}：${current ? describe(current) : '不存在（将新建）'}`)
  }
  let result
  try {
    result = await restoreStore({ storeFile: file, candidate: from, backupsDir: path.join(path.dirname(path.resolve(file)), 'backups') })
  } catch (error) {
    if (error instanceof DomainError) throw new CliError(error.message)
    throw error
  }
  const safetyBackup = result.safetyBackup ? path.join(path.dirname(path.resolve(file)), 'backups', result.safetyBackup.id) : null
  if (options.json) {
    output.out(JSON.stringify({ from: candidate, current, restored: result.restored, safetyBackup, damagedCopy: result.damagedCopy }))
    return
  }
  output.out(`已恢复：${file} 现为 ${from} 的内容（${describe({ ok: true, summary: result.restored })}）`)
  if (safetyBackup) output.out(`恢复前的数据已备份到 ${safetyBackup}`)
  if (result.damagedCopy) output.out(`已损坏的原数据文件原样保留在 ${result.damagedCopy}`)
}

/** What a file holds, in one line; or why it cannot be restored. */
function describe(check: StoreFileCheck): string {
  if (!check.ok) return `不能使用：${check.message}`
  return summaryLine(check.summary)
}

function summaryLine(s: StoreFileSummary): string {
  const c = s.counts
  const counts = `楼宇 ${formatCount(c.buildings)}、空间 ${formatCount(c.spaces)}、企业 ${formatCount(c.tenants)}、租约 ${formatCount(c.leases)}、地块 ${formatCount(c.parcels)}、园区 ${formatCount(c.parks)}、照片 ${formatCount(c.photos)}`
  const newest = s.newestChange ? `最近修改 ${s.newestChange.at.slice(0, 16).replace('T', ' ')}（UTC），${s.newestChange.actor}` : '从未修改'
  return `${counts}；${newest}；数据结构版本 ${s.schemaVersion}；${formatBytes(s.bytes)}`
}
