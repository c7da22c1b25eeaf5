import { describe, expect, it } from 'vitest'
import { dataRows, detectHeaderRow, headerTexts, isBlankRow, isNotesRow, isTotalsRow } from '../../src/main/services/imports/layout'
import type { Cell } from '../../src/main/services/imports/table'

const KNOWN = new Set(['楼宇名称', '地址', '总建筑面积(㎡)', '可租面积', '空置面积', '租金', '地块编号', '用地面积'])
const isKnown = (text: string) => KNOWN.has(text)
const TITLE = '沈阳市和平区商务楼宇资源统计表'

// A sheet as a bureau keeps it: title merged across (a merge fills every cell with its text),
// a "填报单位" line, a blank row, the header, data with a blank row, a subtotal, the header again
// for the second printed page, a total and a note.
function bureauSheet(): Cell[][] {
  return [
    [TITLE, TITLE, TITLE, TITLE],
    ['填报单位：和平区投资促进局', null, null, '填报日期：2024年3月'],
    [null, null, null, null],
    ['序号', '楼宇名称', '总建筑\n面积（㎡）', '空置面积'],
    [1, '华润大厦', 52000, '3,000'],
    [null, '', '\u3000', null],
    [2, '恒隆广场', 88000, 1200],
    ['小计', null, 140000, 4200],
    ['序号', '楼宇名称', '总建筑面积（㎡）', '空置面积'],
    [3, '市府恒隆', 60000, 0],
    ['总\u3000计', null, 200000, 4200],
    ['注：面积单位为平方米', null, null, null],
  ]
}

describe('rows that are not data', () => {
  it('knows blank rows', () => {
    expect(isBlankRow([])).toBe(true)
    expect(isBlankRow([null, '', ' ', '\u3000', '\u200B'])).toBe(true)
    expect(isBlankRow([null, 0])).toBe(false)
    expect(isBlankRow([false])).toBe(false)
  })

  it('knows totals rows in the first three cells, full-width spaces and all', () => {
    expect(isTotalsRow(['合计', null, 100])).toBe(true)
    expect(isTotalsRow([null, '小计', 100])).toBe(true)
    expect(isTotalsRow([null, null, '总计：', 100])).toBe(true)
    expect(isTotalsRow(['总\u3000计', 5])).toBe(true)
    expect(isTotalsRow(['总 计'])).toBe(true)
    expect(isTotalsRow(['共计（3栋）'])).toBe(true)
    expect(isTotalsRow(['Total', 5])).toBe(true)
    expect(isTotalsRow(['ＴＯＴＡＬ'])).toBe(true)
    expect(isTotalsRow([null, null, null, '合计'])).toBe(false)
    expect(isTotalsRow([1, '合计大厦', 100])).toBe(false)
    expect(isTotalsRow([1, '总计划局', 100])).toBe(false)
  })

  it('knows notes lines', () => {
    expect(isNotesRow(['注：面积单位为平方米'])).toBe(true)
    expect(isNotesRow([null, '备注: 数据截至3月底', null])).toBe(true)
    expect(isNotesRow(['填报单位：和平区投资促进局', null, '填报日期：2024年3月'])).toBe(true)
    expect(isNotesRow(['注：', '华润大厦'])).toBe(false)
    expect(isNotesRow(['注册资本'])).toBe(false)
  })
})

describe('headerTexts', () => {
  it('normalises header cells and removes the line breaks inside them', () => {
    expect(headerTexts(['总建筑\n面积（㎡）', ' 楼宇名称 ', null, '租金\r\n(元/㎡·天)', 2024])).toEqual([
      '总建筑面积(㎡)',
      '楼宇名称',
      '',
      '租金(元/㎡·天)',
      '2024',
    ])
  })
})

describe('detectHeaderRow', () => {
  it('skips the title, the notes line and blank rows and finds the row of known headers', () => {
    expect(detectHeaderRow(bureauSheet(), isKnown)).toBe(3)
  })

  it('prefers the row with the most known headers', () => {
    const rows: Cell[][] = [
      ['基本信息', '基本信息', '面积', '面积'],
      ['序号', '楼宇名称', '可租面积', '空置面积'],
      [1, '华润大厦', 100, 20],
    ]
    expect(detectHeaderRow(rows, isKnown)).toBe(1)
    // A group row that happens to hold one known header loses to the row holding three.
    rows[0]![1] = '楼宇名称'
    expect(detectHeaderRow(rows, isKnown)).toBe(1)
  })

  it('falls back to the first row of at least two text cells with data below', () => {
    const rows: Cell[][] = [
      ['某某表'],
      [],
      ['名字', '备用列', '其他'],
      ['甲', 1, 2],
    ]
    expect(detectHeaderRow(rows, () => false)).toBe(2)
    // Without a single known header the bureau sheet still finds its header below the notes line.
    expect(detectHeaderRow(bureauSheet(), () => false)).toBe(3)
    // A row of figures is not a header.
    expect(detectHeaderRow([[1, 2, 3], ['名字', '数量'], ['甲', 1]], () => false)).toBe(1)
  })

  it('answers the first filled row when nothing looks like a header, and 0 for an empty sheet', () => {
    expect(detectHeaderRow([[], ['单独一格'], []], () => false)).toBe(1)
    expect(detectHeaderRow([], () => false)).toBe(0)
  })
})

describe('dataRows', () => {
  it('gives the data rows with their spreadsheet numbers, leaving out blank, totals, repeated header and notes rows', () => {
    const rows = bureauSheet()
    const data = dataRows(rows, 3)
    expect(data.map((r) => r.rowNumber)).toEqual([5, 7, 10])
    expect(data.map((r) => r.cells[1])).toEqual(['华润大厦', '恒隆广场', '市府恒隆'])
    expect(data[0]!.cells).toBe(rows[4])
  })

  it('keeps a row that only shares one cell with the header', () => {
    const rows: Cell[][] = [
      ['楼宇名称', '地址'],
      ['楼宇名称', '青年大街1号'],
    ]
    expect(dataRows(rows, 0).map((r) => r.rowNumber)).toEqual([2])
  })

  it('answers nothing below a header on the last row', () => {
    expect(dataRows([['楼宇名称', '地址']], 0)).toEqual([])
  })
})
