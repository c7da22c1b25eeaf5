import { describe, expect, it } from 'vitest'
import { barByGroup, formatValue, lineOverMonths, pie, stackedBarWithRate } from '../../src/renderer/src/components/charts/options'

// The option objects handed to ECharts: checked as data, the library is not loaded here.
type Any = Record<string, any>

describe('chart options', () => {
  it('formats tooltip values the Chinese way per kind', () => {
    expect(formatValue(52_000, 'area', 'zh')).toBe('5.2万 m²')
    expect(formatValue(320_000_000, 'money', 'zh')).toBe('3.2亿元')
    expect(formatValue(350, 'wanYuan', 'zh')).toBe('350万元')
    expect(formatValue(0.125, 'rate', 'zh')).toBe('12.5%')
    expect(formatValue(120.5, 'mu', 'zh')).toBe('120.50 亩')
    expect(formatValue(null, 'area', 'zh')).toBe('—')
  })

  it('draws bars by group with 万 on the axis and each series formatted in the tooltip', () => {
    const option = barByGroup(['沈河区', '浑南区'], [{ name: '空置面积', data: [52_000, 8_000], kind: 'area' }], 'zh') as Any
    expect(option.xAxis.data).toEqual(['沈河区', '浑南区'])
    expect(option.yAxis.name).toBe('m²')
    expect(option.yAxis.axisLabel.formatter(50_000)).toBe('5万')
    expect(option.series[0].tooltip.valueFormatter(52_000)).toBe('5.2万 m²')
    expect(option.legend).toBeUndefined()
    expect(option.dataZoom).toBeUndefined()
  })

  it('stacks areas and puts a rate on a second axis, scrolling past twenty groups', () => {
    const names = Array.from({ length: 25 }, (_, i) => `楼宇${i}`)
    const option = stackedBarWithRate(
      names,
      [{ name: '空置', data: names.map(() => 1), kind: 'area' }, { name: '已租', data: names.map(() => 2), kind: 'area' }],
      { name: '空置率', data: names.map(() => 0.3), kind: 'rate' },
      'zh',
    ) as Any
    expect(option.series.map((s: Any) => [s.type, s.stack, s.yAxisIndex])).toEqual([['bar', 'total', undefined], ['bar', 'total', undefined], ['line', undefined, 1]])
    expect(option.yAxis[1].axisLabel.formatter(0.25)).toBe('25%')
    expect(option.series[2].tooltip.valueFormatter(0.3)).toBe('30.0%')
    expect(option.dataZoom[0].end).toBe(80)
    expect(option.grid.bottom).toBeGreaterThan(8)
  })

  it('draws months as lines, rates on the right when amounts share the chart', () => {
    const option = lineOverMonths(['2026-01', '2026-02'], [
      { name: '空置面积', data: [1, 2], kind: 'area' },
      { name: '空置率', data: [0.1, 0.2], kind: 'rate' },
    ], 'zh') as Any
    expect(option.yAxis).toHaveLength(2)
    expect(option.series.map((s: Any) => s.yAxisIndex)).toEqual([0, 1])
  })

  it("gives a pie slice's value and share, escaping names from the store", () => {
    const option = pie([{ name: '<b>工业</b>', value: 66_667 }], 'area', 'zh') as Any
    expect(option.tooltip.formatter({ name: '<b>工业</b>', value: 66_667, percent: 40 })).toBe('&lt;b&gt;工业&lt;/b&gt;<br/>6.67万 m²（40.0%）')
  })
})
