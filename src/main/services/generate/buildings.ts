import type { BuildingGrade, BuildingKind, FitOut, Ownership } from '../../../shared/domain'
import { PROPERTY_FEE } from '../demo/buildings'
import { addDays } from '../demo/dates'
import { round } from '../demo/random'
import { CITY, contactPerson, landline } from '../demo/tenants'
import { assignStatuses, layoutSpaces } from './floors'
import { NameBook } from './names'
import { type BusinessCentre, CENTRES, DISTRICT_NAMES, scatterAround, spreadScale } from './positions'
import type { GenRandom } from './random'
import type { GenBuilding, GenSpace } from './types'

// Buildings in two steps. First every building's plan (where, what kind and grade, how tall, how
// empty), then its floors once the requested total of spaces has been shared out over the plans
// in proportion to their leasable floors, so `--spaces N` gives exactly N spaces.

export interface BuildingPlan {
  id: string
  centre: BusinessCentre
  name: string
  address: string
  lng: number
  lat: number
  kind: BuildingKind
  grade: BuildingGrade | null
  floorsAbove: number
  floorsBelow: number
  /** First floor on record for lease (podium floors below it are lobby and retail). */
  officeFrom: number
  /** Typical floor plate (single-storey plants: one plant), m². */
  plate: number
  yearBuilt: number
  ownership: Ownership
  /** Share of the area on the market to leave vacant, 0–0.6. */
  vacancy: number
  /** Relative number of spaces this building gets out of the total. */
  spaceWeight: number
}

type Level = BuildingGrade | 'industrial'

/** 元/m²·天 ranges of asking rent; 1.5–7 for graded offices, less for plants. */
export const RENT: Record<Level, [number, number]> = {
  super_a: [4.5, 7], a: [3, 5], b: [2, 3.2], c: [1.5, 2.2], industrial: [0.6, 1.2],
}

const KINDS: Record<BusinessCentre['profile'], ReadonlyArray<readonly [BuildingKind, number]>> = {
  core: [['office', 86], ['complex', 11], ['stalled', 3]],
  urban: [['office', 78], ['complex', 12], ['industrial', 4], ['stalled', 6]],
  newtown: [['office', 62], ['complex', 12], ['industrial', 16], ['stalled', 10]],
  industrial: [['industrial', 74], ['office', 16], ['complex', 2], ['stalled', 8]],
}
const GRADES: Record<BusinessCentre['profile'], ReadonlyArray<readonly [BuildingGrade, number]>> = {
  core: [['super_a', 20], ['a', 45], ['b', 25], ['c', 10]],
  urban: [['super_a', 3], ['a', 25], ['b', 45], ['c', 27]],
  newtown: [['super_a', 5], ['a', 35], ['b', 40], ['c', 20]],
  industrial: [['a', 10], ['b', 45], ['c', 45]],
}
/** Floors above ground, floors below, first floor for lease, plate, year built. */
const SHAPES: Record<BuildingGrade, { above: [number, number]; below: [number, number]; from: [number, number]; plate: [number, number]; year: [number, number]; strata: number }> = {
  super_a: { above: [40, 60], below: [3, 5], from: [6, 10], plate: [1900, 2600], year: [2010, 2023], strata: 0.03 },
  a: { above: [25, 45], below: [2, 4], from: [3, 6], plate: [1400, 2200], year: [2004, 2022], strata: 0.1 },
  b: { above: [15, 32], below: [1, 3], from: [2, 4], plate: [900, 1600], year: [1996, 2016], strata: 0.35 },
  c: { above: [8, 22], below: [0, 2], from: [1, 3], plate: [600, 1200], year: [1988, 2010], strata: 0.5 },
}

const MIDS = [
  '', '', '', '国际', '环球', '财富', '金融', '科创', '总部', '商务', '数字', '创新', '时代', '中央', '世纪', '汇金', '鼎盛',
  '华府', '未来', '云谷', '智汇', '国贸', '景泰', '中泰', '恒信', '万和', '华茂', '星海', '置地', '泰富', '宏达', '瑞祥',
  '金汇', '天地', '东方', '嘉诚', '泰和', '金鼎', '融汇', '锦绣', '城建', '新华', '北方', '辽宁', '汇智', '盛世',
]
const OFFICE_TAILS = ['中心', '大厦', '广场', '国际中心', '商务中心', '金融中心', '大楼', '写字楼', '商务大厦', '科技大厦', '总部大厦', '国际大厦']
const COMPLEX_TAILS = ['城市广场', '广场', '城', '汇', '天地', '中心', '购物中心', '综合体']
const INDUSTRY_WORDS = ['智能制造', '装备制造', '电子信息', '新材料', '汽车零部件', '生物医药', '机器人', '航空配套', '集成电路', '食品加工', '现代物流', '科技', '节能环保', '精密机械']
const PARK_TAILS = ['产业园', '工业园', '标准厂房', '产业基地', '科技园', '产业园二期', '创新园']
const OWNER_WORDS = ['置业', '房地产开发', '实业', '投资发展', '商业管理', '城市建设投资', '资产管理']
const MANAGERS = [
  '沈阳金廊物业服务有限公司', '辽宁恒信物业管理有限公司', '沈阳中环物业服务有限公司', '沈阳北辰物业管理有限公司',
  '沈阳盛京物业服务有限公司', '辽宁华茂物业管理有限公司', '沈阳浑南物业服务有限公司', '沈阳东方物业管理有限公司',
  '沈阳万和物业服务有限公司', '辽宁嘉诚物业管理有限公司', '沈阳铁西物业服务有限公司', '沈阳北方物业管理有限公司',
]

function buildingName(random: GenRandom, kind: BuildingKind, centre: BusinessCentre, names: NameBook): string {
  const stem = () => random.pick(centre.stems)
  const mid = (s: string, tail: string) => {
    const m = random.pick(MIDS)
    return m && !tail.includes(m) && !s.includes(m) ? m : ''
  }
  const draw = (): string => {
    if (kind === 'industrial') return `${stem()}${random.pick(INDUSTRY_WORDS)}${random.pick(PARK_TAILS)}`
    const tails = kind === 'complex' ? COMPLEX_TAILS : OFFICE_TAILS
    const s = stem()
    const tail = random.pick(tails)
    return `${s}${mid(s, tail)}${tail}`
  }
  const stalled = kind === 'stalled'
  return names.unique(
    stalled ? () => `${draw()}（停缓建）` : draw,
    (base, n) => (stalled ? base.replace('（停缓建）', ` ${n} 号楼（停缓建）`) : `${base} ${n} 号楼`),
  )
}

/** The plan of one building around a business centre. The first building is never a stalled shell. */
export function planBuilding(random: GenRandom, index: number, count: number, names: NameBook): BuildingPlan {
  const centre = random.weighted(CENTRES.map((c) => [c, c.weight] as const))
  let kind = random.weighted(KINDS[centre.profile])
  if (index === 0 && kind === 'stalled') kind = 'office'
  const [lng, lat] = scatterAround(random, centre, spreadScale(count))
  const grade: BuildingGrade | null =
    kind === 'office' ? random.weighted(GRADES[centre.profile]) : kind === 'complex' ? random.weighted<BuildingGrade>([['a', 60], ['b', 40]]) : null

  let floorsAbove: number
  let floorsBelow: number
  let officeFrom: number
  let plate: number
  let yearBuilt: number
  let strata: number
  if (kind === 'industrial') {
    floorsAbove = random.chance(0.45) ? 1 : random.int(2, 6)
    floorsBelow = random.chance(0.8) ? 0 : 1
    officeFrom = 1
    plate = floorsAbove === 1 ? random.int(30, 80) * 100 : random.int(15, 35) * 100
    yearBuilt = random.int(2003, 2023)
    strata = 0.05
  } else if (kind === 'complex') {
    floorsAbove = random.int(20, 45)
    floorsBelow = random.int(3, 4)
    officeFrom = random.int(5, 8)
    plate = random.int(15, 24) * 100
    yearBuilt = random.int(2008, 2022)
    strata = 0.15
  } else {
    const shape = SHAPES[grade ?? 'b']
    floorsAbove = random.int(...shape.above)
    floorsBelow = random.int(...shape.below)
    officeFrom = Math.min(floorsAbove, random.int(...shape.from))
    plate = random.int(shape.plate[0] / 50, shape.plate[1] / 50) * 50
    yearBuilt = kind === 'stalled' ? random.int(2011, 2019) : random.int(...shape.year)
    strata = kind === 'stalled' ? 0 : shape.strata
  }
  if (kind === 'stalled') floorsAbove = Math.max(12, Math.min(40, floorsAbove))

  // Vacancy by area: some towers fully let, most 5–30 %, a few mostly empty; new towns emptier.
  const band = random.weighted<[number, number]>([[[0, 0], 12], [[0.02, 0.15], 30], [[0.15, 0.3], 30], [[0.3, 0.45], 18], [[0.45, 0.6], 10]])
  const vacancy = Math.min(0.6, random.float(...band, 3) + (centre.profile === 'newtown' && band[1] > 0 ? 0.05 : 0))

  const leasableFloors = kind === 'stalled' ? 0 : floorsAbove === 1 && kind === 'industrial' ? random.int(3, 8) : floorsAbove - officeFrom + 1
  return {
    id: random.uuid(),
    centre,
    name: buildingName(random, kind, centre, names),
    address: `${DISTRICT_NAMES[centre.districtCode]}${random.pick(centre.roads)}${random.int(1, 399)}号`,
    lng,
    lat,
    kind,
    grade,
    floorsAbove,
    floorsBelow,
    officeFrom,
    plate,
    yearBuilt,
    ownership: random.chance(strata) ? 'strata' : 'whole',
    vacancy,
    spaceWeight: leasableFloors * random.float(0.5, 1.5, 3),
  }
}

/** Shares `total` spaces out over the plans in proportion to their weights (largest remainder). */
export function allocateSpaces(plans: readonly BuildingPlan[], total: number): number[] {
  const weight = plans.reduce((sum, p) => sum + p.spaceWeight, 0)
  if (total > 0 && weight === 0) throw new Error('generate: no building can hold spaces')
  if (total === 0) return plans.map(() => 0)
  const exact = plans.map((p) => (total * p.spaceWeight) / weight)
  const counts = exact.map(Math.floor)
  let left = total - counts.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (const [, i] of order) {
    if (left === 0) break
    counts[i]! += 1
    left -= 1
  }
  return counts
}

export function levelOf(plan: Pick<BuildingPlan, 'kind' | 'grade'>): Level {
  return plan.kind === 'industrial' ? 'industrial' : (plan.grade ?? 'b')
}

/** The building row and its spaces. */
export function buildBuilding(random: GenRandom, plan: BuildingPlan, spaceCount: number, today: string): GenBuilding {
  const level = levelOf(plan)
  const [low, high] = RENT[level]
  const rentBase = random.float(low, high, 2)
  const layout = layoutSpaces(random, plan, spaceCount)
  const statuses = assignStatuses(random, plan, layout.map((s) => s.area))
  const fitOuts: ReadonlyArray<readonly [FitOut, number]> =
    level === 'super_a' || level === 'a' ? [['bare', 2], ['basic', 4], ['fitted', 4]] : level === 'industrial' ? [['bare', 7], ['basic', 3]] : [['bare', 3], ['basic', 5], ['fitted', 2]]
  const spaces: GenSpace[] = layout.map((s, i) => {
    const status = statuses[i]!
    const onMarket = status === 'vacant' || status === 'reserved'
    // Higher floors ask a little more, within the grade's range.
    const height = 1 + 0.004 * Number.parseInt(s.floorLabel, 10)
    const rent = Math.min(high, Math.max(low, rentBase * height * random.float(0.95, 1.05, 3)))
    return {
      id: random.uuid(),
      ...s,
      status,
      askingRent: onMarket ? round(rent, 1) : null,
      fitOut: status === 'sold' ? null : random.weighted(fitOuts),
      availableFrom: status === 'vacant' ? addDays(today, random.pick([0, 0, 0, 30, 60, 90, 180])) : null,
      divisible: s.unit === null && s.area > 1500 && random.chance(0.4),
    }
  })

  const recorded = spaces.reduce((sum, s) => sum + s.area, 0)
  const stem = plan.centre.stems[0]!
  const owner =
    plan.ownership === 'strata'
      ? `${plan.name.replace(/（停缓建）$/, '')}业主委员会`
      : plan.kind === 'industrial'
        ? `沈阳${stem}产业园区投资有限公司`
        : `沈阳${random.pick(plan.centre.stems)}${random.pick(OWNER_WORDS)}有限公司`
  return {
    id: plan.id,
    clusterId: null,
    name: plan.name,
    address: plan.address,
    districtCode: plan.centre.districtCode,
    lng: plan.lng,
    lat: plan.lat,
    grade: plan.grade,
    kind: plan.kind,
    floorsAbove: plan.floorsAbove,
    floorsBelow: plan.floorsBelow,
    totalArea: Math.round(Math.max(recorded * 1.15, plan.plate * (plan.floorsAbove + plan.floorsBelow) * 1.05) / 100) * 100,
    // As in the demo: an industrial site covers about 60% of its land; no draw of the sequence.
    landArea: plan.kind === 'industrial' ? Math.round(plan.plate / 0.6 / 100) * 100 : null,
    yearBuilt: plan.yearBuilt,
    owner,
    propertyManager: plan.kind === 'stalled' || (plan.kind === 'industrial' && random.chance(0.5)) ? null : random.pick(MANAGERS),
    ownership: plan.ownership,
    propertyFee: plan.kind === 'stalled' ? null : random.float(...PROPERTY_FEE[level], 1),
    contactName: contactPerson(random),
    contactPhone: landline(random, CITY.shenyang),
    notes: notesFor(random, plan),
    spaces,
  }
}

function notesFor(random: GenRandom, plan: BuildingPlan): string | null {
  if (plan.kind === 'stalled') {
    return `${plan.yearBuilt} 年主体结构${random.pick(['封顶', '施工至半'])}后停工，${random.pick(['产权清晰、无查封', '存在在建工程抵押'])}，可整体收购或合作盘活。`
  }
  if (plan.kind === 'industrial' && plan.floorsAbove === 1) {
    return `单层标准厂房，地面承重 ${random.pick([2, 3, 5])} 吨/m²，檐高 ${random.pick([8, 9, 12])} 米${random.chance(0.5) ? '，配套卸货平台' : ''}。`
  }
  return null
}
