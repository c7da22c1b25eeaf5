import { VOCAB_ZH } from '../../../shared/labels'
import { BOOL_TEXT, LIST_SEPARATOR, type WorkbookColumn } from '../workbook/columns'
import { neutraliseFormula } from './formulaText'

// One store value as the workbook's spec writes it: vocabulary codes as their Chinese labels,
// scaled numbers (元 → 万元), ISO dates as real dates, 0/1 as 是/否, text guarded against formulas.
// The same value is written into an XLSX cell (cellValue) and, as text, into a CSV (cellText).

/** Excel's longest cell text; longer text is refused rather than cut (Excel would cut it silently). */
export const MAX_CELL_TEXT = 32_767

export type CellValue = string | number | Date | null

const labelOf = (column: WorkbookColumn, code: string): string => {
  const labels = VOCAB_ZH[column.vocab!] as Record<string, string>
  return labels[code] ?? code
}

/** 'YYYY-MM-DD' (or a longer ISO stamp) as midnight UTC, which Excel stores as that day exactly. */
function isoDate(text: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text)
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : text
}

export function cellValue(column: WorkbookColumn, raw: unknown): CellValue {
  if (raw === null || raw === undefined || raw === '') return null
  switch (column.type) {
    case 'number':
    case 'int': {
      const n = Number(raw)
      if (!Number.isFinite(n)) return null
      return column.scale ? n / column.scale : n
    }
    case 'bool':
      return Number(raw) ? BOOL_TEXT.true : BOOL_TEXT.false
    case 'date':
      return isoDate(String(raw))
    case 'list':
      // group_concat gives comma-joined ids; written with the spec's separator.
      return neutraliseFormula(String(raw).split(',').join(LIST_SEPARATOR))
    default: {
      const text = column.vocab ? labelOf(column, String(raw)) : String(raw)
      return neutraliseFormula(text)
    }
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The value as CSV text: numbers as they are (no thousands separators), dates as YYYY-MM-DD. */
export function cellText(value: CellValue): string {
  if (value === null) return ''
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
  if (typeof value === 'number') return String(value)
  return value
}
