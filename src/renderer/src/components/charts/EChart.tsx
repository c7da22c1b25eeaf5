import type { EChartsOption } from 'echarts'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { type EChartsType, init, use as register } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// The one place ECharts is imported: only the charts and components the statistics tabs draw,
// on canvas. This module is its own chunk (ChartPanel loads it lazily), so nothing else pays for it.
register([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer])

export interface EChartProps {
  option: EChartsOption
  height: number
  /** The live chart (null once it is gone), for saving it as an image. */
  onInstance?: (chart: EChartsType | null) => void
  /** A click on a bar, point or slice: its index in the series' data. */
  onItemClick?: (dataIndex: number) => void
}

export default function EChart({ option, height, onInstance, onItemClick }: EChartProps) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<EChartsType | null>(null)
  // The latest handlers, read by listeners bound once.
  const handlers = useRef({ onInstance, onItemClick })
  handlers.current = { onInstance, onItemClick }

  useEffect(() => {
    const el = box.current!
    const instance = init(el, undefined, { renderer: 'canvas' })
    chart.current = instance
    instance.on('click', (params) => {
      if (typeof params.dataIndex === 'number') handlers.current.onItemClick?.(params.dataIndex)
    })
    // The chart follows its box: the window, a side panel folding, the table beside it growing.
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(el)
    handlers.current.onInstance?.(instance)
    return () => {
      observer.disconnect()
      handlers.current.onInstance?.(null)
      instance.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  return <div ref={box} className="echart" style={{ height }} data-chart-ready="true" />
}
