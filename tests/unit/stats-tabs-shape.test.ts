import { describe, expect, it } from 'vitest'
import type { LandDistrictRow, LandRow, ParkStatsRow, RankingRow, TrendPoint, WatchReason } from '../../src/shared/stats'
import { districtOption, landUseStatusOption, muOf, transferredMu, usesOf } from '../../src/renderer/src/features/stats/tabs/land/shape'
import { districtTotal, industryTotal, landUseStatusRows } from '../../src/renderer/src/features/stats/tabs/land/tables'
import { hostBuildings, occupancyOption } from '../../src/renderer/src/features/stats/tabs/parks/shape'
import { messages } from '../../src/renderer/src/features/stats/tabs/rankings/messages'
import { fillTemplate, monthsBefore, reasonMessage } from '../../src/renderer/src/features/stats/tabs/rankings/reasons'
import { highestTag, rankingOption } from '../../src/renderer/src/features/stats/tabs/rankings/shape'
import { trendOption, trendSeries } from '../../src/renderer/src/features/stats/tabs/trends/shape'

// The statistics tabs' pure shaping: answers → chart series, table totals, reason sentences.

type Series = Array<{ name: string; data: Array<number | null>; stack?: string; yAxisIndex?: number }>
const seriesOf = (option: { series?: unknown }) => option.series as Series
const categoriesOf = (option: { xAxis?: unknown }) => (option.xAxis as { data: string[] }).data

const land = (landUse: LandRow['landUse'], status: LandRow['status'], parcels: number, areaMu: number): LandRow =>
  ({ landUse, status, parcels, areaMu, areaM2: (areaMu * 10000) / 15 })

describe('land tab shaping', () => {
  const rows = [land('industrial', 'reserve', 2, 30), land('residential', 'transferred', 1, 12.5), land('industrial', 'transferred', 3, 45.25), land('industrial', 'reserve', 1, 0.004)]
  const labels = { landUse: (u: string) => `U:${u}`, status: (s: string) => `S:${s}` }

  it('puts one bar per land use present, in the vocabulary order, stacked by status', () => {
    expect(usesOf(rows)).toEqual(['residential', 'industrial'])
    const option = landUseStatusOption(rows, labels, 'zh')
    expect(categoriesOf(option)).toEqual(['U:residential', 'U:industrial'])
    const series = seriesOf(option)
    expect(series.map((s) => s.name)).toEqual(['S:reserve', 'S:transferred'])
    // Rows of the same use and status add up; a use with none of a status is 0 high.
    expect(series[0]!.data).toEqual([0, 30])
    expect(series[1]!.data).toEqual([12.5, 45.25])
    expect(series.every((s) => s.stack === series[0]!.stack)).toBe(true)
    expect(muOf(rows, 'industrial', 'reserve')).toBe(30)
  })

  it('splits each district into available and transferred 亩, with the totals row summing them', () => {
    const districts: LandDistrictRow[] = [
      { key: '210112', name: '浑南区', parcels: 5, areaM2: 60000, areaMu: 90, availableParcels: 3, availableAreaMu: 70 },
      { key: '210103', name: '沈河区', parcels: 2, areaM2: 10000, areaMu: 15, availableParcels: 0, availableAreaMu: 0 },
    ]
    const series = seriesOf(districtOption(districts, { available: '可出让', transferred: '已出让' }, 'zh'))
    expect(series.map((s) => s.data)).toEqual([[70, 0], [20, 15]])
    expect(transferredMu(districts[0]!)).toBe(20)
    expect(districtTotal(districts, '合计')).toEqual({ key: 'total', name: '合计', parcels: 7, areaM2: 70000, areaMu: 105, availableParcels: 3, availableAreaMu: 70 })
  })

  it('keys every table row and carries the answer’s totals', () => {
    const table = landUseStatusRows({ rows: rows.slice(0, 3), total: { parcels: 7, areaM2: 1, areaMu: 2 }, byDistrict: [], availableByIndustry: [], parcelsWithoutArea: 0, availableReferenceValue: 0 })
    expect(table.rows.map((r) => r.key)).toEqual(['industrial:reserve', 'residential:transferred', 'industrial:transferred'])
    expect(table.total).toMatchObject({ key: 'total', parcels: 7, areaM2: 1, areaMu: 2 })
    expect(industryTotal([{ industry: 'A', parcels: 1, areaMu: 2, referenceValue: 300 }, { industry: null, parcels: 4, areaMu: 5, referenceValue: 0 }]))
      .toEqual({ industry: null, parcels: 5, areaMu: 7, referenceValue: 300 })
  })
})

describe('sky-park tab shaping', () => {
  const park = (name: string, occupancyRate: number | null, hosts: string[]): ParkStatsRow => ({
    id: name, name, theme: 't', districtCode: '210103', districtName: '沈河区', status: 'operating', plannedInvestment: null, totalArea: null,
    landArea: null, hosts: hosts.map((b) => ({ buildingId: b, buildingName: b, floors: null, area: 1, leasedArea: 1 })), hostArea: 0, occupiedArea: 0,
    occupancyRate, tenants: 0, aboveScaleTenants: 0, annualTax: 0, taxPerMu: null, subParks: [],
  })

  it('draws one occupancy bar per park in the rows’ order (so a click opens the right park), none for a park without area', () => {
    const option = occupancyOption([park('甲', 0.5, ['b1']), park('乙', null, []), park('丙', 1, ['b1', 'b2', 'b1'])], { occupancy: '出租率' }, 'zh')
    expect(categoriesOf(option)).toEqual(['甲', '乙', '丙'])
    expect(seriesOf(option)[0]!.data).toEqual([0.5, null, 1])
    expect(hostBuildings(park('丙', 1, ['b1', 'b2', 'b1']))).toBe(2)
  })
})

describe('rankings tab shaping', () => {
  const row = (rank: number, name: string, value: number, tags: RankingRow['tags'] = []): RankingRow => ({
    rank, id: name, kind: 'building', name, districtName: '沈河区', clusterName: null, value, annualTax: value, leasableArea: 0, vacantArea: 0,
    vacancyRate: null, comingFree12m: 0, landArea: null, taxPerMu: null, tags,
  })

  it('keeps the ranking order in the bars', () => {
    const option = rankingOption('tax', [row(1, 'A', 2e8, ['yiyuan', 'qianwan']), row(2, 'B', 3e7, ['qianwan'])], '税收', 'zh')
    expect(categoriesOf(option)).toEqual(['A', 'B'])
    expect(seriesOf(option)[0]!.data).toEqual([2e8, 3e7])
  })

  it('shows only the highest tax tag earned', () => {
    expect(highestTag(['qianwan', 'yiyuan'])).toBe('yiyuan')
    expect(highestTag(['qianwan'])).toBe('qianwan')
    expect(highestTag([])).toBeNull()
  })
})

describe('watch-list reasons in plain Chinese', () => {
  const sentence = (reason: WatchReason) => {
    const m = reasonMessage(reason, 'zh')
    return fillTemplate(messages.zh.reasons[m.key], m.values)
  }

  it('says how occupancy fell', () => {
    expect(sentence({ kind: 'occupancy', then: 0.82, now: 0.61 })).toBe('出租率由 82% 降至 61%')
    expect(sentence({ kind: 'occupancy', then: 0.825, now: 0.6 })).toBe('出租率由 82.5% 降至 60%')
    expect(sentence({ kind: 'occupancy', then: 0.5, now: null })).toBe('出租率由 50% 变为无可租面积')
  })

  it('says how tax fell, in 万/亿元, with the share lost', () => {
    expect(sentence({ kind: 'tax', then: 12_000_000, now: 8_000_000 })).toBe('本区注册企业年税收由 1,200万元 降至 800万元（下降 33.3%）')
  })

  it('says how much area leases ending soon cover', () => {
    expect(sentence({ kind: 'ending', area: 5200, share: 0.35, days: 90 })).toBe('90 天内到期租约 5,200 m²，占可租面积 35%')
  })

  it('has an English sentence for every key', () => {
    for (const key of Object.keys(messages.zh.reasons)) expect(messages.en.reasons).toHaveProperty(key)
  })

  it('defaults the comparison to three months back, within the shorter month', () => {
    expect(monthsBefore('2026-12-01', 3)).toBe('2026-09-01')
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28')
    expect(monthsBefore('2026-02-15', 3)).toBe('2025-11-15')
  })
})

describe('trends tab shaping', () => {
  const point = (month: string, leased: number, vacant: number): TrendPoint => ({
    month, day: `${month}-28`, leasableArea: leased + vacant, vacantArea: vacant, leasedArea: leased,
    vacancyRate: leased + vacant > 0 ? vacant / (leased + vacant) : null, occupancyRate: leased + vacant > 0 ? leased / (leased + vacant) : null,
  })
  const labels = { vacancyRate: '空置率', occupancyRate: '出租率', vacantArea: '空置面积', leasedArea: '已租面积' }
  const points = [point('2025-01', 600, 400), point('2025-02', 700, 300), point('2025-03', 0, 0)]

  it('plots one point per month for both rates, null where nothing is leasable', () => {
    const option = trendOption(points, labels, false, 'zh')
    expect(categoriesOf(option)).toEqual(['2025-01', '2025-02', '2025-03'])
    const series = seriesOf(option)
    expect(series.map((s) => s.name)).toEqual(['出租率', '空置率'])
    expect(series[0]!.data).toEqual([0.6, 0.7, null])
    expect(series[1]!.data).toEqual([0.4, 0.3, null])
  })

  it('adds the areas on their own axis when asked, the rates moving to the second', () => {
    expect(trendSeries(points, labels, true).map((s) => s.kind)).toEqual(['rate', 'rate', 'area', 'area'])
    const series = seriesOf(trendOption(points, labels, true, 'zh'))
    expect(series.map((s) => s.yAxisIndex)).toEqual([1, 1, 0, 0])
    expect(series[2]!.data).toEqual([600, 700, 0])
  })
})
