import { creditCodeCheckChar, organisationCodeCheckChar } from '../../../shared/creditCode'
import type { IndustrySection } from '../../../shared/domain'
import type { Random } from './random'

// Synthetic companies: names in the usual "place + brand + business + form" pattern, credit codes
// that pass the GB 32100 check, and figures in proportion to the space they lease.

const BRANDS = [
  '东润', '恒泰', '博远', '中瑞', '汇通', '金桥', '德润', '启航', '云帆', '智联', '北辰', '鼎盛', '瑞丰', '宏图', '嘉禾',
  '明德', '天和', '新锐', '卓远', '同创', '众诚', '海川', '凯达', '诚泰', '君合', '远景', '星河', '盈泰', '蓝海', '兴邦',
  '泰和', '安信', '睿智', '华瀚', '正阳', '弘毅', '信达通', '融创汇', '源丰', '景行', '致远', '合力', '优联', '沃土',
  '长青', '九州通达', '辰光', '拓维', '数联', '青禾',
]

const BUSINESS: Record<IndustrySection, readonly string[]> = {
  A: ['农业科技'], B: ['矿业投资'], C: ['智能装备制造', '精密机械', '电子科技', '新材料科技', '机器人技术'],
  D: ['新能源科技', '热力工程'], E: ['建设工程', '建筑装饰工程'], F: ['商贸', '供应链管理', '国际贸易', '医药销售'],
  G: ['物流', '供应链物流'], H: ['餐饮管理', '酒店管理'],
  I: ['信息技术', '软件', '网络科技', '数据科技', '智能科技', '数字科技'],
  J: ['融资租赁', '资产管理', '商业保理', '投资管理', '金融信息服务'], K: ['置业', '房地产经纪', '物业服务'],
  L: ['企业管理咨询', '人力资源服务', '商务咨询', '广告', '会展服务', '知识产权代理'],
  M: ['工程设计', '检测技术', '工程咨询', '技术研究院', '生物技术'], N: ['环境工程'], O: ['家政服务'],
  P: ['教育科技', '职业技能培训'], Q: ['医疗管理', '健康管理'], R: ['文化传媒', '文化发展', '影视文化'],
  S: ['社会组织服务'], T: ['国际交流服务'],
}

/** Branches of (fictional) financial groups: the large taxpayers of a 亿元楼. */
const MAJOR_FORMS: ReadonlyArray<[suffix: string, industry: IndustrySection]> = [
  ['银行股份有限公司辽宁分行', 'J'],
  ['保险股份有限公司辽宁分公司', 'J'],
  ['证券股份有限公司辽宁分公司', 'J'],
  ['集团东北区域总部有限公司', 'L'],
  ['信托有限责任公司沈阳业务部', 'J'],
  ['人寿保险股份有限公司辽宁分公司', 'J'],
]

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '孙', '马', '高', '林', '郑']
const TITLES = ['经理', '总监', '主任', '女士', '先生']

export interface CityProfile {
  /** Place words a registered name may start with. */
  places: readonly string[]
  /** Telephone prefix and the first digit of local numbers. */
  areaCode: string
  localFirst: string
}

export const CITY: Record<'shenyang' | 'hangzhou', CityProfile> = {
  shenyang: { places: ['沈阳', '辽宁'], areaCode: '024', localFirst: '2' },
  hangzhou: { places: ['杭州', '浙江'], areaCode: '0571', localFirst: '8' },
}

/** Places other companies are registered in (GB/T 2260): tax paid there does not count here. */
const ELSEWHERE = ['110105', '310115', '440305', '210102', '210106']

export function contactPerson(random: Random): string {
  return `${random.pick(SURNAMES)}${random.pick(TITLES)}`
}

export function landline(random: Random, city: CityProfile): string {
  return `${city.areaCode}-${city.localFirst}${String(random.int(0, 9_999_999)).padStart(7, '0')}`
}

/** GB 11714 organisation code: 8 digits and a check character (0-9 or X). */
function organisationCode(random: Random): string {
  const digits = Array.from({ length: 8 }, () => random.int(0, 9)).join('')
  return digits + organisationCodeCheckChar(digits)!
}

/** '91' (enterprise registered with market regulation) + district + organisation code + check. */
export function creditCode(random: Random, districtCode: string): string {
  const first17 = `91${districtCode}${organisationCode(random)}`
  return first17 + creditCodeCheckChar(first17)!
}

export interface CompanyFactory {
  /** An ordinary tenant of the given industry. */
  company(industry: IndustrySection, city: CityProfile): string
  /** A large financial or headquarters tenant. */
  major(): { name: string; industry: IndustrySection }
  /** A credit code no other company of the dataset has. */
  code(districtCode: string, registeredHere: boolean): string
}

export function companyFactory(random: Random): CompanyFactory {
  const names = new Set<string>()
  const codes = new Set<string>()
  const unique = (make: () => string): string => {
    for (;;) {
      const name = make()
      if (!names.has(name)) {
        names.add(name)
        return name
      }
    }
  }
  return {
    company: (industry, city) =>
      unique(() => `${random.pick(city.places)}${random.pick(BRANDS)}${random.pick(BUSINESS[industry])}有限公司`),
    major: () => {
      const [suffix, industry] = random.pick(MAJOR_FORMS)
      return { name: unique(() => `${random.pick(BRANDS)}${suffix}`), industry }
    },
    code: (districtCode, registeredHere) => {
      for (;;) {
        const code = creditCode(random, registeredHere ? districtCode : random.pick(ELSEWHERE))
        if (!codes.has(code)) {
          codes.add(code)
          return code
        }
      }
    },
  }
}

/** Industries of ordinary office tenants, by weight. */
export const OFFICE_INDUSTRIES: ReadonlyArray<readonly [IndustrySection, number]> = [
  ['I', 22], ['J', 20], ['L', 20], ['M', 12], ['F', 10], ['K', 5], ['R', 5], ['Q', 3], ['P', 2], ['E', 1],
]

export const INDUSTRIAL_INDUSTRIES: ReadonlyArray<readonly [IndustrySection, number]> = [
  ['C', 60], ['I', 15], ['M', 15], ['G', 10],
]
