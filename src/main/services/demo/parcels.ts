import { type LandUse, muToSquareMetres, type ParcelStatus } from '../../../shared/domain'
import { GONGSHU, HUNNAN } from './catalogue'
import type { Random } from './random'
import { quadOutline, scatter } from './shapes'
import { CITY, type CityProfile, contactPerson, landline } from './tenants'
import type { DemoParcel } from './types'

// Land parcels. Gongshu's reproduce the published mix by use (count and total 亩); Hunnan's
// follow its listing batches: 8 publicly listed, part of the second batch being prepared, some
// still in reserve and some already transferred.

const GONGSHU_MIX: Array<[LandUse, number, number]> = [
  ['residential', 10, 363], ['commercial', 7, 165.69], ['mixed', 1, 72.55], ['industrial', 2, 17], ['m0', 2, 29.52],
]

const HUNNAN_PLAN: Array<[ParcelStatus, LandUse, [number, number]]> = [
  ...(['industrial', 'industrial', 'industrial'] as const).map((u) => ['listed', u, [40, 120]] as [ParcelStatus, LandUse, [number, number]]),
  ['listed', 'm0', [20, 60]], ['listed', 'm0', [25, 70]], ['listed', 'commercial', [15, 40]],
  ['listed', 'residential', [60, 120]], ['listed', 'logistics', [80, 150]],
  ['preparing', 'industrial', [30, 100]], ['preparing', 'industrial', [50, 140]], ['preparing', 'm0', [20, 50]],
  ['preparing', 'residential', [50, 110]], ['preparing', 'residential', [40, 90]], ['preparing', 'commercial', [10, 35]],
  ['reserve', 'residential', [80, 150]], ['reserve', 'industrial', [60, 150]], ['reserve', 'mixed', [30, 70]],
  ['transferred', 'industrial', [30, 90]], ['transferred', 'industrial', [40, 110]], ['transferred', 'm0', [20, 45]],
]

/** Plot ratio min, max choices, density, green ratio and height choices by land use. */
export const PLANNING: Record<LandUse, { min: number | null; max: number[]; density: [number, number]; green: [number, number]; height: number[] }> = {
  residential: { min: 1, max: [2, 2.2, 2.5, 2.8], density: [0.22, 0.28], green: [0.3, 0.35], height: [54, 60, 80, 100] },
  commercial: { min: null, max: [3, 3.5, 4, 5], density: [0.4, 0.5], green: [0.2, 0.25], height: [80, 100, 150] },
  mixed: { min: 1, max: [2.8, 3.2], density: [0.3, 0.35], green: [0.25, 0.3], height: [80, 100] },
  industrial: { min: 1.2, max: [2, 2.5, 3], density: [0.4, 0.55], green: [0.1, 0.15], height: [24, 36, 45] },
  m0: { min: 2, max: [3, 3.5, 4], density: [0.35, 0.45], green: [0.15, 0.2], height: [60, 80, 100] },
  logistics: { min: 1, max: [1.5, 2], density: [0.45, 0.55], green: [0.1, 0.15], height: [24, 30] },
  public: { min: null, max: [1.5], density: [0.3, 0.4], green: [0.3, 0.35], height: [24] },
  other: { min: null, max: [1.5], density: [0.3, 0.4], green: [0.2, 0.3], height: [24] },
}

interface CitySpec {
  districtCode: string
  profile: CityProfile
  prefix: string
  box: { west: number; east: number; south: number; north: number }
  places: string[]
  roads: string[]
  /** Reference price: 元/m² of floor area for uses priced that way, else 万元/亩. */
  price: Partial<Record<LandUse, { perFloorM2?: [number, number]; perMu?: [number, number] }>>
  industries: Partial<Record<LandUse, string[]>>
}

const CITIES: Record<'gongshu' | 'hunnan', CitySpec> = {
  gongshu: {
    districtCode: GONGSHU, profile: CITY.hangzhou, prefix: '拱墅区',
    box: { west: 120.12, east: 120.18, south: 30.3, north: 30.36 },
    places: ['祥符', '康桥', '半山', '上塘', '小河', '和睦', '大关', '米市巷', '湖墅', '拱宸桥', '石桥', '东新', '善贤'],
    roads: ['莫干山路', '湖州街', '丽水路', '上塘路', '石祥路', '康桥路', '通益路', '储运路', '香积寺路'],
    price: {
      residential: { perFloorM2: [28_000, 42_000] }, mixed: { perFloorM2: [20_000, 30_000] }, commercial: { perFloorM2: [6_000, 12_000] },
      industrial: { perMu: [60, 120] }, m0: { perMu: [250, 450] },
    },
    industries: { commercial: ['商务办公、商业零售'], industrial: ['数字经济制造、智能装备'], m0: ['软件和信息服务、研发设计'], mixed: ['商业配套'] },
  },
  hunnan: {
    districtCode: HUNNAN, profile: CITY.shenyang, prefix: '浑南区',
    box: { west: 123.4, east: 123.55, south: 41.68, north: 41.74 },
    places: ['浑南科技城', '创新路东侧', '全运路南侧', '浑河站东', '桃仙', '高坎', '李相', '祝家', '白塔', '汪家', '深井子', '王家湾', '沈本大街西侧'],
    roads: ['创新路', '全运路', '浑南东路', '智慧大街', '沈本大街', '金卡路', '飞云路', '世纪路'],
    price: {
      residential: { perFloorM2: [3_500, 5_500] }, mixed: { perFloorM2: [3_000, 4_000] }, commercial: { perFloorM2: [1_500, 2_800] },
      industrial: { perMu: [18, 30] }, m0: { perMu: [45, 90] }, logistics: { perMu: [20, 32] },
    },
    industries: {
      industrial: ['智能制造', '新能源汽车零部件', '航空装备配套', '集成电路装备'], m0: ['工业软件、集成电路设计', '生物医药研发'],
      logistics: ['冷链物流、电商仓储'], commercial: ['商业综合体、酒店'], mixed: ['商业配套'],
    },
  },
}

/** How a parcel's name says its use (…工业地块). */
export const USE_WORD: Record<LandUse, string> = {
  residential: '住宅', commercial: '商业商务', mixed: '商住', industrial: '工业', m0: '创新型产业', logistics: '物流仓储', public: '公共设施', other: '其他',
}
const BLOCK: Record<LandUse, string> = {
  residential: 'R21', commercial: 'B1', mixed: 'R21B1', industrial: 'M1', m0: 'M0', logistics: 'W1', public: 'A', other: 'X',
}

/** Splits a total of 亩 into `count` parts (2 decimals) that add up to it exactly. */
export function splitMu(random: Random, total: number, count: number): number[] {
  const weights = Array.from({ length: count }, () => random.float(0.6, 1.4, 3))
  const sum = weights.reduce((a, b) => a + b, 0)
  const hundredths = Math.round(total * 100)
  const parts = weights.map((w) => Math.round((hundredths * w) / sum))
  parts[count - 1] = hundredths - parts.slice(0, -1).reduce((a, b) => a + b, 0)
  return parts.map((p) => p / 100)
}

function parcel(random: Random, city: CitySpec, use: LandUse, status: ParcelStatus, mu: number, centre: [number, number], code: string, name: string): DemoParcel {
  const plan = PLANNING[use]
  const plotRatioMax = random.pick(plan.max)
  const price = city.price[use] ?? { perMu: [50, 100] }
  const perMu = price.perFloorM2 ? (random.float(...price.perFloorM2, 0) * plotRatioMax * muToSquareMetres(1)) / 10_000 : random.float(...price.perMu!, 0)
  const cleared = status === 'listed' || status === 'transferred' || (status === 'preparing' ? random.chance(0.7) : random.chance(0.3))
  const outline = quadOutline(random, centre, muToSquareMetres(mu))
  const industries = city.industries[use]
  return {
    code,
    name,
    districtCode: city.districtCode,
    address: `${city.prefix}${random.pick(city.roads)}${random.pick(['东', '西', '南', '北'])}侧`,
    ...outline,
    area: Math.round(muToSquareMetres(mu) * 100) / 100,
    landUse: use,
    plotRatioMin: plan.min,
    plotRatioMax,
    buildingDensity: random.float(...plan.density, 2),
    greenRatio: random.float(...plan.green, 2),
    heightLimit: random.pick(plan.height),
    readiness: cleared ? 'cleared' : 'uncleared',
    utilities: cleared ? random.pick(['七通一平', '五通一平']) : '三通一平',
    status,
    referencePrice: Math.round(perMu) * 10_000,
    targetIndustry: industries ? random.pick(industries) : null,
    contactName: contactPerson(random),
    contactPhone: landline(random, city.profile),
    notes: status === 'transferred' ? '已完成出让，项目待开工。' : status === 'listed' ? '已发布出让公告，欢迎意向企业咨询。' : null,
  }
}

/** Hands out the places in a shuffled order, round and round, so names vary. */
function placeCycle(random: Random, places: string[]): () => string {
  const order = random.shuffle(places)
  let next = 0
  return () => order[next++ % order.length]!
}

function uniqueName(used: Set<string>, base: string): string {
  const numerals = ['', '二号', '三号', '四号', '五号', '六号']
  for (const n of numerals) {
    const name = `${base}${n}地块`
    if (!used.has(name)) {
      used.add(name)
      return name
    }
  }
  throw new Error(`demo: too many parcels named ${base}`)
}

export function buildParcels(random: Random): DemoParcel[] {
  const parcels: DemoParcel[] = []
  const gongshu = CITIES.gongshu
  const gongshuCentres = scatter(random, gongshu.box, GONGSHU_MIX.reduce((n, [, count]) => n + count, 0))
  const names = new Set<string>()
  const gongshuPlace = placeCycle(random, gongshu.places)
  let unit = 0
  for (const [use, count, totalMu] of GONGSHU_MIX) {
    for (const mu of splitMu(random, totalMu, count)) {
      const status = random.weighted<ParcelStatus>([['reserve', 25], ['preparing', 25], ['listed', 20], ['transferred', 30]])
      const place = gongshuPlace()
      unit += 1
      const code = `GS${String(600 + unit * 3).padStart(4, '0')}-${BLOCK[use]}-${String(random.int(1, 20)).padStart(2, '0')}`
      parcels.push(parcel(random, gongshu, use, status, mu, gongshuCentres[parcels.length]!, code, uniqueName(names, `${place}单元${USE_WORD[use]}`)))
    }
  }
  const hunnan = CITIES.hunnan
  const hunnanCentres = scatter(random, hunnan.box, HUNNAN_PLAN.length)
  const hunnanPlace = placeCycle(random, hunnan.places)
  HUNNAN_PLAN.forEach(([status, use, [low, high]], i) => {
    const year = status === 'transferred' ? 2024 : 2025
    const code = `HN${year}-${String(i + 1).padStart(3, '0')}`
    const name = uniqueName(names, `${hunnanPlace()}${USE_WORD[use]}`)
    parcels.push(parcel(random, hunnan, use, status, random.float(low, high, 2), hunnanCentres[i]!, code, name))
  })
  return parcels
}
