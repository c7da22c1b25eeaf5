import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadDemoData } from '../../src/main/services/demo/load'
import { today } from '../../src/main/store/leases'
import { insertRow, softDeleteRow, write } from '../../src/main/store/writer'
import { addDays } from '../../src/shared/tenancy'
import { changeText } from '../../src/shared/changeText'
import type { TargetRow } from '../../src/shared/stats'
import { openTestApp, type TestApp } from '../helpers/store'

// Annual targets on a hand-made store: each computed kind against leases, tenants and parcel status
// changes worked out by hand, entered months, completion and validation. The parcels' changes are
// written at the times they happened (the clock is moved, only Date is faked).

const YEAR = 2025

describe('annual targets', () => {
  let app: TestApp
  const at = async <T>(iso: string, work: () => Promise<T>): Promise<T> => {
    vi.setSystemTime(new Date(iso))
    try {
      return await work()
    } finally {
      vi.setSystemTime(new Date('2025-12-20T04:00:00Z'))
    }
  }

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2025-12-20T04:00:00Z'))
    app = await openTestApp()
    const building = async (name: string) => (await app.ok('buildings.create', { name, districtCode: '210103' })).id
    const one = await building('甲楼')
    const two = await building('乙楼')
    const gone = await building('已删楼')

    await write(app.store.db, app.services.ctx.author, async (w) => {
      const tenant = (name: string, aboveScale: 0 | 1) => insertRow(w, 'tenants', { name, aboveScale })
      const lease = (tenantId: string, buildingId: string, startDate: string | null, area: number, renewsLeaseId: string | null = null) =>
        insertRow(w, 'leases', { tenantId, buildingId, startDate, endDate: null, area, renewsLeaseId })

      // New this year: 引进甲 (first lease in March, a second one in June), 引进乙 (November).
      const a = await tenant('引进甲', 1)
      await lease(a, one, '2025-03-15', 100)
      await lease(a, two, '2025-06-01', 200)
      const h = await tenant('引进乙', 1)
      await lease(h, two, '2025-11-20', 80)
      // Here before: 老企业 leased in 2023 and renewed this February (a renewal adds no area).
      const b = await tenant('老企业', 1)
      const old = await lease(b, one, '2023-05-01', 400)
      await lease(b, one, '2025-02-01', 400, old)
      // A lease with no start date counts as earlier than any: 无起租企业 is not new.
      const e = await tenant('无起租企业', 1)
      await lease(e, one, null, 30)
      await lease(e, two, '2025-05-10', 50)
      // Not above scale: its area counts, it does not.
      const c = await tenant('小微企业', 0)
      await lease(c, two, '2025-04-01', 300)
      // Next year's, a deleted lease, a deleted tenant's, a deleted building's: none count.
      const f = await tenant('明年企业', 1)
      await lease(f, one, '2026-01-10', 60)
      const d = await tenant('撤租企业', 1)
      await softDeleteRow(w, 'leases', await lease(d, one, '2025-07-01', 999))
      const g = await tenant('注销企业', 1)
      await lease(g, one, '2025-08-01', 77)
      await softDeleteRow(w, 'tenants', g)
      const k = await tenant('已删楼企业', 1)
      await lease(k, gone, '2025-09-01', 55)
      await softDeleteRow(w, 'buildings', gone)
    })

    const parcel = (code: string, status: 'listed' | 'transferred') =>
      app.ok('parcels.create', { code, name: `${code}地块`, districtCode: '210103', landUse: 'industrial', status, area: 1000 })
    const setStatus = (id: string, status: 'listed' | 'transferred') => app.ok('parcels.update', { id, status })
    // Entered already transferred in February (no known transfer day: not counted); transferred in
    // September after a year listed.
    await at('2025-02-10T04:00:00Z', () => parcel('P1', 'transferred'))
    const p2 = await at('2024-06-01T04:00:00Z', () => parcel('P2', 'listed'))
    await at('2025-09-15T04:00:00Z', () => setStatus(p2.id, 'transferred'))
    // Transferred last year: not this year's.
    const p3 = await at('2024-03-01T04:00:00Z', () => parcel('P3', 'listed'))
    await at('2024-12-01T04:00:00Z', () => setStatus(p3.id, 'transferred'))
    // Transferred, then deleted; transferred, then back to listed: neither counts.
    const p4 = await at('2025-05-05T04:00:00Z', () => parcel('P4', 'transferred'))
    await app.ok('parcels.delete', { id: p4.id })
    const p5 = await at('2025-04-04T04:00:00Z', () => parcel('P5', 'transferred'))
    await at('2025-06-01T04:00:00Z', () => setStatus(p5.id, 'listed'))
  })
  afterAll(async () => {
    await app.close()
    vi.useRealTimers()
  })

  const create = async (input: { kind: TargetRow['kind']; name: string; targetValue: number; unit?: string }) =>
    (await app.ok('targets.create', { year: YEAR, ...input })).id
  const row = async (id: string) => (await app.ok('targets.list', { year: YEAR })).find((t) => t.id === id)!
  const byMonth = (t: TargetRow) => Object.fromEntries(t.months.filter((m) => m.value !== 0).map((m) => [m.month, m.value]))

  it('counts above-scale tenants whose first lease starts in the year, in the month it starts', async () => {
    const t = await row(await create({ kind: 'new_above_scale_tenants', name: '新引进规上企业', targetValue: 4 }))
    expect(t).toMatchObject({ computed: true, unit: '家', achieved: 2, completion: 0.5 })
    expect(byMonth(t)).toEqual({ '2025-03': 1, '2025-11': 1 })
    expect(t.basis).toMatch(/最早的起租日期/)
    expect(t.months.map((m) => m.cumulative)).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2])
    expect(t.months.every((m) => !m.entered)).toBe(true)
  })

  it('adds up the area of leases starting in the year that renew nothing', async () => {
    const t = await row(await create({ kind: 'leased_area', name: '新增出租面积', targetValue: 1000 }))
    // 100 + 200 + 80 + 50 + 300; the renewal (400), next year's, deleted ones are left out.
    expect(t).toMatchObject({ unit: 'm²', achieved: 730, completion: 0.73 })
    expect(byMonth(t)).toEqual({ '2025-03': 100, '2025-04': 300, '2025-05': 50, '2025-06': 200, '2025-11': 80 })
  })

  it('counts parcels whose status was changed to transferred in the year, by the day of that change', async () => {
    const t = await row(await create({ kind: 'parcels_transferred', name: '出让地块', targetValue: 1 }))
    expect(t).toMatchObject({ unit: '宗', achieved: 1, completion: 1 })
    expect(byMonth(t)).toEqual({ '2025-09': 1 })
    expect(t.basis).toMatch(/录入或导入时即为已出让的地块无出让日期，不计入/)
    // Last year's target sees the one transferred in December 2024.
    const last = (await app.ok('targets.create', { year: 2024, kind: 'parcels_transferred', name: '出让地块', targetValue: 5 })).id
    const lastYear = (await app.ok('targets.list', { year: 2024 })).find((x) => x.id === last)!
    expect(byMonth(lastYear)).toEqual({ '2024-12': 1 })
  })

  it('counts only leases started by today: a lease starting later this year is not achieved yet', async () => {
    const day = await today(app.store.db)
    const year = Number(day.slice(0, 4))
    await app.ok('targets.create', { year, kind: 'new_above_scale_tenants', name: '今年规上', targetValue: 2 })
    await app.ok('targets.create', { year, kind: 'leased_area', name: '今年面积', targetValue: 240 })
    const list = async () => {
      const rows = await app.ok('targets.list', { year })
      return { tenants: rows.find((t) => t.name === '今年规上')!, area: rows.find((t) => t.name === '今年面积')! }
    }
    // The setup's leases may fall in this year too: compare with the figures before.
    const before = await list()
    const building = (await app.ok('buildings.create', { name: '丙楼', districtCode: '210103' })).id
    await write(app.store.db, app.services.ctx.author, async (w) => {
      const now = await insertRow(w, 'tenants', { name: '今日起租企业', aboveScale: 1 })
      await insertRow(w, 'leases', { tenantId: now, buildingId: building, startDate: day, endDate: null, area: 120, renewsLeaseId: null })
      const later = await insertRow(w, 'tenants', { name: '明日起租企业', aboveScale: 1 })
      await insertRow(w, 'leases', { tenantId: later, buildingId: building, startDate: addDays(day, 1), endDate: null, area: 90, renewsLeaseId: null })
    })
    const after = await list()
    expect(after.tenants.achieved).toBe(before.tenants.achieved + 1)
    expect(after.area.achieved).toBe(before.area.achieved + 120)
    const thisMonth = (t: TargetRow) => t.months.find((m) => m.month === day.slice(0, 7))!.value
    expect(thisMonth(after.area)).toBe(thisMonth(before.area) + 120)
    expect(after.tenants.basis).toMatch(/起租日期在今天以后的暂不计入/)
    expect(after.area.basis).toMatch(/起租日期在今天以后的暂不计入/)
  })

  it('sums entered months, replaces and removes an entry, and keeps one live entry a month', async () => {
    const id = await create({ kind: 'projects_signed', name: '签约项目', targetValue: 10 })
    await app.ok('targets.setEntry', { targetId: id, month: '2025-01', value: 3 })
    let t = await app.ok('targets.setEntry', { targetId: id, month: '2025-03', value: 2 })
    expect(t).toMatchObject({ computed: false, unit: '个', achieved: 5, completion: 0.5 })
    expect(t.months[1]).toEqual({ month: '2025-02', value: 0, cumulative: 3, entered: false })
    expect(t.months[2]).toEqual({ month: '2025-03', value: 2, cumulative: 5, entered: true })
    t = await app.ok('targets.setEntry', { targetId: id, month: '2025-01', value: 4 })
    expect(t.achieved).toBe(6)
    t = await app.ok('targets.setEntry', { targetId: id, month: '2025-03', value: null })
    expect(t.achieved).toBe(4)
    expect(byMonth(t)).toEqual({ '2025-01': 4 })
    const live = await app.store.db.selectFrom('targetEntries').select('month').where('targetId', '=', id).where('deletedAt', 'is', null).execute()
    expect(live).toEqual([{ month: '2025-01' }])
    // Removing a month that has nothing is harmless; entering it again makes a new live entry.
    await app.ok('targets.setEntry', { targetId: id, month: '2025-07', value: null })
    t = await app.ok('targets.setEntry', { targetId: id, month: '2025-03', value: 1.5 })
    expect(t.achieved).toBe(5.5)
  })

  it('keeps a custom target with its unit, edits it, deletes and restores it with its entries', async () => {
    const id = await create({ kind: 'custom', name: '固定资产投资', unit: '亿元', targetValue: 20 })
    await app.ok('targets.setEntry', { targetId: id, month: '2025-06', value: 5 })
    const edited = await app.ok('targets.update', { id, targetValue: 25, unit: '亿', notes: '区里下达' })
    expect(edited).toMatchObject({ unit: '亿', targetValue: 25, notes: '区里下达', achieved: 5, completion: 0.2 })
    await app.ok('targets.delete', { id })
    expect((await app.ok('targets.list', { year: YEAR })).some((t) => t.id === id)).toBe(false)
    // The trash lists it by year and name, and restores it through targets.restore.
    const trash = await app.ok('trash.list', { kind: 'targets' })
    expect(trash).toEqual([expect.objectContaining({ table: 'targets', id, label: '2025年 固定资产投资', deletedBy: 'tester' })])
    await app.ok('targets.restore', { id })
    expect((await row(id)).achieved).toBe(5)
    const logged = await app.store.db.selectFrom('changeLog').select(['op', 'field']).where('tableName', '=', 'targets').where('rowId', '=', id).execute()
    expect(logged.map((c) => c.op)).toEqual(expect.arrayContaining(['insert', 'update', 'delete', 'restore']))
    // The history names the target and its month's entry, with the fields as the form calls them.
    const history = await app.ok('changes.list', {})
    const sentences = history.filter((c) => c.rowId === id || c.tableName === 'targetEntries').map(changeText)
    expect(sentences).toEqual(expect.arrayContaining([
      expect.stringMatching(/2025年 固定资产投资.*目标值.*20.*25/),
      expect.stringMatching(/2025年 固定资产投资 · 2025-06/),
    ]))
    expect(history.find((c) => c.rowId === id && c.field === 'kind')).toMatchObject({ rowLabel: '2025年 固定资产投资' })
    expect(changeText(history.find((c) => c.rowId === id && c.field === 'kind')!)).toContain('自定义指标')
  })

  it('lists a year’s targets in the order they were added, and no other year’s', async () => {
    const list = await app.ok('targets.list', { year: YEAR })
    expect(list.every((t) => t.year === YEAR)).toBe(true)
    expect(list.slice(0, 3).map((t) => t.kind)).toEqual(['new_above_scale_tenants', 'leased_area', 'parcels_transferred'])
    expect(await app.ok('targets.list', { year: 2030 })).toEqual([])
  })

  it('refuses what it cannot keep, naming the field in Chinese', async () => {
    const refusal = async (method: 'targets.create' | 'targets.setEntry' | 'targets.update', input: object) => {
      const result = await app.call(method, input as never)
      if (result.ok) throw new Error(`${method} should have been refused`)
      return result.error
    }
    expect(await refusal('targets.create', { year: YEAR, kind: 'custom', name: '投资', targetValue: 5 })).toMatchObject({ field: 'unit', message: expect.stringMatching(/^单位：/) })
    expect(await refusal('targets.create', { year: YEAR, kind: 'leased_area', name: '面积', unit: '亩', targetValue: 5 })).toMatchObject({ field: 'unit', message: expect.stringContaining('m²') })
    expect((await refusal('targets.create', { year: YEAR, kind: 'custom', name: '投资', unit: '亿元', targetValue: 0 })).message).toMatch(/目标值：应大于 0/)
    expect((await refusal('targets.create', { year: YEAR, kind: 'custom', name: ' ', unit: '亿元', targetValue: 1 })).message).toMatch(/名称：必填/)
    expect((await refusal('targets.create', { year: 1999, kind: 'custom', name: '投资', unit: '亿元', targetValue: 1 })).message).toMatch(/年度：/)
    const computed = await create({ kind: 'new_above_scale_tenants', name: '规上', targetValue: 3 })
    expect(await refusal('targets.setEntry', { targetId: computed, month: '2025-05', value: 1 })).toMatchObject({ field: 'value', message: expect.stringMatching(/^完成值：.*自动统计/) })
    const entered = await create({ kind: 'projects_signed', name: '签约', targetValue: 3 })
    expect(await refusal('targets.setEntry', { targetId: entered, month: '2024-05', value: 1 })).toMatchObject({ field: 'month', message: expect.stringContaining('2025') })
    expect((await refusal('targets.setEntry', { targetId: entered, month: '2025-13', value: 1 })).message).toMatch(/月份：/)
    expect((await refusal('targets.setEntry', { targetId: entered, month: '2025-05', value: -1 })).message).toMatch(/完成值：不能为负/)
    const custom = await create({ kind: 'custom', name: '投资额', unit: '亿元', targetValue: 3 })
    expect((await refusal('targets.update', { id: custom, unit: '' })).field).toBe('unit')
    await app.ok('targets.delete', { id: entered })
    expect((await refusal('targets.setEntry', { targetId: entered, month: '2025-05', value: 1 })).message).toMatch(/^目标：/)
  })
})

describe('the demo’s 出让地块 target', () => {
  it('counts none of the parcels the demo enters as transferred, and one a person transfers today', async () => {
    const app = await openTestApp()
    try {
      const day = await today(app.store.db)
      const year = Number(day.slice(0, 4))
      await loadDemoData(app.services.ctx, { today: day })
      const parcelsTarget = async () => (await app.ok('targets.list', { year })).find((t) => t.kind === 'parcels_transferred')!
      expect((await app.ok('parcels.list', {})).filter((p) => p.status === 'transferred').length).toBeGreaterThan(0)
      expect((await parcelsTarget()).achieved).toBe(0)
      const listed = (await app.ok('parcels.list', { status: 'listed' }))[0]!
      await app.ok('parcels.update', { id: listed.id, status: 'transferred' })
      const t = await parcelsTarget()
      expect(t.achieved).toBe(1)
      expect(t.months.find((m) => m.month === day.slice(0, 7))!.value).toBe(1)
    } finally {
      await app.close()
    }
  })
})
