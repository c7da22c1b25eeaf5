import type { Kysely } from 'kysely'
import type { ImportInspection, ImportKind, ImportPreview, ImportSheetInfo } from '../../../shared/imports'
import { DomainError } from '../../../shared/result'
import { readImportLookups, rowsOfIds } from '../../store/imports'
import type { Database } from '../../store/schema'
import { listBoundaryCities } from '../boundaries/reader'
import { WORKBOOK } from '../workbook/columns'
import { cellToText } from './cells'
import { DistrictResolver } from './districts'
import { detectKind, fieldInfos, likeliestKind, type SiteKind, suggestCrs } from './fields'
import { dataRows } from './layout'
import { layoutOf, type Plan, PlanBook, type PlanContext, type PlanOptions, readRecords } from './plan'
import { planBuildings } from './planBuildings'
import { planParcels } from './planParcels'
import { planParks } from './planParks'
import { planWorkbook } from './planWorkbook'
import type { RawSheet, RawTable } from './table'
import { rentPeriodOf } from './values'

// From a file read (RawTable) to what the wizard shows (inspection) and what the importer writes
// (a plan). The file is read by read/; this module decides the sheet, the kind and the columns.

const SAMPLE_ROWS = 5

/** The app's own export: at least two of its sheet names, one of them a kind of site. */
export function isAppWorkbook(table: RawTable): boolean {
  const names = new Set(table.sheets.map((s) => s.name))
  const ours = WORKBOOK.filter((t) => names.has(t.sheet))
  return ours.length >= 2 && ours.some((t) => t.table === 'buildings' || t.table === 'parcels' || t.table === 'parks')
}

export function inspectTable(table: RawTable, uploadId: string, fileName: string, options: { sheet?: string; headerRow?: number }): ImportInspection {
  const workbook = isAppWorkbook(table)
  const sheets = table.sheets
    .filter((s) => !options.sheet || s.name === options.sheet)
    .map((sheet): ImportSheetInfo => {
      const probe = layoutOf(sheet, null, { headerRow: options.headerRow })
      const headers = probe.columns.map((c) => c.header.text)
      const kind: ImportKind | null = workbook ? 'workbook' : detectKind(headers)
      // Columns are offered with a field even when the kind is unclear: the likeliest kind's.
      const layout = kind === 'workbook' ? probe : layoutOf(sheet, kind ?? likeliestKind(headers), { headerRow: options.headerRow })
      const rows = dataRows(sheet.rows, layout.headerIndex)
      return {
        name: sheet.name,
        rows: rows.length,
        headerRow: layout.headerIndex + 1,
        columns: layout.columns.map((c) => ({ index: c.index, header: c.header.text, field: c.field?.key ?? null })),
        sample: rows.slice(0, SAMPLE_ROWS).map((r) => headers.map((_, i) => cellToText(r.cells[i] ?? null))),
        sampleRows: rows.slice(0, SAMPLE_ROWS).map((r) => r.rowNumber),
        suggestedKind: kind,
        suggestedCrs: suggestCrs(headers),
      }
    })
  if (options.sheet && sheets.length === 0) throw new DomainError('invalid', `工作表：文件中没有名为“${options.sheet}”的工作表`, 'sheet')
  return { uploadId, fileName, format: table.format, encoding: table.encoding, sheets, fields: fieldInfos() }
}

/** The sheet to import: the one named, else the first whose headers tell a kind, else the first. */
function chooseSheet(table: RawTable, options: PlanOptions & { sheet?: string }): { sheet: RawSheet; kind: SiteKind } {
  const named = options.sheet ? table.sheets.find((s) => s.name === options.sheet) : undefined
  if (options.sheet && !named) throw new DomainError('invalid', `工作表：文件中没有名为“${options.sheet}”的工作表`, 'sheet')
  const candidates = named ? [named] : table.sheets
  for (const sheet of candidates) {
    const headers = layoutOf(sheet, null, options).columns.map((c) => c.header.text)
    const kind = options.kind && options.kind !== 'workbook' ? options.kind : detectKind(headers)
    if (kind) return { sheet, kind }
  }
  throw new DomainError('invalid', '导入类型：无法从表头判断是楼宇、地块还是园区，请选择导入类型并核对表头')
}

/** Plans the import of `table` against the store as it is now (read inside the caller's transaction when applying). */
export async function planImport(
  db: Kysely<Database>,
  resourcesDir: string,
  table: RawTable,
  options: PlanOptions & { sheet?: string },
): Promise<Plan> {
  const book = new PlanBook()
  if (options.kind === 'workbook' || (!options.kind && isAppWorkbook(table))) {
    const ids = new Map<string, string[]>()
    for (const spec of WORKBOOK) {
      const sheet = table.sheets.find((s) => s.name === spec.sheet)
      const column = spec.table === 'districts' ? 0 : 0
      if (sheet) ids.set(spec.table, dataRows(sheet.rows, 0).map((r) => cellToText(r.cells[column] ?? null)).filter(Boolean))
    }
    const rows = new Map<string, Map<string, Record<string, unknown>>>()
    for (const [tableName, list] of ids) rows.set(tableName, await rowsOfIds(db, tableName as never, list))
    const total = planWorkbook(table.sheets, { rows }, book)
    if (total === 0) throw new DomainError('invalid', '导入：工作簿中没有可导入的工作表')
    return { preview: book.preview('workbook', table.sheets.map((s) => s.name).join('、'), total), groups: book.groups }
  }
  const { sheet, kind } = chooseSheet(table, options)
  const layout = layoutOf(sheet, kind, options)
  const lookups = await readImportLookups(db, { [kind]: true })
  const resolver = new DistrictResolver(lookups.districts, await listBoundaryCities(resourcesDir))
  const ctx: PlanContext = { lookups, districts: resolver, options }
  const records = readRecords(sheet, layout)
  for (const column of layout.columns) {
    const period = column.field?.type === 'rent' ? rentPeriodOf(column.header.unit) : null
    if (period) {
      const divisor = period === '月' ? '365/12' : '365'
      book.warnings.push({ row: 0, column: column.header.text, message: `${column.header.text}：按表头的每${period}租金读取，换算为 元/㎡·天（÷ ${divisor}）` })
    }
  }
  if (records.length === 0) throw new DomainError('invalid', `导入：工作表“${sheet.name}”表头下没有数据行`)
  if (kind === 'buildings') planBuildings(records, layout, ctx, book)
  else if (kind === 'parcels') planParcels(records, layout, ctx, book)
  else planParks(records, layout, ctx, book)
  return { preview: book.preview(kind, sheet.name, records.length), groups: book.groups }
}

export type { ImportPreview }
