import { cellToText, isGeometryCell, normaliseText } from './cells'
import type { Cell } from './table'

// Finding the table inside a sheet as a bureau keeps it: a title row merged across the top, a
// "填报单位：… 填报日期：…" line, blank rows, then the header; below it data rows interrupted by
// blank rows, subtotal rows and the header repeated on every printed page, and notes at the end.

/** How far down a header is looked for. */
const HEADER_SEARCH_ROWS = 50

function isEmptyCell(cell: Cell): boolean {
  if (cell === null) return true
  if (typeof cell === 'string') return normaliseText(cell) === ''
  return false
}

/** A row with nothing in it (or only spaces). */
export function isBlankRow(row: readonly Cell[]): boolean {
  return row.every(isEmptyCell)
}

const TOTALS = /^(合计|小计|总计|共计|总合计|本页合计|本页小计|累计|total|subtotal|grand total|sum)([:：(（\d].*)?$/i

/** A totals row: 合计/小计/总计/共计/Total (full-width spaces inside tolerated) in one of its first 3 cells. */
export function isTotalsRow(row: readonly Cell[]): boolean {
  return row.slice(0, 3).some((cell) => typeof cell === 'string' && TOTALS.test(normaliseText(cell).replace(/\s+/g, '')))
}

const NOTE = /^(注|备注|说明|填表说明|数据来源|资料来源|来源|制表\S{0,2}|填报\S{0,2}|审核\S{0,1}|联系人|联系电话|单位|统计时间|截止日期|截至日期|日期)\s*\d*\s*[:：]/

/** A notes line ('注：面积单位为平方米', '填报单位：…  填报日期：…'): every filled cell starts like a note. */
export function isNotesRow(row: readonly Cell[]): boolean {
  const filled = row.filter((c) => !isEmptyCell(c))
  return filled.length >= 1 && filled.every((c) => typeof c === 'string' && NOTE.test(normaliseText(c)))
}

/** A header cell's text: normalised, with the line breaks people put inside headers removed ('总建筑\n面积（㎡）' → '总建筑面积(㎡)'). */
export function headerText(cell: Cell): string {
  if (typeof cell === 'string') return normaliseText(cell.replace(/\s*[\r\n]+\s*/g, ''))
  if (isGeometryCell(cell)) return ''
  return cellToText(cell)
}

/** The header strings of a row, one per cell ('' for an empty cell). */
export function headerTexts(row: readonly Cell[]): string[] {
  return row.map(headerText)
}

/** Cells that could be column names: text, not figures or dates. */
function textCellCount(row: readonly Cell[]): number {
  return row.filter((c) => typeof c === 'string' && normaliseText(c) !== '' && !/^[-+]?[\d,.]+%?$/.test(normaliseText(c))).length
}

function filledCount(row: readonly Cell[]): number {
  return row.filter((c) => !isEmptyCell(c)).length
}

/**
 * The 0-based index of the header row. Title rows (one filled cell, often merged across — a merge
 * fills every cell with the same text, so a row of one repeated text counts as one), blank and
 * notes rows are skipped. The row with the most known headers wins (the first of equals); when no
 * row has any, the first row of at least two text cells with a filled row below it.
 */
export function detectHeaderRow(rows: readonly (readonly Cell[])[], isKnownHeader: (text: string) => boolean): number {
  const limit = HEADER_SEARCH_ROWS
  let best = -1
  let bestKnown = 0
  let fallback = -1
  for (const [i, row] of rows.slice(0, limit).entries()) {
    if (isBlankRow(row) || isNotesRow(row) || isTitleRow(row)) continue
    const texts = headerTexts(row).filter((t) => t !== '')
    const known = new Set(texts.filter((t) => isKnownHeader(t))).size
    if (known > bestKnown) {
      best = i
      bestKnown = known
    }
    if (fallback < 0 && textCellCount(row) >= 2 && hasDataBelow(rows, i)) fallback = i
  }
  if (best >= 0) return best
  if (fallback >= 0) return fallback
  const firstFilled = rows.findIndex((r) => !isBlankRow(r))
  return firstFilled < 0 ? 0 : firstFilled
}

/** One filled cell, or one text repeated in every filled cell (a title merged across the row). */
function isTitleRow(row: readonly Cell[]): boolean {
  const texts = new Set(row.filter((c) => !isEmptyCell(c)).map((c) => headerText(c)))
  return texts.size === 1
}

function hasDataBelow(rows: readonly (readonly Cell[])[], index: number): boolean {
  for (const row of rows.slice(index + 1)) {
    if (isBlankRow(row)) continue
    return filledCount(row) >= 1 && !isNotesRow(row)
  }
  return false
}

export interface DataRow {
  /** 1-based, as the spreadsheet numbers it. */
  rowNumber: number
  cells: Cell[]
}

/**
 * The rows below the header that hold data: blank rows, totals rows, notes rows and the header
 * repeated further down (printed pages) are left out.
 */
export function dataRows(rows: readonly Cell[][], headerIndex: number): readonly DataRow[] {
  // The wizard's inspect and preview ask this of the same kept table (parsedUploads.ts).
  let known = dataRowsOf.get(rows)
  if (!known) dataRowsOf.set(rows, (known = new Map()))
  let found = known.get(headerIndex)
  if (!found) known.set(headerIndex, (found = findDataRows(rows, headerIndex)))
  return found
}

/** Data rows found, per sheet (its rows array) and header row; rows are never changed once read. */
const dataRowsOf = new WeakMap<readonly Cell[][], Map<number, readonly DataRow[]>>()

function findDataRows(rows: readonly Cell[][], headerIndex: number): DataRow[] {
  const header = headerTexts(rows[headerIndex] ?? [])
  const out: DataRow[] = []
  for (const [i, row] of rows.entries()) {
    if (i <= headerIndex) continue
    if (isBlankRow(row) || isTotalsRow(row) || isNotesRow(row) || repeatsHeader(row, header)) continue
    out.push({ rowNumber: i + 1, cells: row })
  }
  return out
}

/** Every filled cell equals the header's text in the same column, and at least two do. */
function repeatsHeader(row: readonly Cell[], header: readonly string[]): boolean {
  let same = 0
  for (const [c, cell] of row.entries()) {
    if (isEmptyCell(cell)) continue
    if (typeof cell !== 'string' || headerText(cell) !== header[c]) return false
    same++
  }
  return same >= 2
}
