// A chart's table as the clipboard carries it to Excel/WPS: TSV for text/plain and a bare
// <table> for text/html. Cells hold raw numbers (no 万, no thousands separators) so the
// spreadsheet reads them as numbers; rates go as "12.5%", which both read as a percentage.

export interface CopyColumn<Row> {
  label: string
  value: (row: Row) => string | number | null
  /** A 0..1 share, copied as a percentage. */
  rate?: boolean
  /** false = not copied (links, buttons). */
  copy?: boolean
}

export function copyCell<Row>(column: CopyColumn<Row>, row: Row): string {
  const value = column.value(row)
  if (value == null) return ''
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return ''
    // Rounded past float noise (0.1 + 0.2), never grouped.
    return column.rate ? `${Number((value * 100).toFixed(2))}%` : String(Number(value.toPrecision(15)))
  }
  return value
}

const copied = <Row>(columns: Array<CopyColumn<Row>>) => columns.filter((c) => c.copy !== false)

/** One line per row (header first, total last), cells separated by tabs. */
export function tableToTsv<Row>(columns: Array<CopyColumn<Row>>, rows: Row[], total?: Row): string {
  const cols = copied(columns)
  // A tab or line break inside a cell would split it: spaces instead.
  const clean = (text: string) => text.replace(/[\t\r\n]+/g, ' ')
  const lines = [cols.map((c) => clean(c.label)).join('\t')]
  for (const row of total ? [...rows, total] : rows) lines.push(cols.map((c) => clean(copyCell(c, row))).join('\t'))
  return `${lines.join('\r\n')}\r\n`
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The same table as HTML, for editors that take rich text (WPS, Word, mail). */
export function tableToHtml<Row>(title: string, columns: Array<CopyColumn<Row>>, rows: Row[], total?: Row): string {
  const cols = copied(columns)
  const tr = (cells: string[], tag: 'th' | 'td') => `<tr>${cells.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`
  const body = (total ? [...rows, total] : rows).map((row) => tr(cols.map((c) => copyCell(c, row)), 'td'))
  return `<table><caption>${escapeHtml(title)}</caption><thead>${tr(cols.map((c) => c.label), 'th')}</thead><tbody>${body.join('')}</tbody></table>`
}
