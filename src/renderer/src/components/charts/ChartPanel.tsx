import type { EChartsOption } from 'echarts'
import type { EChartsType } from 'echarts/core'
import { lazy, type ReactNode, Suspense, useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import './charts.css'
import { copyTable, savePng } from './exportChart'

/** One column of a chart's table: the raw value (what Excel gets) and how it reads on screen. */
export interface ChartColumn<Row> {
  key: string
  label: string
  value: (row: Row) => string | number | null
  /** Screen text of the value (万/亿, m², 亩, %); the raw value is shown when absent. */
  format?: (row: Row) => ReactNode
  numeric?: boolean
  /** A 0..1 share: copied to the clipboard as "12.5%". */
  rate?: boolean
  /** false = shown but not copied (links, buttons). */
  copy?: boolean
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
  /** A row clicked, or its bar/point (the option's data index i is rows[i]). */
  onRowClick?: (row: Row) => void
  chartHeight?: number
  /** Under the title: what the figures cover, how they were counted. */
  note?: ReactNode
}

// ECharts is a chunk of its own, fetched when the first chart shows (never for the map).
const EChart = lazy(() => import('./EChart'))

/** A chart with its table beside it (below it when the table is wide), copyable and savable. */
export function ChartPanel<Row>({ title, option, rows, columns, total, fileName, rowKey, onRowClick, chartHeight = 320, note }: ChartPanelProps<Row>) {
  const { t } = useTranslation('stats')
  const chart = useRef<EChartsType | null>(null)
  const [chartShown, setChartShown] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const onInstance = useCallback((instance: EChartsType | null) => {
    chart.current = instance
    setChartShown(instance !== null)
  }, [])
  const onItemClick = useCallback((index: number) => {
    const row = rows[index]
    if (row && onRowClick) onRowClick(row)
  }, [rows, onRowClick])

  const copy = async () => {
    const ok = await copyTable(title, columns, rows, total)
    setStatus(ok ? t('chart.copied') : t('chart.copyFailed'))
  }
  const save = () => {
    if (chart.current) savePng(chart.current, fileName)
  }
  // A table of many columns needs the panel's width: the chart goes above it.
  const wide = columns.length > 5
  const cell = (row: Row, c: ChartColumn<Row>) => (c.format ? c.format(row) : c.value(row))

  return (
    <section className={wide ? 'chart-panel chart-panel--stacked' : 'chart-panel'} aria-label={title}>
      <header className="chart-panel__head">
        <h3>{title}</h3>
        {note ? <div className="chart-panel__note muted">{note}</div> : null}
        <div className="chart-panel__actions">
          {status ? <span className="chart-panel__status muted" role="status">{status}</span> : null}
          <button type="button" onClick={() => void copy()} disabled={rows.length === 0}>{t('chart.copy')}</button>
          {option ? <button type="button" onClick={save} disabled={!chartShown}>{t('chart.savePng')}</button> : null}
        </div>
      </header>
      <div className="chart-panel__body">
        {option ? (
          <div className="chart-panel__chart">
            <Suspense fallback={<div className="echart echart--loading" style={{ height: chartHeight }} />}>
              <EChart option={option} height={chartHeight} onInstance={onInstance} onItemClick={onRowClick ? onItemClick : undefined} />
            </Suspense>
          </div>
        ) : null}
        <div className="chart-panel__table">
          <table className="table" aria-label={t('chart.table')}>
            <thead>
              <tr>{columns.map((c) => <th key={c.key} className={c.numeric ? 'num' : undefined}>{c.label}</th>)}</tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={rowKey(row)}
                  data-row-key={rowKey(row)}
                  className={onRowClick ? 'is-clickable' : undefined}
                  onClick={onRowClick ? () => onRowClick(row) : undefined}
                  // Reachable from the keyboard too: Tab to a row, Enter opens it.
                  tabIndex={onRowClick ? 0 : undefined}
                  onKeyDown={onRowClick ? (event) => { if (event.key === 'Enter' && event.target === event.currentTarget) onRowClick(row) } : undefined}
                >
                  {columns.map((c) => <td key={c.key} className={c.numeric ? 'num' : undefined}>{cell(row, c)}</td>)}
                </tr>
              ))}
            </tbody>
            {total ? (
              <tfoot>
                <tr className="chart-panel__total">
                  {columns.map((c) => <td key={c.key} className={c.numeric ? 'num' : undefined}>{cell(total, c)}</td>)}
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      </div>
    </section>
  )
}
