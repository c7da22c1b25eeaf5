import fs from 'node:fs'
import path from 'node:path'
import { formatBytes } from '../../../shared/format'
import { DomainError } from '../../../shared/result'
import type { ImportSummary } from '../../../shared/sync'
import { pendingSummary } from '../../../shared/syncPendingText'
import { writePackageFor } from '../../services/sync/packageExport'
import { importPackageFile } from '../../services/sync/packageImport'
import { CliError, type Output } from '../output'
import { openForCommand, servicesFor } from '../store'

// changes export --db F --out FILE [--peer ID] [--force] [--json]: a sync package of this store's
// operations (all of them, or only what a colleague's device is not known to hold);
// changes import --db F FILE [--json]: a colleague's package merged in (backup first, all or nothing).
// The store writes as this installation's device ($SITE_ATLAS_HOME, cli/device.ts).

export const CHANGES_USAGE = `changes export --db FILE --out FILE [--peer 设备ID] [--force] [--json]
                              导出修改包（.sitechanges）：默认为本数据文件的全部修改；--peer 只导出该同事设备尚缺的修改
  changes import --db FILE 修改包 [--json]
                              合并同事的修改包（先自动备份；逐字段合并，冲突保留两边的值待人工选择）；
                              --json 输出 { "applied", "skipped", "conflicts", "newConflicts", "pendingRows", "pending", "from" }
                              设备编号保存在 $SITE_ATLAS_HOME（默认 ~/.site-atlas）：同一文件的两份拷贝
                              用各自的 SITE_ATLAS_HOME 即为两台设备`

export interface ChangesArgs {
  out?: string
  peer?: string
  force: boolean
  json: boolean
}

/** Checks --out before anything is opened: answers the absolute path to write. */
function checkOut(out: string | undefined, force: boolean): string {
  if (!out) throw new CliError('缺少 --out FILE（修改包写到哪里） / --out FILE is missing', 2)
  const target = path.resolve(out)
  const stat = fs.statSync(target, { throwIfNoEntry: false })
  if (stat?.isDirectory()) throw new CliError(`--out：${out} 是一个文件夹，请给出文件名，如 ${path.join(out, '修改.sitechanges')} / --out names a folder`, 2)
  if (!fs.statSync(path.dirname(target), { throwIfNoEntry: false })?.isDirectory()) {
    throw new CliError(`--out：文件夹 ${path.dirname(target)} 不存在 / the folder of --out does not exist`, 2)
  }
  if (stat && !force) throw new CliError(`--out：${out} 已存在；如确需覆盖，请加 --force / ${out} exists, add --force to overwrite it`)
  return target
}

const asCliError = (error: unknown): unknown => (error instanceof DomainError ? new CliError(error.message) : error)

export async function changesCommand(action: string | undefined, file: string | undefined, db: string, args: ChangesArgs, output: Output): Promise<number> {
  if (action === 'export') {
    if (file !== undefined) throw new CliError(`参数有误：多余的参数 ${file} / unexpected argument ${file}`, 2)
    const target = checkOut(args.out, args.force)
    const store = await openForCommand(db, { mustExist: true })
    try {
      const { ctx } = await servicesFor(store)
      const { header, size } = await writePackageFor(ctx, target, args.peer).catch((error: unknown) => {
        throw asCliError(error)
      })
      if (args.json) output.out(JSON.stringify({ path: target, ops: header.ops, blobs: header.blobs, bytes: size, device: header.device, knows: header.knows }))
      else output.out(`已导出 ${header.ops} 条修改${header.blobs > 0 ? `、${header.blobs} 张照片` : ''}到 ${target}（${formatBytes(size)}）`)
      return 0
    } finally {
      await store.close()
    }
  }
  if (action === 'import') {
    if (args.out !== undefined || args.peer !== undefined) throw new CliError('参数有误：--out 与 --peer 只用于 changes export / --out and --peer are for changes export', 2)
    if (!file) throw new CliError('缺少要合并的修改包：npm run cli -- changes import --db FILE 修改包', 2)
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new CliError(`修改包：找不到文件 ${file}`)
    const store = await openForCommand(db)
    try {
      const { ctx } = await servicesFor(store)
      const summary = await importPackageFile(ctx, path.resolve(file)).catch((error: unknown) => {
        throw asCliError(error)
      })
      if (args.json) output.out(JSON.stringify(summary))
      else output.out(describeImport(summary))
      return 0
    } finally {
      await store.close()
    }
  }
  throw new CliError(`参数有误：changes 之后应为 export 或 import / changes takes export or import\n${CHANGES_USAGE}`, 2)
}

export function describeImport(s: ImportSummary): string {
  const from = s.from ? `来自 ${s.from.actor}（导出于 ${s.from.createdAt}）：` : ''
  const conflicts = s.conflicts === 0 ? '没有待处理的冲突' : `待处理的冲突 ${s.conflicts} 处${s.newConflicts > 0 ? `（本次新增 ${s.newConflicts} 处）` : ''}，请用 conflicts 命令或应用中的“冲突处理”查看`
  const pending = s.pendingRows > 0 ? `\n${pendingSummary(s.pendingRows, s.pending)}` : ''
  return `${from}合并了 ${s.applied} 条新修改，${s.skipped} 条本机已有；${conflicts}${pending}`
}
