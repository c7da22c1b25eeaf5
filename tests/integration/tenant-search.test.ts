import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { creditCodeCheckChar } from '../../src/shared/creditCode'
import { nameInitials } from '../../src/shared/pinyinInitials'
import { buildGeneratedDataset } from '../../src/main/services/generate/dataset'
import { loadGeneratedData } from '../../src/main/services/generate/load'
import { loadDemoData } from '../../src/main/services/demo/load'
import { tenantOverview } from '../../src/main/store/tenantSearch'
import { freshAppPerTest, pickFile } from '../helpers/store'
import { runImportJob, writeWorkbook } from '../helpers/importSheets'

// Finding a tenant by part of its name, part of its credit code or its pinyin initials (ranked),
// the tenant list's one query with buildings and filters, and credit codes whose check character
// does not match imported with a warning.

const validCode = (body: string) => {
  const first17 = `91210103${body}`
  return first17 + creditCodeCheckChar(first17)!
}
const PILOT = '91350211M00013FA1N'
const addDays = (days: number) => {
  const d = new Date()
  d.setDate(d.getDate() + days)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

describe('tenant search', () => {
  const t = freshAppPerTest()
  const initialsOf = async (id: string) =>
    (await t.app.store.db.selectFrom('tenants').select('nameInitials').where('id', '=', id).executeTakeFirstOrThrow()).nameInitials

  it('finds tenants by part of the name, part of the code and pinyin initials, exact and prefix first', async () => {
    await t.app.ok('tenants.create', { name: '中海科技', creditCode: validCode('000000011'), industry: 'I' })
    const longer = await t.app.ok('tenants.create', { name: '中海科技发展有限公司' })
    await t.app.ok('tenants.create', { name: '沈阳中海科技有限公司' })
    const other = await t.app.ok('tenants.create', { name: '辽宁金廊商贸有限公司', creditCode: validCode('ABC000001') })
    const names = async (q: string) => (await t.app.ok('tenants.search', { q })).map((h) => h.name)

    // Part of the name: one, two and more characters (LIKE, then the trigram index).
    expect(await names('海')).toEqual(['中海科技', '中海科技发展有限公司', '沈阳中海科技有限公司'])
    expect(await names('中海科技')).toEqual(['中海科技', '中海科技发展有限公司', '沈阳中海科技有限公司'])
    expect((await t.app.ok('tenants.search', { q: '中海科技' })).map((h) => h.match)).toEqual(['exact', 'prefix', 'part'])
    expect(await names('金廊商贸')).toEqual(['辽宁金廊商贸有限公司'])

    // Initials: a prefix before a part of them.
    expect(await names('zhkj')).toEqual(['中海科技', '中海科技发展有限公司', '沈阳中海科技有限公司'])
    expect((await t.app.ok('tenants.search', { q: 'ZHKJ' })).map((h) => h.match)).toEqual(['initials', 'initials', 'initials'])
    expect(await names('syzh')).toEqual(['沈阳中海科技有限公司'])
    expect(await names('lnjlsm')).toEqual(['辽宁金廊商贸有限公司'])

    // Credit code: a prefix, a part in the middle, the whole (any case).
    const code = validCode('ABC000001')
    expect(await names(code.slice(0, 12))).toEqual(['辽宁金廊商贸有限公司'])
    expect(await names(code.slice(8, 14).toLowerCase())).toEqual(['辽宁金廊商贸有限公司'])
    const [hit] = await t.app.ok('tenants.search', { q: code.toLowerCase() })
    expect(hit).toEqual({ id: other.id, name: '辽宁金廊商贸有限公司', creditCode: code, industry: null, match: 'exact' })

    expect(await t.app.ok('tenants.search', { q: '中海', limit: 2 })).toHaveLength(2)
    expect(await t.app.ok('tenants.search', { q: ' ' })).toEqual([])
    expect(await names('不存在的企业')).toEqual([])

    // Deleted tenants are not offered.
    await t.app.ok('tenants.delete', { id: longer.id })
    expect(await names('zhkj')).toEqual(['中海科技', '沈阳中海科技有限公司'])
  })

  it('keeps the initials up to date on every write of a name', async () => {
    const { id } = await t.app.ok('tenants.create', { name: '盛京银行' })
    expect(await initialsOf(id)).toBe(nameInitials('盛京银行'))
    await t.app.ok('tenants.update', { id, name: '重庆银行股份有限公司' })
    expect(await initialsOf(id)).toBe('cqyhgfyxgs')
    expect((await t.app.ok('tenants.search', { q: 'cqyh' })).map((h) => h.id)).toEqual([id])
    expect(await t.app.ok('tenants.search', { q: 'sjyh' })).toEqual([])
    await t.app.ok('tenants.update', { id, staff: 3 })
    expect(await initialsOf(id)).toBe('cqyhgfyxgs')
  })

  it('gives the demo’s tenants their initials (the importer’s: see the import test below)', { timeout: 90_000 }, async () => {
    await loadDemoData(t.app.services.ctx)
    const missing = await t.app.store.db.selectFrom('tenants').select(['name', 'nameInitials']).execute()
    expect(missing.length).toBeGreaterThan(0)
    for (const row of missing) expect(row.nameInitials, row.name).toBe(nameInitials(row.name))
  })
})

describe('the tenant list', () => {
  const t = freshAppPerTest()

  it('shows each tenant’s buildings and current leases in one answer, and filters', async () => {
    const tower = await t.app.ok('buildings.create', { name: '茂业中心', districtCode: '210103' })
    const plaza = await t.app.ok('buildings.create', { name: '恒隆广场', districtCode: '210103' })
    const space = (buildingId: string, floorLabel: string, area: number) => t.app.ok('spaces.create', { buildingId, floorLabel, area, status: 'vacant' })
    const [s1, s2, s3, s4] = [await space(tower.id, '12', 800), await space(tower.id, '13', 600), await space(plaza.id, '5', 400), await space(plaza.id, '6', 300)]
    const a = await t.app.ok('tenants.create', { name: '沈阳云图信息技术有限公司', industry: 'I', aboveScale: true, registeredInDistrict: true })
    const b = await t.app.ok('tenants.create', { name: '辽宁金廊商贸有限公司', industry: 'F' })
    const c = await t.app.ok('tenants.create', { name: '北方重工集团', industry: 'C', aboveScale: true })
    await t.app.ok('leases.create', { tenantId: a.id, spaceIds: [s1.id], startDate: '2024-01-01', endDate: addDays(60) })
    await t.app.ok('leases.create', { tenantId: a.id, spaceIds: [s3.id], startDate: '2024-01-01', endDate: addDays(300) })
    await t.app.ok('leases.create', { tenantId: b.id, spaceIds: [s2.id], startDate: '2024-01-01', endDate: addDays(150) })
    // A lease that ended is not "current": no building, no ending soon.
    await t.app.ok('leases.create', { tenantId: c.id, spaceIds: [s4.id], startDate: '2020-01-01', endDate: '2023-12-31' })

    const all = await t.app.ok('tenants.overview', {})
    expect(all.total).toBe(3)
    const rowA = all.rows.find((r) => r.id === a.id)!
    expect(rowA).toMatchObject({ aboveScale: true, registeredInDistrict: true, industry: 'I', nextEnd: addDays(60) })
    expect(rowA.buildings).toEqual([
      { id: plaza.id, name: '恒隆广场', leases: 1, area: 400, nextEnd: addDays(300) },
      { id: tower.id, name: '茂业中心', leases: 1, area: 800, nextEnd: addDays(60) },
    ])
    expect(all.rows.find((r) => r.id === c.id)).toMatchObject({ buildings: [], nextEnd: null })
    // Pinyin order: 北方 (b) before 辽宁 (l) before 沈阳 (s).
    expect(all.rows.map((r) => r.name)).toEqual(['北方重工集团', '辽宁金廊商贸有限公司', '沈阳云图信息技术有限公司'])

    const ids = async (input: Parameters<typeof t.app.ok<'tenants.overview'>>[1]) => (await t.app.ok('tenants.overview', input)).rows.map((r) => r.id)
    expect(await ids({ industry: 'I' })).toEqual([a.id])
    expect(await ids({ aboveScale: true })).toEqual([c.id, a.id])
    expect(await ids({ aboveScale: false })).toEqual([b.id])
    expect(await ids({ registeredInDistrict: true })).toEqual([a.id])
    expect(await ids({ endingWithinMonths: 3 })).toEqual([a.id])
    expect(await ids({ endingWithinMonths: 6 })).toEqual([b.id, a.id])
    expect(await ids({ endingWithinMonths: 12 })).toEqual([b.id, a.id])
    expect(await ids({ q: 'lnjl' })).toEqual([b.id])
    expect(await ids({ q: '重工', aboveScale: true })).toEqual([c.id])
    expect(await ids({ q: '重工', aboveScale: false })).toEqual([])

    // Beyond the cap the first rows come with the full count.
    const capped = await tenantOverview(t.app.store.db, { aboveScale: true }, 1)
    expect(capped.total).toBe(2)
    expect(capped.rows).toHaveLength(1)

    const refused = await t.app.call('tenants.overview', { endingWithinMonths: 5 as 6 })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid', message: '租约到期：应为 3、6 或 12 个月' } })
  })

  it('answers a generated store of 6,000 tenants with every tenant, its buildings and initials', { timeout: 90_000 }, async () => {
    const data = buildGeneratedDataset({ seed: 7, buildings: 300, parcels: 0, tenants: 6000, today: addDays(0) })
    await loadGeneratedData(t.app.services.ctx, data)
    const overview = await t.app.ok('tenants.overview', {})
    expect(overview.total).toBe(6000)
    expect(overview.rows).toHaveLength(6000)
    const leased = new Set(data.leases.filter((l) => l.endDate === null || l.endDate >= addDays(0)).map((l) => l.tenantId))
    expect(overview.rows.filter((r) => r.buildings.length > 0).map((r) => r.id).sort()).toEqual([...leased].sort())
    const sample = data.tenants[1234]!
    const hits = await t.app.ok('tenants.search', { q: nameInitials(sample.name) })
    expect(hits.map((h) => h.id)).toContain(sample.id)
    expect(hits[0]!.match).toBe('initials')
  })
})

describe('a tenant’s leases over time', () => {
  const t = freshAppPerTest()

  it('lists past, current and future leases with the lease each renews', async () => {
    const tower = await t.app.ok('buildings.create', { name: '茂业中心', districtCode: '210103' })
    const s = await t.app.ok('spaces.create', { buildingId: tower.id, floorLabel: '12', area: 800, status: 'vacant' })
    const tenant = await t.app.ok('tenants.create', { name: '沈阳云图信息技术有限公司' })
    const first = await t.app.ok('leases.create', { tenantId: tenant.id, spaceIds: [s.id], startDate: '2020-01-01', endDate: '2022-12-31' })
    const second = await t.app.ok('leases.create', { tenantId: tenant.id, spaceIds: [s.id], startDate: '2023-01-01', endDate: addDays(30) })
    // The renewal link is what the lease lifecycle writes (leases.renews_lease_id).
    await t.app.store.db.updateTable('leases').set({ renewsLeaseId: first.id }).where('id', '=', second.id).execute()
    const { leases } = await t.app.ok('tenants.get', { id: tenant.id })
    expect(leases.map((l) => [l.startDate, l.renewsLeaseId])).toEqual(
      expect.arrayContaining([['2020-01-01', null], ['2023-01-01', first.id]]),
    )
  })
})

describe('importing tenants with credit codes', () => {
  const t = freshAppPerTest()
  const HEADER = ['楼宇名称', '所在区', '楼层', '房号', '面积', '企业名称', '统一社会信用代码', '到期日期']

  it('imports an early pilot-area code with a warning in the preview, refuses a code of the wrong length', async () => {
    const rows = [
      HEADER,
      ['财富中心', '沈河区', '12', '1201', 300, '厦门试点科技有限公司', PILOT, '2099-12-31'],
      ['财富中心', '沈河区', '12', '1202', 200, '沈阳短码有限公司', PILOT.slice(0, 16), '2099-12-31'],
    ]
    const file = await writeWorkbook(path.join(t.dir, '空间.xlsx'), { 空间: rows })
    const uploadId = await pickFile(t.app, file)
    const preview = await t.app.ok('imports.preview', { uploadId })
    expect(preview.warnings).toEqual([{ row: 2, column: '统一社会信用代码', message: expect.stringContaining('校验位与 GB 32100-2015 的计算不符') }])
    expect(preview.rejected).toEqual([{ row: 3, column: '统一社会信用代码', message: '统一社会信用代码：应为 18 位' }])

    const job = await runImportJob(t.app, file, { skipInvalid: true })
    expect(job.state).toBe('done')
    const [hit] = await t.app.ok('tenants.search', { q: 'xmsd' })
    expect(hit).toMatchObject({ name: '厦门试点科技有限公司', creditCode: PILOT })
  })
})
