import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, organisationCodeCheckChar } from '../../../shared/creditCode'
import type { IndustrySection } from '../../../shared/domain'
import { addDays, monthStart } from '../demo/dates'
import { round } from '../demo/random'
import { CITY, contactPerson, INDUSTRIAL_INDUSTRIES, landline, OFFICE_INDUSTRIES } from '../demo/tenants'
import { levelOf, RENT } from './buildings'
import { NameBook } from './names'
import { DISTRICT_NAMES } from './positions'
import type { GenRandom } from './random'
import type { GenBuilding, GenLease, GenSpace, GenTenant } from './types'

// Companies and their leases. Leased spaces are grouped into runs of 1–3 neighbouring spaces, one
// company's lease each; the requested number of companies takes groups in a seeded order (by
// default enough of them to cover about 40 % of the leased spaces: the bureau rarely knows every
// tenant). Companies beyond the available groups are on the register without a current lease.

/** Share of leased spaces covered by a lease when `--tenants` is not given. */
export const DEFAULT_LEASED_SHARE = 0.4

// Two characters from this list make a brand (字号): 73² ≈ 5,300 brands, times places, businesses
// and industries, enough for a few hundred thousand distinct names.
const BRAND_CHARS = [
  ...new Set('东润恒泰博远中瑞汇通金桥德启航云帆智联北辰鼎盛丰宏图嘉禾明天和新锐卓同创众诚海川凯达君合景星河盈蓝兴邦安信睿华瀚正阳弘毅源行致优沃长青九州光拓维数'),
]
const PLACES = ['沈阳', '沈阳', '沈阳', '辽宁', '盛京']

const BUSINESS: Record<IndustrySection, readonly string[]> = {
  A: ['农业科技', '现代农业'], B: ['矿业投资'], C: ['智能装备制造', '精密机械', '电子科技', '新材料科技', '机器人技术', '汽车零部件', '医疗器械'],
  D: ['新能源科技', '热力工程', '电力工程'], E: ['建设工程', '建筑装饰工程', '市政工程'], F: ['商贸', '供应链管理', '国际贸易', '医药销售', '电子商务'],
  G: ['物流', '供应链物流', '冷链物流'], H: ['餐饮管理', '酒店管理'],
  I: ['信息技术', '软件', '网络科技', '数据科技', '智能科技', '数字科技', '云计算', '信息系统集成'],
  J: ['融资租赁', '资产管理', '商业保理', '投资管理', '金融信息服务', '小额贷款', '保险代理'],
  K: ['置业', '房地产经纪', '物业服务', '商业运营管理'],
  L: ['企业管理咨询', '人力资源服务', '商务咨询', '广告', '会展服务', '知识产权代理', '律师事务所', '会计师事务所'],
  M: ['工程设计', '检测技术', '工程咨询', '技术研究院', '生物技术', '工业设计'], N: ['环境工程', '园林绿化'], O: ['家政服务'],
  P: ['教育科技', '职业技能培训'], Q: ['医疗管理', '健康管理'], R: ['文化传媒', '文化发展', '影视文化', '体育文化'],
  S: ['社会组织服务'], T: ['国际交流服务'],
}

/** Annual tax per leased m², yuan, by building grade: most tenants pay little, the best towers' more. */
const TAX_PER_M2: Record<ReturnType<typeof levelOf>, [number, number]> = {
  super_a: [200, 1500], a: [100, 800], b: [50, 400], c: [20, 200], industrial: [30, 250],
}
/** Tax from which a company is taken to be above designated size (规上); a few smaller ones are too. */
const ABOVE_SCALE_TAX = 3_000_000

/** Branches of (fictional) financial groups: the large taxpayers of the best towers. */
const MAJOR_FORMS = ['银行股份有限公司沈阳分行', '保险股份有限公司辽宁分公司', '证券股份有限公司辽宁分公司', '人寿保险股份有限公司辽宁分公司', '信托有限责任公司沈阳业务部']

/** Shenyang districts a company without a lease here may be registered in. */
const SHENYANG_DISTRICTS = Object.keys(DISTRICT_NAMES)
/** Other places companies are registered in (GB/T 2260), with the place their names start with: tax paid there does not count here. */
const ELSEWHERE: ReadonlyArray<readonly [code: string, place: string]> = [
  ['110105', '北京'], ['310115', '上海'], ['440305', '深圳'], ['210202', '大连'], ['210211', '大连'],
]

/** The characters an organisation code may take inside a credit code (GB 32100's alphabet). */
const CODE_CHARS = [...CREDIT_CODE_ALPHABET]

/**
 * A unified social credit code as issued since 2015: '91' (an enterprise registered with market
 * regulation), the district, a 9-character organisation code "MA" + 6 characters + its GB 11714
 * check character, and the GB 32100 check character. The "MA" codes cannot meet the demo's
 * all-digit ones, so generated companies never clash with the demo's.
 */
export function creditCode(random: GenRandom, districtCode: string): string {
  const body = `MA${Array.from({ length: 6 }, () => random.pick(CODE_CHARS)).join('')}`
  const first17 = `91${districtCode}${body}${organisationCodeCheckChar(body)!}`
  return first17 + creditCodeCheckChar(first17)!
}

export interface CompanyFactory {
  /** A company name; `place` is where it is registered when that is not Shenyang. */
  name(industry: IndustrySection, place?: string): string
  major(): string
  code(districtCode: string): string
}

export function companyFactory(random: GenRandom): CompanyFactory {
  const names = new NameBook()
  const codes = new Set<string>()
  const brand = () => random.pick(BRAND_CHARS) + random.pick(BRAND_CHARS)
  return {
    name: (industry, place) =>
      names.unique(
        () => `${place ?? random.pick(PLACES)}${brand()}${random.pick(BUSINESS[industry])}有限公司`,
        // Every place word has two characters: a taken name gets a three-character brand.
        (base) => `${base.slice(0, 4)}${random.pick(BRAND_CHARS)}${base.slice(4)}`,
      ),
    major: () => names.unique(() => `${brand()}${random.pick(MAJOR_FORMS)}`, (base) => `${base.slice(0, 2)}${random.pick(BRAND_CHARS)}${base.slice(2)}`),
    code: (districtCode) => {
      for (;;) {
        const code = creditCode(random, districtCode)
        if (!codes.has(code)) {
          codes.add(code)
          return code
        }
      }
    },
  }
}

interface LeaseGroup {
  building: GenBuilding
  spaces: GenSpace[]
}

/** Runs of 1–3 neighbouring leased spaces in each building, in building and floor order. */
export function leaseGroups(random: GenRandom, buildings: readonly GenBuilding[]): LeaseGroup[] {
  const groups: LeaseGroup[] = []
  for (const building of buildings) {
    let current: GenSpace[] = []
    let size = 0
    for (const space of building.spaces) {
      if (space.status !== 'leased' || current.length >= size) {
        if (current.length) groups.push({ building, spaces: current })
        current = []
        size = random.weighted([[1, 60], [2, 28], [3, 12]] as const)
      }
      if (space.status === 'leased') current.push(space)
    }
    if (current.length) groups.push({ building, spaces: current })
  }
  return groups
}

/**
 * Lease dates laid out around today. Every draw is made whatever today is, so another day moves
 * the dates and nothing else: names, ids and figures stay those of the seed.
 */
function leaseDates(random: GenRandom, today: string, long: boolean): { startDate: string; endDate: string } {
  const monthsAgo = random.int(1, long ? 30 : 48)
  const term = long ? random.pick([60, 96, 120]) : random.pick([12, 24, 36, 36, 60])
  const endingSoon = !long && random.chance(0.15)
  const soon = random.int(1, 6)
  const later = random.int(7, 36)
  const startDate = monthStart(today, -monthsAgo)
  let endDate = addDays(monthStart(startDate, term), -1)
  // About one lease in seven runs out within six months: area the bureau can line up a tenant for.
  if (endingSoon) endDate = addDays(monthStart(today, soon), -1)
  else if (endDate < today) endDate = addDays(monthStart(today, later), -1)
  return { startDate, endDate }
}

export interface TenancyOptions {
  today: string
  /** Number of companies; by default enough leases to cover DEFAULT_LEASED_SHARE of leased spaces. */
  tenants?: number
  onProgress?: (done: number, total: number) => void
}

export function buildTenancy(random: GenRandom, buildings: readonly GenBuilding[], options: TenancyOptions): { tenants: GenTenant[]; leases: GenLease[] } {
  const groups = leaseGroups(random, buildings)
  const order = random.shuffle(groups.map((_, i) => i))
  let take: number
  if (options.tenants === undefined) {
    const leasedSpaces = groups.reduce((sum, g) => sum + g.spaces.length, 0)
    let covered = 0
    take = 0
    while (take < order.length && covered < leasedSpaces * DEFAULT_LEASED_SHARE) covered += groups[order[take++]!]!.spaces.length
  } else {
    take = Math.min(options.tenants, order.length)
  }
  // Back in building order, so a building's companies sit together in the lists.
  const chosen = order.slice(0, take).sort((a, b) => a - b).map((i) => groups[i]!)
  const total = options.tenants ?? take
  const companies = companyFactory(random)
  const tenants: GenTenant[] = []
  const leases: GenLease[] = []

  for (const { building, spaces } of chosen) {
    const area = round(spaces.reduce((sum, s) => sum + s.area, 0), 1)
    const industrial = building.kind === 'industrial'
    const prime = building.grade === 'super_a' || building.grade === 'a'
    const major = prime && spaces.length >= 2 && random.chance(building.grade === 'super_a' ? 0.35 : 0.12)
    const registeredHere = major || random.chance(0.85)
    const [elsewhere, elsewherePlace] = random.pick(ELSEWHERE)
    const industry: IndustrySection = major ? 'J' : random.weighted(industrial ? INDUSTRIAL_INDUSTRIES : OFFICE_INDUSTRIES)
    const [taxLow, taxHigh] = TAX_PER_M2[levelOf(building)]
    const taxPerM2 = major ? random.float(3000, 9000, 0) : random.float(taxLow, taxHigh, 0) * (industry === 'J' ? 1.5 : 1)
    const annualTax = Math.round((area * taxPerM2) / 1000) * 1000
    const tenant: GenTenant = {
      id: random.uuid(),
      name: major ? companies.major() : companies.name(industry, registeredHere ? undefined : elsewherePlace),
      creditCode: companies.code(registeredHere ? building.districtCode : elsewhere),
      industry,
      aboveScale: major || annualTax >= ABOVE_SCALE_TAX || random.chance(0.05),
      registeredInDistrict: registeredHere,
      annualTax,
      staff: Math.max(3, Math.round(area / (industrial ? random.float(30, 60) : random.float(8, 14)))),
      contactName: contactPerson(random),
      contactPhone: landline(random, CITY.shenyang),
    }
    tenants.push(tenant)
    const [low, high] = RENT[levelOf(building)]
    leases.push({
      id: random.uuid(),
      tenantId: tenant.id,
      buildingId: building.id,
      spaceIds: spaces.map((s) => s.id),
      ...leaseDates(random, options.today, major),
      area,
      rent: round(random.float(low, high, 3) * random.float(0.85, 1, 3), 1),
    })
    if (tenants.length % 5000 === 0) options.onProgress?.(tenants.length, total)
  }

  // Companies on the register without a current lease in the generated buildings.
  while (tenants.length < total) {
    const industry = random.weighted(OFFICE_INDUSTRIES)
    const annualTax = random.int(5, 2000) * 1000
    tenants.push({
      id: random.uuid(),
      name: companies.name(industry),
      creditCode: companies.code(random.pick(SHENYANG_DISTRICTS)),
      industry,
      aboveScale: annualTax >= ABOVE_SCALE_TAX,
      registeredInDistrict: true,
      annualTax,
      staff: random.int(3, 80),
      contactName: contactPerson(random),
      contactPhone: landline(random, CITY.shenyang),
    })
    if (tenants.length % 5000 === 0) options.onProgress?.(tenants.length, total)
  }
  return { tenants, leases }
}
