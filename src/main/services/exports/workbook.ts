import fs from 'node:fs'
import { once } from 'node:events'
import type ExcelJS from 'exceljs'
import { DomainError } from '../../../shared/result'
import type { ExportReader } from '../../store/exportRows'
import { WORKBOOK, type WorkbookColumn, type WorkbookTable } from '../workbook/columns'
import { MAX_CELL_TEXT } from './cells'
import type { ExportProgress } from './pace'
import { pace } from './pace'
import { type ScopeSets, tableCells, tableRowCount } from './rows'

// The app's workbook (services/workbook/columns.ts) as an XLSX file, written with exceljs's
// streaming writer: each row is committed as soon as it is made and each sheet is finished before
// the next begins, so memory stays flat however many spaces there are. Headers in Chinese with
// their units, the spec's widths and number formats, a frozen header row and an autofilter.

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } }

/**
 * One style object per column, given to every cell of that column (and one to every row).
 * exceljs's style registry remembers the objects it has seen (a WeakMap), so a shared object is
 * turned into its s="n" once per column; a fresh object per cell (what exceljs gives by default)
 * is serialised and looked up for every cell, which was a third of the export's time. The file is
 * the same: each cell carries its column's number format. The registry remembers the first cell's
 * id whatever the value's type, so a date column without a format gets exceljs's default date
 * format here rather than per value.
 */
const columnStyle = (column: WorkbookColumn): Partial<ExcelJS.Style> => {
  const numFmt = column.numFmt ?? (column.type === 'date' ? 'mm-dd-yy' : undefined)
  return numFmt ? { numFmt } : {}
}

export const workbookTotal = (reader: ExportReader): number => WORKBOOK.reduce((sum, spec) => sum + tableRowCount(reader, spec), 0)

export async function writeWorkbook(
  reader: ExportReader, scope: ScopeSets | null, file: string, progress: ExportProgress, signal?: AbortSignal,
): Promise<void> {
  // Loaded when first needed: each store worker would otherwise pay for exceljs at its start.
  const { default: Excel } = await import('exceljs')
  const out = fs.createWriteStream(file)
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  workbook.creator = 'Site Atlas 招商资源图'
  try {
    for (const spec of WORKBOOK) {
      progress.message = `正在写入「${spec.sheet}」`
      await writeSheet(workbook, reader, spec, scope, progress, signal)
    }
    progress.message = '正在完成文件'
    await workbook.commit()
  } catch (error) {
    // Stop the zip and close the file; the caller deletes what was written.
    ;(workbook as unknown as { zip: { abort(): void } }).zip.abort()
    if (!out.closed) {
      out.destroy()
      await once(out, 'close').catch(() => {})
    }
    throw error
  }
}

async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter, reader: ExportReader, spec: WorkbookTable, scope: ScopeSets | null,
  progress: ExportProgress, signal?: AbortSignal,
): Promise<void> {
  const sheet = workbook.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }] })
  sheet.columns = spec.columns.map((column) => ({
    key: column.key,
    width: column.width ?? 12,
    style: column.numFmt ? { numFmt: column.numFmt } : {},
  }))
  const header = sheet.addRow(spec.columns.map((c) => c.header))
  header.eachCell((cell) => {
    cell.font = { bold: true }
    cell.fill = HEADER_FILL
    cell.numFmt = '@'
    cell.alignment = { vertical: 'middle' }
  })
  header.commit()

  const styles = spec.columns.map(columnStyle)
  const rowStyle: Partial<ExcelJS.Style> = {}
  const steps = pace(progress, signal)
  let rowNumber = 1
  let due = false
  for (const cells of tableCells(reader, spec, scope, () => (due = steps.read() || due))) {
    rowNumber += 1
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i]
      if (typeof value === 'string' && value.length > MAX_CELL_TEXT) {
        throw new DomainError('invalid', `${spec.sheet}第 ${rowNumber} 行「${spec.columns[i]!.header}」：内容超过 Excel 单元格上限 ${MAX_CELL_TEXT} 字，无法写入工作簿（边界可改用 GeoJSON 导出）`)
      }
    }
    const row = sheet.addRow(cells)
    // A row's own style object (exceljs's typings leave it out) goes through the same registry.
    ;(row as unknown as { style: Partial<ExcelJS.Style> }).style = rowStyle
    for (let i = 0; i < cells.length; i++) row.getCell(i + 1).style = styles[i]!
    row.commit()
    if (due) {
      due = false
      await steps.turn()
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(rowNumber, 1), column: spec.columns.length } }
  sheet.commit()
  // Let the zip take this sheet before the next one starts.
  await steps.turn()
}
