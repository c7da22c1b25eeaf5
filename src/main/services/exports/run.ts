import fs from 'node:fs/promises'
import type { ExportFormat, ExportStart, ExportTable } from '../../../shared/exports'
import { listDistricts } from '../../store/districts'
import { openExportReader } from '../../store/exportRows'
import type { ServiceContext } from '../context'
import { type ResolvedScope, resolveScope } from '../scope/resolve'
import { workbookTable } from '../workbook/columns'
import { writeCsv } from './csv'
import { exportFileName } from './files'
import { writeGeoJson } from './geojson'
import type { ExportProgress } from './pace'
import { scopeSets, tableRowCount } from './rows'
import { workbookTotal, writeWorkbook } from './workbook'

// One export from request to file, the same for the app's job and the command line: the scope is
// resolved first (an unknown saved search is refused before anything is written), then the file is
// written as <file>.part and renamed when complete, so a cancelled or failed export leaves nothing.

export interface ExportPlan {
  format: ExportFormat
  table: ExportTable
  /** Null: the whole inventory, every live row (also companies without a lease, empty clusters …). */
  scope: ResolvedScope | null
}

export async function planExport(ctx: ServiceContext, input: ExportStart): Promise<ExportPlan> {
  const wholeInventory = !input.scope || input.scope.kind === 'all'
  // GeoJSON is drawn from the map's view of the sites, which the resolver gives either way.
  const scope = wholeInventory && input.format !== 'geojson' ? null : await resolveScope(ctx, input.scope)
  return { format: input.format, table: input.table ?? 'buildings', scope }
}

export const planFileName = (plan: ExportPlan, date: string): string =>
  exportFileName(plan.format, date, plan.scope?.label ?? null, workbookTable(plan.table).sheet)

/** Writes the export into `file`; on failure or cancel nothing is left there. */
export async function writeExport(ctx: ServiceContext, plan: ExportPlan, file: string, progress: ExportProgress, signal?: AbortSignal): Promise<void> {
  const part = `${file}.part`
  try {
    await writeTo(ctx, plan, part, progress, signal)
    await fs.rename(part, file)
  } catch (error) {
    await fs.rm(part, { force: true })
    throw error
  }
}

async function writeTo(ctx: ServiceContext, plan: ExportPlan, file: string, progress: ExportProgress, signal?: AbortSignal): Promise<void> {
  if (plan.format === 'geojson') {
    const { all, sites } = plan.scope!
    progress.total = sites.length
    const districts = new Map((await listDistricts(ctx.store.db)).map((d) => [d.code, d.name]))
    await writeGeoJson(all, sites, districts, file, progress, signal)
    return
  }
  const reader = openExportReader(ctx.store)
  try {
    const sets = plan.scope ? scopeSets(reader, plan.scope.sites) : null
    if (plan.format === 'xlsx') {
      progress.total = workbookTotal(reader)
      await writeWorkbook(reader, sets, file, progress, signal)
    } else {
      const spec = workbookTable(plan.table)
      progress.total = tableRowCount(reader, spec)
      await writeCsv(reader, spec, sets, file, progress, signal)
    }
  } finally {
    reader.close()
  }
}
