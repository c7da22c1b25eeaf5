import { describe, expect, it } from 'vitest'
import { changeSentence, floorText, formatValue, groupChanges, groupDetails, groupHeadline } from '../../src/shared/changeText'
import type { ChangeEntry } from '../../src/shared/history'

// The change log in Chinese words: vocabulary codes, areas, money, ids named, one sentence per field.

let seq = 0
const entry = (over: Partial<ChangeEntry>): ChangeEntry => ({
  seq: ++seq, hlc: 'h1', deviceId: 'd', actor: '张三', tableName: 'spaces', rowId: 'space-1', op: 'update',
  field: 'status', oldValue: 'vacant', newValue: 'leased', at: new Date(2026, 10, 30, 14, 2, 31).toISOString(),
  rowLabel: '财富中心 12层 1201', refs: {}, ...over,
})

describe('change sentences', () => {
  it('says who changed which field of which row from what to what, at the local minute', () => {
    expect(changeSentence(entry({}))).toBe('张三 于 2026-11-30 14:02 将 财富中心 12层 1201 的 状态 由 空置 改为 已租')
  })

  it('sets, clears, creates, deletes and restores in words', () => {
    expect(changeSentence(entry({ field: 'askingRent', oldValue: null, newValue: 3.5 }))).toContain('将 财富中心 12层 1201 的 报价租金 设为 3.5 元/m²·天')
    expect(changeSentence(entry({ field: 'unit', oldValue: '1201', newValue: null }))).toContain('清空了 财富中心 12层 1201 的 单元（原为 1201）')
    expect(changeSentence(entry({ op: 'delete', field: 'deletedAt' }))).toContain('删除了空间 财富中心 12层 1201')
    expect(changeSentence(entry({ op: 'restore', field: 'deletedAt' }))).toContain('恢复了空间 财富中心 12层 1201')
    expect(changeSentence(entry({ op: 'insert', field: 'area', oldValue: null, newValue: 12_500 }))).toContain('新增空间 财富中心 12层 1201，面积 为 1.25万 m²')
  })

  it('names a row that is gone by its kind and short id', () => {
    expect(changeSentence(entry({ rowLabel: null, rowId: 'abcdef12-3456', op: 'delete' }))).toContain('删除了空间 #abcdef12')
    expect(changeSentence(entry({ rowLabel: null, rowId: 'abcdef12-3456' }))).toContain('将 空间 abcdef12 的 状态')
  })

  it('reads values as people read them', () => {
    expect(formatValue('buildings', 'grade', 'super_a')).toBe('超甲级')
    expect(formatValue('parcels', 'landUse', 'm0')).toBe('新型产业用地(M0)')
    expect(formatValue('tenants', 'aboveScale', 1)).toBe('是')
    expect(formatValue('spaces', 'divisible', 0)).toBe('否')
    expect(formatValue('parks', 'plannedInvestment', 2e9)).toBe('20亿元')
    expect(formatValue('parcels', 'area', 66_667)).toBe('6.67万 m²（100.00 亩）')
    expect(formatValue('parcels', 'greenRatio', 0.35)).toBe('35.0%')
    expect(formatValue('leases', 'tenantId', 't1', { t1: '沈阳数智科技有限公司' })).toBe('沈阳数智科技有限公司')
    expect(formatValue('leases', 'spaceIds', ['s1', 's2', 's3'], { s1: '财富中心 12层', s2: '财富中心 13层' })).toBe('财富中心 12层、财富中心 13层、（已不存在）')
    expect(formatValue('visits', 'sites', [{ kind: 'building', id: 'b1' }], { b1: '财富中心' })).toBe('财富中心')
    expect(formatValue('parcels', 'boundary', '{"type":"Polygon"}')).toBe('（已设定）')
    expect(formatValue('spaces', 'floorLabel', 'B1')).toBe('B1层')
    expect(formatValue('buildings', 'notes', '长'.repeat(80))).toBe(`${'长'.repeat(60)}…`)
    expect(formatValue('buildings', 'notes', '')).toBe('空')
  })

  it('reads floor labels: numbers and runs get 层, names stay', () => {
    expect(['12', 'B2', '23-25', 'B1-3', '裙楼'].map(floorText)).toEqual(['12层', 'B2层', '23-25层', 'B1-3层', '裙楼'])
  })
})

describe('grouping the fields of one write', () => {
  it('puts an insert together in the form order, leaves derived fields out, and tells updates apart', () => {
    const list = [
      entry({ seq: 14, hlc: 'h3', tableName: 'photos', rowId: 'p1', field: 'sortOrder', oldValue: 1, newValue: 0 }),
      entry({ seq: 13, hlc: 'h2', field: 'status', oldValue: 'leased', newValue: 'vacant' }),
      entry({ seq: 12, hlc: 'h2', field: 'area', oldValue: 100, newValue: 120 }),
      entry({ seq: 11, hlc: 'h1', op: 'insert', field: 'floorSort', oldValue: null, newValue: 12 }),
      entry({ seq: 10, hlc: 'h1', op: 'insert', field: 'area', oldValue: null, newValue: 100 }),
      entry({ seq: 9, hlc: 'h1', op: 'insert', field: 'floorLabel', oldValue: null, newValue: '12' }),
    ]
    const groups = groupChanges(list)
    expect(groups.map((g) => [g.op, g.changes.map((c) => c.field)])).toEqual([
      ['update', ['area', 'status']],
      ['insert', ['floorLabel', 'area']],
    ])
    expect(groupHeadline(groups[0]!)).toBe('修改了 财富中心 12层 1201 的 2 项')
    expect(groupDetails(groups[0]!)).toEqual(['面积：100 m² → 120 m²', '状态：已租 → 空置'])
    expect(groupHeadline(groups[1]!)).toBe('新增了空间 财富中心 12层 1201')
    expect(groupDetails(groups[1]!)).toEqual(['楼层：12层', '面积：100 m²'])
  })
})
