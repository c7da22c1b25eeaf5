import path from 'node:path'
import { IMPORT_CRS, IMPORT_KINDS, type ImportCrs, type ImportKind, type ImportPreview } from '../../../shared/imports'
import { DomainError } from '../../../shared/result'
import { ImportRefusedError, runImport, summary } from '../../services/imports/handlers'
import { CliError, type Output } from '../output'
import { openForCommand, servicesFor } from '../store'

// import FILE --db DB [--kind K] [--sheet NAME] [--crs C] [--dry-run] [--skip-invalid] [--json]:
// the wizard's importer from a terminal. Any rejected row without --skip-invalid writes nothing and
// exits non-zero; --json prints only the outcome object on stdout.

export const IMPORT_USAGE = `import FILE --db FILE [--kind buildings|parcels|parks|workbook] [--sheet NAME]
        [--crs wgs84|gcj02|bd09] [--dry-run] [--skip-invalid] [--json]
        导入楼宇/地块/园区表格（XLSX、CSV）或地块边界（GeoJSON、KML、Shapefile 压缩包）；有问题的行
        且未加 --skip-invalid 时不写入任何数据，以非零状态退出`

export interface ImportArgs {
  kind?: string
  sheet?: string
  crs?: string
  dryRun: boolean
  skipInvalid: boolean
  json: boolean
}

function outcome(preview: ImportPreview) {
  const { created, updated, rejected, warnings, kind, sheet } = preview
  return { created, updated, rejected: rejected.map(({ row, column, message }) => ({ row, column, message })), warnings, kind, sheet }
}

function printProblems(preview: ImportPreview, output: Output): void {
  for (const p of preview.rejected) output.err(`第 ${p.row} 行${p.column ? `［${p.column}］` : ''}：${p.message}`)
  for (const p of preview.warnings) output.err(`提示 第 ${p.row} 行${p.column ? `［${p.column}］` : ''}：${p.message}`)
}

export async function importCommand(file: string | undefined, db: string, args: ImportArgs, output: Output): Promise<number> {
  if (!file) throw new CliError('缺少要导入的文件：npm run cli -- import FILE --db DB', 2)
  if (args.kind !== undefined && !(IMPORT_KINDS as readonly string[]).includes(args.kind)) {
    throw new CliError(`--kind 应为 ${IMPORT_KINDS.join('|')} 之一：${args.kind}`, 2)
  }
  if (args.crs !== undefined && !(IMPORT_CRS as readonly string[]).includes(args.crs)) {
    throw new CliError(`--crs 应为 ${IMPORT_CRS.join('|')} 之一：${args.crs}`, 2)
  }
  const { readTable } = await import('../../services/imports/read/index')
  let table
  try {
    table = await readTable(path.resolve(file), path.basename(file))
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error))
  }
  const store = await openForCommand(db)
  try {
    const { ctx } = await servicesFor(store)
    const options = { kind: args.kind as ImportKind | undefined, sheet: args.sheet, crs: args.crs as ImportCrs | undefined }
    let preview: ImportPreview
    let refused = false
    try {
      preview = (await runImport(ctx, table, path.basename(file), options, { dryRun: args.dryRun, skipInvalid: args.skipInvalid })).preview
      refused = args.dryRun && preview.rejected.length > 0 && !args.skipInvalid
    } catch (error) {
      if (error instanceof ImportRefusedError) {
        preview = error.preview
        refused = true
        if (!args.json) output.err(error.message)
      } else if (error instanceof DomainError) throw new CliError(error.message)
      else throw error
    }
    if (args.json) output.out(JSON.stringify(outcome(preview)))
    else {
      printProblems(preview, output)
      if (!refused || args.dryRun) output.out(`${args.dryRun ? '（试运行，未写入）' : ''}${summary(preview, !args.dryRun)}（${preview.sheet}）`)
    }
    return refused ? 1 : 0
  } finally {
    await store.close()
  }
}
