import fs from 'node:fs/promises'
import path from 'node:path'
import { EXPORT_FORMATS, EXPORT_TABLES, type ExportFormat, type ExportStart, type ExportTable } from '../../../shared/exports'
import { DomainError } from '../../../shared/result'
import { LATEST_SCHEMA_VERSION } from '../../store/migrations'
import { findLiveSavedSearchByName } from '../../store/savedSearches'
import { CliError, type Output } from '../output'
import { openForCommand, servicesFor } from '../store'

// export --db FILE --format xlsx|csv|geojson --out FILE [--table T] [--search NAME]: the app's
// own export, written straight to --out (via a .part file, renamed when complete). Read-only on the
// store: it is opened read-only and nothing in it changes.

export const EXPORT_USAGE = `export --db FILE --format xlsx|csv|geojson --out FILE [--table ${EXPORT_TABLES.join('|')}] [--search 名称]
                              导出工作簿/表格/地图数据；--search 只导出该保存的查询所含资源`

export interface ExportArgs {
  format?: string
  out?: string
  table?: string
  search?: string
}

export async function exportCommand(file: string, args: ExportArgs, output: Output): Promise<void> {
  if (!args.format || !(EXPORT_FORMATS as readonly string[]).includes(args.format)) {
    throw new CliError(`--format 应为 ${EXPORT_FORMATS.join('/')} 之一${args.format ? `：${args.format}` : ''}`, 2)
  }
  if (!args.out) throw new CliError('缺少 --out FILE', 2)
  if (args.table !== undefined && !(EXPORT_TABLES as readonly string[]).includes(args.table)) {
    throw new CliError(`--table 应为 ${EXPORT_TABLES.join('/')} 之一：${args.table}`, 2)
  }
  if (args.table !== undefined && args.format !== 'csv') throw new CliError('--table 只用于 --format csv', 2)
  const out = path.resolve(args.out)
  const store = await openForCommand(file, { readonly: true })
  try {
    if (store.schemaVersion < LATEST_SCHEMA_VERSION) {
      throw new CliError(`${file} 的数据结构版本为 ${store.schemaVersion}，比本程序的 ${LATEST_SCHEMA_VERSION} 旧：请先用 Site Atlas 打开一次以升级，再导出`)
    }
    const { ctx } = await servicesFor(store)
    const request: ExportStart = { format: args.format as ExportFormat, table: args.table as ExportTable | undefined }
    if (args.search !== undefined) {
      const searchId = await findLiveSavedSearchByName(store.db, args.search)
      if (!searchId) throw new CliError(`找不到名为“${args.search}”的保存的查询`)
      request.scope = { kind: 'search', searchId }
    }
    await fs.mkdir(path.dirname(out), { recursive: true })
    const progress = { done: 0, total: 0, message: null as string | null }
    const started = Date.now()
    // Loaded here, not at the top: exceljs would slow the start of every other command.
    const { planExport, writeExport } = await import('../../services/exports/run')
    try {
      const plan = await planExport(ctx, request)
      await writeExport(ctx, plan, out, progress)
    } catch (error) {
      if (error instanceof DomainError) throw new CliError(error.message)
      throw error
    }
    const { size } = await fs.stat(out)
    output.out(`已导出 ${out}（${(size / 1024).toFixed(1)} KB，读取 ${progress.done} 行，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`)
  } finally {
    await store.close()
  }
}
