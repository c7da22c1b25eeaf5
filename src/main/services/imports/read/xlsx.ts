import type ExcelJS from 'exceljs'
import type { Cell, RawSheet, RawTable } from '../table'
import { refuse, rowCounter, tooManyColumns, type ReadContext } from './guard'
import { unzipChecked } from './zip'

// An .xlsx workbook through exceljs, after zip.ts has checked the container. Every worksheet
// becomes a RawSheet whose row i is the spreadsheet's row i + 1 (so problems name the row Excel
// shows); visible sheets first, hidden ones after them (marked hidden) — a bureau's hidden sheets
// are usually drop-down lists, but a person may still want one.

/**
 * exceljs makes a cell object for every cell of a merged range as it loads, so one hostile
 * <mergeCell ref="A1:XFD1048576"/> would exhaust memory; real sheets merge a few thousand cells.
 */
export const MAX_MERGED_CELLS = 1_000_000

/**
 * Cells of all sheets exceljs may load: it keeps an object per cell (hundreds of bytes each), so
 * the count is read from the sheets' XML before it loads them. 300 000 rows × 10 columns.
 */
export const MAX_XLSX_CELLS = 3_000_000

export async function readXlsx(bytes: Uint8Array, ctx: ReadContext): Promise<RawTable> {
  const merges = mergeScanner()
  const cells = cellScanner(ctx)
  unzipChecked(bytes, ctx, 'Excel 文件', () => false, true, (name, chunk) => {
    merges(name, chunk)
    cells(name, chunk)
  })
  ctx.check()
  // Loaded when first needed: each store worker would otherwise pay for exceljs at its start.
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer)
  } catch {
    throw refuse('无法读取该 Excel 文件（文件可能已损坏、加密或不是 .xlsx 格式）')
  }
  ctx.check()
  const count = rowCounter(ctx)
  const visible: RawSheet[] = []
  const hidden: RawSheet[] = []
  for (const ws of workbook.worksheets) {
    const sheet = convertSheet(ws, ctx, count)
    if (ws.state === 'visible' || ws.state === undefined) visible.push(sheet)
    else hidden.push({ ...sheet, hidden: true })
  }
  return { format: 'xlsx', encoding: null, sheets: [...visible, ...hidden] }
}

/** Adds up the cells of every <mergeCell> in the worksheets' XML as it streams past. */
function mergeScanner(): (name: string, chunk: Uint8Array) => void {
  const decoder = new TextDecoder('latin1')
  const tails = new Map<string, string>()
  let cells = 0
  return (name, chunk) => {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) return
    const text = (tails.get(name) ?? '') + decoder.decode(chunk)
    const pattern = /<mergeCell\s[^>]*?ref="([^"]+)"/g
    let m: RegExpExecArray | null
    let consumed = 0
    while ((m = pattern.exec(text))) {
      const r = parseRange(m[1]!)
      if (r) cells += (r.bottom - r.top + 1) * (r.right - r.left + 1)
      if (cells > MAX_MERGED_CELLS) throw refuse(`工作表中的合并单元格范围过大（超过 ${MAX_MERGED_CELLS.toLocaleString('en-US')} 个单元格），疑似恶意文件，已拒绝`)
      consumed = pattern.lastIndex
    }
    // Keep the end of this chunk: a tag may continue in the next one.
    tails.set(name, text.slice(Math.max(consumed, text.length - 200)))
  }
}

/** Counts the <row> and <c> elements of the worksheets as they stream past, refusing past the limits before exceljs loads them. */
function cellScanner(ctx: ReadContext): (name: string, chunk: Uint8Array) => void {
  const decoder = new TextDecoder('latin1')
  const tails = new Map<string, string>()
  let rows = 0
  let cells = 0
  return (name, chunk) => {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) return
    const tail = tails.get(name) ?? ''
    const text = tail + decoder.decode(chunk)
    const pattern = /<(row|c)[\s>/]/g
    let m: RegExpExecArray | null
    while ((m = pattern.exec(text))) {
      // A tag wholly inside the kept tail was counted with the chunk before.
      if (m.index + m[0].length <= tail.length) continue
      if (m[1] === 'row') rows++
      else cells++
    }
    if (rows > ctx.limits.maxRows) throw refuse(`行数超过上限 ${ctx.limits.maxRows.toLocaleString('en-US')} 行，请拆分后分批导入`)
    if (cells > MAX_XLSX_CELLS) throw refuse(`工作表的单元格超过 ${MAX_XLSX_CELLS.toLocaleString('en-US')} 个，请拆分后分批导入`)
    tails.set(name, text.slice(-5))
  }
}

function convertSheet(ws: ExcelJS.Worksheet, ctx: ReadContext, count: (n?: number) => void): RawSheet {
  const rows: Cell[][] = []
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // Rows Excel skips (empty) are kept as empty rows so indexes stay the sheet's row numbers.
    while (rows.length < rowNumber - 1) {
      count()
      rows.push([])
    }
    count()
    const cells: Cell[] = []
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const value = cellValue(cell.value)
      if (value === null) return
      if (col > ctx.limits.maxColumns) throw tooManyColumns(ctx, `工作表“${ws.name}”第 ${rowNumber} 行`)
      while (cells.length < col - 1) cells.push(null)
      cells[col - 1] = value
    })
    rows.push(cells)
  })
  fillMerges(ws, rows, ctx)
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === null)) rows.pop()
  return { name: ws.name, rows }
}

/** Every cell of a merged range takes the master (top-left) cell's value, as a person reads it. */
function fillMerges(ws: ExcelJS.Worksheet, rows: Cell[][], ctx: ReadContext): void {
  // exceljs's private index of merges (master address → Range): `ws.model` would rebuild every row.
  const merges = Object.values((ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {})
  for (const r of merges) {
    const master = rows[r.top - 1]?.[r.left - 1] ?? null
    if (master === null) continue
    const bottom = Math.min(r.bottom, rows.length)
    const right = Math.min(r.right, ctx.limits.maxColumns)
    for (let y = r.top; y <= bottom; y++) {
      const row = rows[y - 1]!
      for (let x = r.left; x <= right; x++) {
        while (row.length < x) row.push(null)
        if (row[x - 1] === null) row[x - 1] = master
      }
    }
  }
}

function parseRange(range: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range.replace(/\$/g, '').toUpperCase())
  if (!m) return null
  const a = { col: columnNumber(m[1]!), row: Number(m[2]) }
  const b = { col: columnNumber(m[3]!), row: Number(m[4]) }
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) }
}

function columnNumber(letters: string): number {
  let n = 0
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n
}

/** exceljs's cell value as a raw Cell: formulas give their cached result, rich text and links their text, errors nothing. */
export function cellValue(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value
  if (typeof value !== 'object') return null
  if ('error' in value) return null
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text ?? '').join('')
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result
    return result === undefined ? null : cellValue(result as ExcelJS.CellValue)
  }
  if ('hyperlink' in value || 'text' in value) {
    const text = (value as { text?: unknown }).text
    if (typeof text === 'string') return text
    if (text && typeof text === 'object') return cellValue(text as ExcelJS.CellValue)
    return null
  }
  return null
}
