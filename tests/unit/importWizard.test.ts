import { describe, expect, it } from 'vitest'
import type { ImportFieldInfo, ImportSheetInfo } from '../../src/shared/imports'
import { duplicateTargets, effectiveMapping, mappingInput, missingRequired } from '../../src/renderer/src/features/imports/mappingRules'
import { fileRejected, problemRows, rejectedRowCount } from '../../src/renderer/src/features/imports/problemRows'

// The wizard's own rules: which field each column goes into once the person changed some, what
// blocks the dry run, and how the dry run's problems are listed.

const buildingFields: ImportFieldInfo[] = [
  { key: 'name', label: '楼宇名称', required: true },
  { key: 'districtCode', label: '所属区县', required: true },
  { key: 'address', label: '地址', required: false },
  { key: 'totalArea', label: '总建筑面积', required: false },
]

const sheet: ImportSheetInfo = {
  name: 'Sheet1',
  rows: 3,
  headerRow: 2,
  columns: [
    { index: 0, header: '项目名称', field: 'name' },
    { index: 1, header: '位置', field: null },
    { index: 2, header: '建筑面积', field: 'totalArea' },
    { index: 3, header: '用地性质', field: 'landUse' },
  ],
  sample: [['华府大厦', '青年大街1号', '5万平方米', 'M0']],
  suggestedKind: 'buildings',
  suggestedCrs: null,
}

describe('the column mapping', () => {
  it('keeps the suggestions the chosen kind has, and the person’s choices over them', () => {
    const mapping = effectiveMapping(sheet, buildingFields, { 1: 'address', 2: null })
    // landUse is no building field: the suggestion made for another kind is dropped.
    expect([...mapping]).toEqual([[0, 'name'], [1, 'address'], [2, null], [3, null]])
    expect(mappingInput(mapping)).toEqual({ '0': 'name', '1': 'address', '2': null, '3': null })
  })

  it('takes a header that is a field’s label word for word when the importer suggested nothing', () => {
    const bare: ImportSheetInfo = { ...sheet, columns: sheet.columns.map((c, i) => ({ ...c, header: i === 1 ? ' 地址 ' : c.header, field: null })) }
    expect([...effectiveMapping(bare, buildingFields, {})]).toEqual([[0, null], [1, 'address'], [2, null], [3, null]])
    // The person's “do not import” stands.
    expect(effectiveMapping(bare, buildingFields, { 1: null }).get(1)).toBeNull()
  })

  it('flags required fields nobody maps and fields mapped twice', () => {
    const none = effectiveMapping(sheet, buildingFields, { 0: null })
    expect(missingRequired(buildingFields, none).map((f) => f.label)).toEqual(['楼宇名称', '所属区县'])
    // A default district gives every row its district.
    expect(missingRequired(buildingFields, none, true).map((f) => f.label)).toEqual(['楼宇名称'])
    const twice = effectiveMapping(sheet, buildingFields, { 1: 'name', 3: 'districtCode' })
    expect(missingRequired(buildingFields, twice)).toEqual([])
    expect(duplicateTargets(buildingFields, twice).map((f) => f.key)).toEqual(['name'])
  })
})

describe('the dry run’s problems', () => {
  const preview = {
    rejected: [
      { row: 7, column: '可租面积', message: '可租面积：不能为负数' },
      { row: 4, column: '楼宇名称', message: '楼宇名称：像是表格公式' },
      { row: 7, column: '经度', message: '经度：不在中国境内' },
    ],
    warnings: [{ row: 4, column: '租金', message: '租金：按元/㎡·天读取' }],
  }

  it('lists them by row, errors before notes, the row number once per group', () => {
    const rows = problemRows(preview)
    expect(rows.map((r) => [r.row, r.level, r.first])).toEqual([
      [4, 'error', true], [4, 'warning', false], [7, 'error', true], [7, 'error', false],
    ])
    expect(rows[2]!.message).toBe('可租面积：不能为负数')
    expect(problemRows(preview, 'warning').map((r) => r.row)).toEqual([4])
  })

  it('counts rejected rows, not problems, and knows a problem of the whole file', () => {
    expect(rejectedRowCount(preview)).toBe(2)
    expect(fileRejected(preview)).toBe(false)
    expect(fileRejected({ rejected: [{ row: 0, column: null, message: '文件：无法读取' }] })).toBe(true)
  })
})
