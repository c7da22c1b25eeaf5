import { describe, expect, it } from 'vitest'
import { buildingCreate } from '../../src/shared/schemas/buildings'
import { parkCreate } from '../../src/shared/schemas/parks'
import { isoDate } from '../../src/shared/schemas/common'
import { DATE_PATTERN, dateFieldValue, isoDateOf } from '../../src/renderer/src/lib/dateText'

// The form rules a new user meets first: an empty 区县, dates typed the way they are written here.

const messageOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }, field: string) =>
  result.error?.issues.filter((i) => i.path[0] === field).map((i) => i.message)

describe('district left empty', () => {
  it('asks to choose a district rather than quoting GB/T 2260', () => {
    expect(messageOf(buildingCreate.safeParse({ name: '茂业中心', districtCode: '' }), 'districtCode')).toEqual(['所属区县：请选择区县'])
    expect(messageOf(buildingCreate.safeParse({ name: '茂业中心' }), 'districtCode')).toEqual(['所属区县：请选择区县'])
    expect(messageOf(parkCreate.safeParse({ name: '园', districtCode: '' }), 'districtCode')).toEqual(['所属区县：请选择区县'])
    // A code that is there but malformed still says what a code looks like.
    expect(messageOf(buildingCreate.safeParse({ name: '茂业中心', districtCode: '2101' }), 'districtCode')).toEqual(['所属区县：应为 6 位行政区划代码（GB/T 2260）'])
  })
})

describe('dates typed in 年-月-日 order', () => {
  it('reads the ways a date is written year first', () => {
    for (const text of ['2025-06-01', '2025-6-1', '2025/6/1', '2025.06.01', '2025年6月1日', ' 20250601 ']) expect(isoDateOf(text), text).toBe('2025-06-01')
  })
  it('refuses partial, impossible and day-first dates', () => {
    for (const text of ['', '2025-6', '2025-02-30', '01/06/2025', '6/1/2025', 'abc', '2025-13-01']) expect(isoDateOf(text), text).toBeNull()
  })
  it('gives the field a pattern browsers accept (v flag) that takes the same shapes', () => {
    const pattern = new RegExp(`^(?:${DATE_PATTERN})$`, 'v')
    for (const text of ['2025-06-01', '2025-6-1', '2025/6/1', '2025.06.01', '2025年6月1日', ' 20250601 ']) expect(pattern.test(text), text).toBe(true)
    for (const text of ['2025-6', '01/06/2025', 'abc']) expect(pattern.test(text), text).toBe(false)
  })
  it('hands the form an ISO date, or the text for the form’s check to name', () => {
    expect(dateFieldValue('2024年2月29日')).toBe('2024-02-29')
    expect(dateFieldValue('6/1/2025')).toBe('6/1/2025')
    expect(isoDate('接洽日期').safeParse('6/1/2025').error?.issues[0]?.message).toBe('接洽日期：日期应按 年-月-日 填写，如 2025-06-01')
  })
})
