import type { EChartsOption } from 'echarts'
import type { ReactNode } from 'react'

/** One column of a chart's table: the raw value (what Excel gets) and how it reads on screen. */
export interface ChartColumn<Row> {
  key: string
  label: string
  value: (row: Row) => string | number | null
  /** Screen text of the value (万/亿, m², 亩, %); the raw value is shown when absent. */
  format?: (row: Row) => ReactNode
  numeric?: boolean
}

export interface ChartPanelProps<Row> {
  title: string
  /** Built by the caller (charts/options.ts helpers); null = table only. */
  option: EChartsOption | null
  rows: Row[]
  columns: Array<ChartColumn<Row>>
  /** A totals row under the table. */
  total?: Row
  /** The PNG's file name without extension. */
  fileName: string
  rowKey: (row: Row) => string
  onRowClick?: (row: Row) => void
  chartHeight?: number
}

// Being built (issue 11): ECharts beside the table, copy to Excel/WPS, save as PNG.
export function ChartPanel<Row>({ title, rows, columns, rowKey, onRowClick }: ChartPanelProps<Row>) {
  return (
    <section className="chart-panel">
      <h3>{title}</h3>
      <table className="table">
        <thead>
          <tr>{columns.map((c) => <th key={c.key} className={c.numeric ? 'num' : undefined}>{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} onClick={onRowClick ? () => onRowClick(row) : undefined}>
              {columns.map((c) => <td key={c.key} className={c.numeric ? 'num' : undefined}>{c.format ? c.format(row) : c.value(row)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
