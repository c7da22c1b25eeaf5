import { VOCAB_ZH } from '../../../shared/labels'
import { BOOL_TEXT, LIST_SEPARATOR, type WorkbookColumn } from '../workbook/columns'
import { neutraliseFormula } from './formulaText'

// One store value as the workbook's spec writes it: vocabulary codes as their Chinese labels,
// scaled numbers (元 → 万元), ISO dates as real dates, 0/1 as 是/否, text guarded against formulas.
// The same value is written into an XLSX cell (cellConverter) and, as text, into a CSV (cellText).

/** Excel's longest cell text; longer text is refused rather than cut (Excel would cut it silently). */
export const MAX_CELL_TEXT = 32_767

export type CellValue = string | number | Date | null

/** 'YYYY-MM-DD' (or a longer ISO stamp) as midnight UTC, which Excel stores as that day exactly. */
function isoDate(text: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text)
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : text
}

/**
 * How a column turns a store value into its cell, decided once per column rather than per value
 * (an export converts a few million values). Empty values ('' or NULL) are empty cells.
 */
export function cellConverter(column: WorkbookColumn): (raw: unknown) => CellValue {
  switch (column.type) {
    case 'number':
    case 'int': {
      const scale = column.scale
      return (raw) => {
        if (raw === null || raw === undefined || raw === '') return null
        const n = Number(raw)
        if (!Number.isFinite(n)) return null
        return scale ? n / scale : n
      }
    }
    case 'bool':
      return (raw) => (raw === null || raw === undefined || raw === '' ? null : Number(raw) ? BOOL_TEXT.true : BOOL_TEXT.false)
    case 'date':
      return (raw) => (raw === null || raw === undefined || raw === '' ? null : isoDate(String(raw)))
    case 'list':
      // group_concat gives comma-joined ids; written with the spec's separator.
      return (raw) => (raw === null || raw === undefined || raw === '' ? null : neutraliseFormula(String(raw).split(',').join(LIST_SEPARATOR)))
    default: {
      if (!column.vocab) return (raw) => (raw === null || raw === undefined || raw === '' ? null : neutraliseFormula(String(raw)))
      const labels = VOCAB_ZH[column.vocab] as Record<string, string>
      return (raw) => {
        if (raw === null || raw === undefined || raw === '') return null
        const code = String(raw)
        return neutraliseFormula(labels[code] ?? code)
      }
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
