import { describe, expect, it } from 'vitest'
import { copyCell, type CopyColumn, tableToHtml, tableToTsv } from '../../src/renderer/src/components/charts/tableText'

interface Row { name: string; area: number; rate: number | null }
const columns: Array<CopyColumn<Row>> = [
  { label: '区县', value: (r) => r.name },
  { label: '可租面积', value: (r) => r.area },
  { label: '空置率', value: (r) => r.rate, rate: true },
  { label: '', value: () => null, copy: false },
]
const rows: Row[] = [
  { name: '沈河区', area: 125_000.5, rate: 0.125 },
  { name: '和平\t区', area: 0.1 + 0.2, rate: null },
]
const total: Row = { name: '合计', area: 125_000.8, rate: 0.1 }

describe("a chart's table on the clipboard", () => {
  it('copies raw numbers and rates as percentages', () => {
    expect(copyCell(columns[1]!, rows[0]!)).toBe('125000.5')
    expect(copyCell(columns[1]!, rows[1]!)).toBe('0.3')
    expect(copyCell(columns[2]!, rows[0]!)).toBe('12.5%')
    expect(copyCell(columns[2]!, rows[1]!)).toBe('')
  })

  it('writes TSV with the header, every row and the total, leaving out uncopied columns', () => {
    expect(tableToTsv(columns, rows, total)).toBe('区县\t可租面积\t空置率\r\n沈河区\t125000.5\t12.5%\r\n和平 区\t0.3\t\r\n合计\t125000.8\t10%\r\n')
  })

  it('writes the same table as escaped HTML', () => {
    const html = tableToHtml('分区县 <统计>', columns, [rows[0]!])
    expect(html).toContain('<caption>分区县 &lt;统计&gt;</caption>')
    expect(html).toContain('<tr><th>区县</th><th>可租面积</th><th>空置率</th></tr>')
    expect(html).toContain('<tr><td>沈河区</td><td>125000.5</td><td>12.5%</td></tr>')
  })
})
