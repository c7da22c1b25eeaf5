import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { search } from '../../src/main/store/search'
import { searchTenants } from '../../src/main/store/tenantSearch'
import type { ApiError } from '../../src/shared/result'
import { openTestApp, type TestApp } from '../helpers/store'

// The probes of issue 12 that hostile input got through: each answered wrongly before the text,
// date and area rules (shared/text.ts, schemas/common.ts) and now is refused in words.

const refusal = (result: { ok: boolean; error?: ApiError }): ApiError => {
  expect(result.ok).toBe(false)
  return (result as { error: ApiError }).error
}

describe('hostile input probes', () => {
  let app: TestApp
  let buildingId: string

  beforeAll(async () => {
    app = await openTestApp()
    buildingId = (await app.ok('buildings.create', { name: '华润大厦', districtCode: '210103' })).id
    await app.ok('buildings.create', { name: '中海国际', districtCode: '210103' })
    await app.ok('tenants.create', { name: '沈阳中海科技有限公司' })
    await app.ok('tenants.create', { name: '辽宁金廊商贸有限公司' })
  })
  afterAll(async () => {
    await app.services.shutdown()
    await app.close()
  })

  it('refuses a NUL in a search of three or more characters (was "internal: unterminated string")', async () => {
    for (const q of ['华润\u0000大厦', 'abc\u0000']) {
      const error = refusal(await app.call('search.query', { q }))
      expect(error.code).toBe('invalid')
      expect(error.message).toMatch(/^搜索词：不能包含控制字符（第 \d+ 个字）$/)
      expect(refusal(await app.call('tenants.search', { q })).code).toBe('invalid')
      expect(refusal(await app.call('tenants.overview', { q })).code).toBe('invalid')
    }
  })

  it('refuses a single NUL (matched every row) in every text query', async () => {
    expect(refusal(await app.call('search.query', { q: '\u0000' })).message).toBe('搜索词：不能包含控制字符（第 1 个字）')
    expect(refusal(await app.call('tenants.search', { q: '\u0000' })).message).toBe('搜索：不能包含控制字符（第 1 个字）')
    expect(refusal(await app.call('buildings.list', { q: '\u0000' })).code).toBe('invalid')
    expect(refusal(await app.call('tenants.list', { q: '\u0000' })).code).toBe('invalid')
    expect(refusal(await app.call('visits.list', { q: '\u0000' })).code).toBe('invalid')
    expect(refusal(await app.call('trash.list', { q: '\u0000' })).code).toBe('invalid')
  })

  it('finds nothing for such a query when a caller skips the schema (the store answers no hits, never every row)', async () => {
    for (const q of ['\u0000', '华\u0000', '华润\u0000大厦', '\u202E华润']) {
      expect(await search(app.store.db, q, 50)).toEqual([])
      expect(await searchTenants(app.store.db, q, 50)).toEqual([])
    }
    // The ordinary query still finds what it should.
    expect((await search(app.store.db, '华润', 50)).map((h) => h.name)).toEqual(['华润大厦'])
  })

  it('refuses names holding NUL, BEL, CR/LF, a right-to-left override or a lone surrogate, naming the field and the place', async () => {
    const cases: Array<[string, string]> = [
      ['华润\u0000大厦', '楼宇名称：不能包含控制字符（第 3 个字）'],
      ['华润大厦\u0007', '楼宇名称：不能包含控制字符（第 5 个字）'],
      ['华润\r\n大厦', '楼宇名称：不能换行（第 3 个字）'],
      ['华润\n大厦', '楼宇名称：不能换行（第 3 个字）'],
      ['\u202Excod.exe', '楼宇名称：不能包含文字方向控制符（第 1 个字）'],
      ['华润\u2066大厦', '楼宇名称：不能包含文字方向控制符（第 3 个字）'],
      ['华润\uD800大厦', '楼宇名称：含有无效的字符编码（第 3 个字）'],
      ['\uDC00华润', '楼宇名称：含有无效的字符编码（第 1 个字）'],
      ['😀\u001B[31m', '楼宇名称：不能包含控制字符（第 2 个字）'],
    ]
    for (const [name, message] of cases) {
      const error = refusal(await app.call('buildings.create', { name, districtCode: '210103' }))
      expect({ name, code: error.code, message: error.message, field: error.field }).toEqual({ name, code: 'invalid', message, field: 'name' })
    }
    expect(refusal(await app.call('tenants.create', { name: '中海\u0085科技' })).message).toBe('企业名称：不能包含控制字符（第 3 个字）')
    expect(refusal(await app.call('buildings.update', { id: buildingId, address: '青年大街\u007F1号' })).message).toBe('地址：不能包含控制字符（第 5 个字）')
    const stored = (await app.ok('buildings.get', { id: buildingId })).building
    expect(stored.name).toBe('华润大厦')
    expect(stored.address).toBeNull()
  })

  it('keeps line breaks in multi-line notes (CRLF as LF), stores every text in NFC without invisible characters at the ends', async () => {
    const id = (await app.ok('buildings.create', {
      name: '\u200B\uFEFFCafe\u0301 大厦\u200D ',
      districtCode: '210103',
      notes: '第一行\r\n第二行\n\t缩进',
    })).id
    const { building } = await app.ok('buildings.get', { id })
    expect(building.name).toBe('Café 大厦')
    expect(building.name).toBe(building.name.normalize('NFC'))
    expect(building.notes).toBe('第一行\n第二行\n\t缩进')
    // NFC typed the other way finds it.
    expect((await app.ok('search.query', { q: 'Cafe\u0301' })).map((h) => h.name)).toEqual(['Café 大厦'])
    expect(refusal(await app.call('buildings.update', { id, notes: '纪要\u0000' })).message).toBe('备注：不能包含控制字符（第 3 个字）')
  })

  it('refuses dates 0000-01-01 and 9999-12-31 and takes 1900-01-01 … 2100-12-31', async () => {
    const tenantId = (await app.ok('tenants.create', { name: '日期测试企业' })).id
    const spaceId = (await app.ok('spaces.create', { buildingId, floorLabel: '5', unit: '501', area: 120, status: 'vacant' })).id
    for (const [startDate, endDate] of [['0000-01-01', '2026-01-01'], ['2025-01-01', '9999-12-31'], ['1899-12-31', '2026-01-01'], ['2025-01-01', '2101-01-01']]) {
      const error = refusal(await app.call('leases.create', { tenantId, spaceIds: [spaceId], startDate, endDate }))
      expect(error.code).toBe('invalid')
      expect(error.message).toMatch(/^(起租日期|到期日期)：应在 1900-01-01 至 2100-12-31 之间$/)
    }
    expect(refusal(await app.call('visits.create', { company: '某企业', date: '0000-01-01' })).message).toBe('接洽日期：应在 1900-01-01 至 2100-12-31 之间')
    expect(refusal(await app.call('tenancy.asOf', { scope: 'building', id: buildingId, date: '9999-12-31' })).code).toBe('invalid')
    expect(refusal(await app.call('stats.watch', { since: '0000-01-01' })).code).toBe('invalid')
    await app.ok('leases.create', { tenantId, spaceIds: [spaceId], startDate: '1900-01-01', endDate: '2100-12-31' })
  })

  it('refuses an area of 5e-324 and anything under 1 m², and non-finite numbers', async () => {
    for (const area of [5e-324, 0.5, 0.999]) {
      const error = refusal(await app.call('spaces.create', { buildingId, floorLabel: '6', area, status: 'vacant' }))
      expect(error.message).toBe('面积：不能小于 1 m²')
    }
    for (const area of [0, -0, -10]) {
      expect(refusal(await app.call('spaces.create', { buildingId, floorLabel: '6', area, status: 'vacant' })).message).toBe('面积：应大于 0')
    }
    expect(refusal(await app.call('parcels.create', { code: 'A-1', name: '地块', districtCode: '210103', landUse: 'industrial', status: 'reserve', area: 5e-324 })).message).toBe('用地面积：不能小于 1 m²')
    expect(refusal(await app.call('buildings.update', { id: buildingId, totalArea: 5e-324 })).message).toBe('总建筑面积：不能小于 1 m²')
    expect(refusal(await app.call('buildings.update', { id: buildingId, landArea: 5e-324 })).message).toBe('占地面积：不能小于 1 m²')
    for (const area of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(refusal(await app.call('spaces.create', { buildingId, floorLabel: '6', area, status: 'vacant' })).code).toBe('invalid')
    }
    await app.ok('spaces.create', { buildingId, floorLabel: '6', unit: '储藏间', area: 1, status: 'vacant' })
  })
})
