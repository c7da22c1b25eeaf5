import type { ParkStatus } from '../../../shared/domain'
import { SHENHE } from './catalogue'
import type { Random } from './random'
import { CITY, contactPerson, landline } from './tenants'
import type { DemoPark } from './types'

// Shenhe's ten sky industrial parks. 数字经济 and 总部经济 carry the published figures (host,
// investment, area, sub-parks); the other eight have plausible hosts and figures.

type ParkSpec = Omit<DemoPark, 'contactName' | 'contactPhone' | 'districtCode' | 'landArea'> & { landArea?: number }

const sub = (name: string, area: number | null, theme: string | null = null, status: ParkStatus | null = null) => ({ name, theme, area, status })

const PARKS: ParkSpec[] = [
  {
    key: 'digital', name: '数字经济产业园', theme: '数字经济', plannedInvestment: 2e9, totalArea: 50_000, status: 'operating', landArea: 16_000,
    operator: '沈阳茂业数字经济产业发展有限公司',
    description: '依托茂业中心整层改造的空中产业园，聚焦人工智能、工业设计和大数据，设四个分园。',
    subParks: [
      sub('智能经济分园', 14_000, '人工智能、智能终端'),
      sub('机器人工业设计分园', 12_000, '机器人、工业设计'),
      sub('大数据分园', 13_000, '数据服务、云计算'),
      sub('数字独角兽孵化基地', 11_000, '数字经济初创企业孵化', 'fitting_out'),
    ],
    hosts: [{ buildingKey: 'maoye', floors: '20-42', area: 50_000 }],
  },
  {
    key: 'hq', name: '总部经济产业园', theme: '总部经济', plannedInvestment: 5e9, totalArea: 100_000, status: 'operating', landArea: 52_000,
    operator: '沈阳金廊总部经济发展有限公司',
    description: '沿青年大街金廊布局，多栋载体楼宇联动，承接企业区域总部、外资和央企国企东北总部。',
    subParks: [
      sub('优质中小企业服务基地', 20_000), sub('新经济产业社区', 25_000),
      sub('外资企业总部基地', 25_000), sub('央企国企东北总部基地', 30_000, null, 'fitting_out'),
    ],
    hosts: [
      { buildingKey: 'hanglung', floors: '38-50', area: 28_000 },
      { buildingKey: 'huaqiang', floors: '30-41', area: 25_000 },
      { buildingKey: 'baoneng', floors: '40-50', area: 26_000 },
      { buildingKey: 'qianhai', floors: '20-29', area: 21_000 },
    ],
  },
  {
    key: 'culture', name: '国家文化出口基地产业园', theme: '文化出口', plannedInvestment: 8e8, totalArea: 30_000, status: 'operating', landArea: 12_500,
    operator: '沈阳盛京文化贸易服务有限公司',
    description: '服务数字内容、动漫游戏和文化贸易企业出海，提供版权、报关和海外推广服务。',
    subParks: [sub('数字内容分园', 12_000), sub('动漫游戏分园', 10_000), sub('文化贸易服务中心', 8_000, null, 'planned')],
    hosts: [{ buildingKey: 'vanke', floors: '18-33', area: 30_000 }],
  },
  {
    key: 'ecommerce', name: '跨境电商产业园', theme: '跨境电商', plannedInvestment: 5e8, totalArea: 20_000, status: 'fitting_out',
    operator: '沈阳北站跨境电商运营管理有限公司',
    description: '紧邻沈阳北站，集聚跨境电商平台、服务商和直播基地。',
    subParks: [sub('跨境电商企业集聚区', 14_000, null, 'operating'), sub('直播电商基地', 6_000, null, 'planned')],
    hosts: [{ buildingKey: 'xindi', floors: '10-20', area: 20_000 }],
  },
  {
    key: 'tourism', name: '文商旅产业园', theme: '文商旅融合', plannedInvestment: 3e8, totalArea: 15_000, status: 'operating',
    operator: '沈阳盛京文旅发展有限公司',
    description: '面向文旅策划、商业运营和会展企业，联动中街、故宫等文商旅资源。',
    subParks: [sub('文旅策划分园', 8_000), sub('会展服务分园', 7_000)],
    hosts: [{ buildingKey: 'shengjing', floors: '4-15', area: 15_000 }],
  },
  {
    key: 'fintech', name: '数字金融产业园', theme: '数字金融', plannedInvestment: 1.2e9, totalArea: 40_000, status: 'operating', landArea: 21_000,
    operator: '沈阳惠工金融科技发展有限公司',
    description: '位于惠工方圆金融楼宇集聚区，集聚金融科技、财富管理和金融外包服务企业。',
    subParks: [sub('金融科技分园', 22_000), sub('财富管理分园', 18_000)],
    hosts: [
      { buildingKey: 'caifu', floors: '8-20', area: 22_000 },
      { buildingKey: 'xuhui', floors: '6-16', area: 18_000 },
    ],
  },
  {
    key: 'metaverse', name: '元宇宙产业园', theme: '元宇宙', plannedInvestment: 6e8, totalArea: 18_000, status: 'fitting_out',
    operator: '沈阳卓越元宇宙科技有限公司',
    description: '面向虚拟现实、数字孪生和三维内容企业，配套算力和动作捕捉公共平台。',
    subParks: [sub('虚拟现实分园', 10_000), sub('数字孪生分园', 8_000)],
    hosts: [{ buildingKey: 'zhuoyue', floors: '10-19', area: 18_000 }],
  },
  {
    key: 'health', name: '生命健康产业园', theme: '生命健康', plannedInvestment: 1e9, totalArea: 28_000, status: 'planned',
    operator: '沈阳金廊生命健康产业发展有限公司',
    description: '规划聚集医疗器械研发、健康管理和医药流通企业总部。',
    subParks: [sub('医疗器械研发分园', 16_000, null, 'fitting_out'), sub('健康管理服务分园', 12_000)],
    hosts: [{ buildingKey: 'qingnian-kj', floors: '4-25', area: 28_000 }],
  },
  {
    key: 'future', name: '东北未来生态产业园', theme: '未来产业', plannedInvestment: 8e8, totalArea: 24_000, status: 'planned',
    operator: '沈阳彩塔未来产业发展有限公司',
    description: '规划布局新能源、低碳服务和未来产业孵化。',
    subParks: [sub('低碳服务分园', 12_000), sub('未来产业孵化基地', 12_000)],
    hosts: [{ buildingKey: 'caita-intl', floors: '6-20', area: 24_000 }],
  },
  {
    key: 'hr', name: '人力资源产业园', theme: '人力资源服务', plannedInvestment: 4e8, totalArea: 12_000, status: 'operating',
    operator: '沈阳人力资源服务产业园运营有限公司',
    description: '集聚招聘、灵活用工、人才测评和培训机构，提供一站式人力资源服务。',
    subParks: [sub('人力资源服务企业集聚区', 9_000), sub('公共就业服务大厅', 3_000)],
    hosts: [{ buildingKey: 'tianxi', floors: '6-12', area: 12_000 }],
  },
]

export function buildParks(random: Random): DemoPark[] {
  return PARKS.map((spec) => ({
    ...spec,
    landArea: spec.landArea ?? null,
    districtCode: SHENHE,
    contactName: contactPerson(random),
    contactPhone: landline(random, CITY.shenyang),
  }))
}
