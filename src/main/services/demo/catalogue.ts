import type { BuildingGrade, BuildingKind, Ownership } from '../../../shared/domain'

// The named places of the demo. Cluster and building names follow public reports on Shenhe's
// building clusters (see the domain notes); the figures, owners and everything inside the
// buildings are synthetic. Positions are WGS-84, close to where the places are.

export const SHENHE = '210103'
export const HUNNAN = '210112'
export const GONGSHU = '330105'

export interface ClusterSpec {
  key: string
  name: string
  districtCode: string
  description: string
  /** Where its buildings stand (WGS-84); buildings are scattered a few hundred metres around it. */
  centre: [number, number]
}

export const CLUSTERS: ClusterSpec[] = [
  {
    key: 'huigong',
    name: '惠工方圆金融楼宇集聚区',
    districtCode: SHENHE,
    description: '以沈阳北站、惠工广场为中心的金融商务楼宇集聚区，银行、保险、证券区域总部集中。',
    centre: [123.4285, 41.8115],
  },
  {
    key: 'shifu',
    name: '市府广场总部楼宇集聚区',
    districtCode: SHENHE,
    description: '市府广场周边的总部楼宇集聚区，超甲级写字楼集中，以企业区域总部和专业服务业为主。',
    centre: [123.4265, 41.8015],
  },
  {
    key: 'caita',
    name: '彩塔商务楼宇集聚区',
    districtCode: SHENHE,
    description: '青年大街金廊南段、彩塔街一带的商务楼宇集聚区，新建高端写字楼集中。',
    centre: [123.4315, 41.7725],
  },
]

export interface BuildingSpec {
  key: string
  name: string
  clusterKey: string | null
  districtCode: string
  /** Explicit position; buildings of a cluster without one are placed around its centre. */
  at?: [number, number]
  address: string
  grade: BuildingGrade | null
  kind: BuildingKind
  floorsAbove: number
  floorsBelow: number
  /** First floor offered for lease (podium floors below it are retail and lobby, not recorded). */
  officeFrom: number
  /** Typical floor plate, m². */
  plate: number
  yearBuilt: number
  ownership: Ownership
  /** Share of the area on the market that is vacant. */
  vacancy: number
  owner: string
  propertyManager: string | null
  /** Annual tax its tenants together pay at least, yuan (亿元楼). */
  taxTarget?: number
  notes?: string
}

const office = (spec: Omit<BuildingSpec, 'kind' | 'districtCode' | 'floorsBelow' | 'officeFrom'> & Partial<BuildingSpec>): BuildingSpec => ({
  kind: 'office',
  districtCode: SHENHE,
  floorsBelow: 3,
  officeFrom: 6,
  ...spec,
})

export const BUILDINGS: BuildingSpec[] = [
  // 惠工方圆金融楼宇集聚区 (6)
  office({ key: 'caifu', name: '财富中心', clusterKey: 'huigong', address: '沈河区北站路59号', grade: 'a', floorsAbove: 36, plate: 1800, yearBuilt: 2012, ownership: 'whole', vacancy: 0.12, owner: '沈阳财富中心置业有限公司', propertyManager: '沈阳金廊物业服务有限公司' }),
  office({ key: 'xindi', name: '新地中心', clusterKey: 'huigong', address: '沈河区北站路61号', grade: 'a', floorsAbove: 48, plate: 2000, yearBuilt: 2014, ownership: 'whole', vacancy: 0.18, owner: '沈阳新地置业有限公司', propertyManager: '沈阳新地物业管理有限公司' }),
  office({ key: 'xuhui', name: '旭辉中心', clusterKey: 'huigong', address: '沈河区惠工街10号', grade: 'a', floorsAbove: 33, plate: 1700, yearBuilt: 2016, ownership: 'whole', vacancy: 0.22, owner: '沈阳旭辉置业有限公司', propertyManager: '沈阳金廊物业服务有限公司' }),
  office({ key: 'huigong-jr', name: '惠工金融大厦', clusterKey: 'huigong', address: '沈河区惠工街124号', grade: 'b', floorsAbove: 24, officeFrom: 4, plate: 1300, yearBuilt: 2006, ownership: 'strata', vacancy: 0.31, owner: '沈阳惠工金融大厦业主委员会', propertyManager: '辽宁恒信物业管理有限公司' }),
  office({ key: 'fangyuan', name: '方圆国际大厦', clusterKey: 'huigong', address: '沈河区北站一路43号', grade: 'b', floorsAbove: 28, officeFrom: 5, plate: 1400, yearBuilt: 2008, ownership: 'strata', vacancy: 0.27, owner: '沈阳方圆置业有限公司', propertyManager: '辽宁恒信物业管理有限公司' }),
  office({ key: 'beizhan', name: '北站商务中心', clusterKey: 'huigong', address: '沈河区北站路77号', grade: 'a', floorsAbove: 30, plate: 1600, yearBuilt: 2011, ownership: 'whole', vacancy: 0.09, owner: '沈阳北站商务中心开发有限公司', propertyManager: '沈阳北辰物业管理有限公司' }),
  // 市府广场总部楼宇集聚区 (7)
  office({ key: 'hanglung', name: '市府恒隆广场', clusterKey: 'shifu', address: '沈河区青年大街1号', grade: 'super_a', floorsAbove: 60, floorsBelow: 4, officeFrom: 10, plate: 2200, yearBuilt: 2015, ownership: 'whole', vacancy: 0.08, owner: '沈阳恒隆地产有限公司', propertyManager: '沈阳恒隆物业管理有限公司', taxTarget: 1.6e8, notes: '市府广场地标写字楼，入驻企业以金融和企业区域总部为主，列入亿元楼宇培育名单。' }),
  office({ key: 'tianxi', name: '新华天玺大厦', clusterKey: 'shifu', address: '沈河区市府大路262号', grade: 'a', floorsAbove: 45, plate: 1900, yearBuilt: 2013, ownership: 'whole', vacancy: 0.14, owner: '沈阳新华天玺置业有限公司', propertyManager: '沈阳中环物业服务有限公司' }),
  office({ key: 'zhuoyue', name: '卓越大厦', clusterKey: 'shifu', address: '沈河区市府大路258号', grade: 'a', floorsAbove: 40, plate: 1800, yearBuilt: 2012, ownership: 'whole', vacancy: 0.2, owner: '沈阳卓越置业有限公司', propertyManager: '沈阳卓越物业服务有限公司' }),
  office({ key: 'maoye', name: '茂业中心', clusterKey: 'shifu', address: '沈河区青年大街185号', grade: 'super_a', floorsAbove: 58, floorsBelow: 4, officeFrom: 10, plate: 2200, yearBuilt: 2014, ownership: 'whole', vacancy: 0.16, owner: '沈阳茂业置业有限公司', propertyManager: '沈阳茂业物业服务有限公司', notes: '数字经济产业园载体楼宇。' }),
  office({ key: 'shifu-jr', name: '市府大路金融中心', clusterKey: 'shifu', address: '沈河区市府大路228号', grade: 'a', floorsAbove: 36, plate: 1700, yearBuilt: 2010, ownership: 'whole', vacancy: 0.11, owner: '沈阳市府大路置业有限公司', propertyManager: '沈阳中环物业服务有限公司' }),
  office({ key: 'shengjing', name: '盛京国际大厦', clusterKey: 'shifu', address: '沈河区市府大路200号', grade: 'b', floorsAbove: 26, officeFrom: 4, plate: 1300, yearBuilt: 2005, ownership: 'strata', vacancy: 0.34, owner: '沈阳盛京国际大厦业主委员会', propertyManager: '辽宁恒信物业管理有限公司' }),
  office({ key: 'qingnian-hq', name: '青年大街总部大厦', clusterKey: 'shifu', address: '沈河区青年大街219号', grade: 'a', floorsAbove: 38, plate: 1800, yearBuilt: 2017, ownership: 'whole', vacancy: 0.24, owner: '沈阳青年大街总部置业有限公司', propertyManager: '沈阳北辰物业管理有限公司' }),
  // 彩塔商务楼宇集聚区 (8)
  office({ key: 'baoneng', name: '宝能环球金融中心', clusterKey: 'caita', address: '沈河区青年大街109号', grade: 'super_a', floorsAbove: 62, floorsBelow: 5, officeFrom: 12, plate: 2400, yearBuilt: 2019, ownership: 'whole', vacancy: 0.3, owner: '沈阳宝能置业有限公司', propertyManager: '沈阳宝能物业服务有限公司' }),
  office({ key: 'huaqiang', name: '华强金廊城市广场', clusterKey: 'caita', address: '沈河区青年大街137号', grade: 'super_a', floorsAbove: 55, floorsBelow: 4, officeFrom: 8, plate: 2100, yearBuilt: 2016, ownership: 'whole', vacancy: 0.1, owner: '沈阳华强房地产开发有限公司', propertyManager: '沈阳华强物业管理有限公司', taxTarget: 1.2e8, notes: '金廊核心段综合体，写字楼部分以总部经济产业园为主要招商载体，列入亿元楼宇培育名单。' }),
  office({ key: 'vanke', name: '万科中心', clusterKey: 'caita', address: '沈河区青年大街131号', grade: 'a', floorsAbove: 42, plate: 1900, yearBuilt: 2015, ownership: 'whole', vacancy: 0.15, owner: '沈阳万科企业有限公司', propertyManager: '沈阳万科物业服务有限公司' }),
  office({ key: 'qianhai', name: '前海人寿金融中心', clusterKey: 'caita', address: '沈河区青年大街117号', grade: 'super_a', floorsAbove: 52, floorsBelow: 4, officeFrom: 8, plate: 2200, yearBuilt: 2020, ownership: 'whole', vacancy: 0.26, owner: '前海人寿（沈阳）置业有限公司', propertyManager: '沈阳金廊物业服务有限公司' }),
  office({ key: 'caita-intl', name: '彩塔国际中心', clusterKey: 'caita', address: '沈河区彩塔街21号', grade: 'a', floorsAbove: 34, plate: 1600, yearBuilt: 2013, ownership: 'whole', vacancy: 0.19, owner: '沈阳彩塔置业有限公司', propertyManager: '沈阳北辰物业管理有限公司' }),
  office({ key: 'wulihe', name: '五里河商务大厦', clusterKey: 'caita', address: '沈河区青年大街97号', grade: 'b', floorsAbove: 28, officeFrom: 4, plate: 1400, yearBuilt: 2007, ownership: 'strata', vacancy: 0.29, owner: '沈阳五里河置业有限公司', propertyManager: '辽宁恒信物业管理有限公司' }),
  office({ key: 'jinlang-cx', name: '金廊创新大厦', clusterKey: 'caita', address: '沈河区彩塔街35号', grade: 'b', floorsAbove: 22, officeFrom: 4, plate: 1200, yearBuilt: 2009, ownership: 'whole', vacancy: 0.21, owner: '沈阳金廊创新置业有限公司', propertyManager: '沈阳中环物业服务有限公司' }),
  office({ key: 'qingnian-kj', name: '青年大街科技大厦', clusterKey: 'caita', address: '沈河区青年大街89号', grade: 'b', floorsAbove: 25, officeFrom: 4, plate: 1300, yearBuilt: 2010, ownership: 'whole', vacancy: 0.17, owner: '沈阳青年科技置业有限公司', propertyManager: '沈阳中环物业服务有限公司' }),
  // 浑南区: offices, industrial parks and a stalled project (Hunnan's stock survey counts all three).
  office({ key: 'hn-kjc', name: '浑南科技城商务大厦', clusterKey: null, districtCode: HUNNAN, at: [123.4712, 41.7185], address: '浑南区创新路195号', grade: 'b', floorsAbove: 24, floorsBelow: 2, officeFrom: 3, plate: 1500, yearBuilt: 2016, ownership: 'whole', vacancy: 0.33, owner: '沈阳浑南科技城发展有限公司', propertyManager: '沈阳浑南物业服务有限公司' }),
  office({ key: 'hn-quanyun', name: '全运路金融中心', clusterKey: null, districtCode: HUNNAN, at: [123.4406, 41.7302], address: '浑南区全运路109号', grade: 'a', floorsAbove: 32, floorsBelow: 3, officeFrom: 5, plate: 1800, yearBuilt: 2018, ownership: 'whole', vacancy: 0.27, owner: '沈阳全运置业有限公司', propertyManager: '沈阳浑南物业服务有限公司' }),
  { key: 'hn-zhizao', name: '浑南智能制造产业园', clusterKey: null, districtCode: HUNNAN, at: [123.5181, 41.6954], address: '浑南区浑南东路49号', grade: null, kind: 'industrial', floorsAbove: 1, floorsBelow: 0, officeFrom: 1, plate: 4200, yearBuilt: 2019, ownership: 'whole', vacancy: 0.24, owner: '沈阳浑南产业园区投资有限公司', propertyManager: null, notes: '单层标准厂房，地面承重 3 吨/m²，檐高 9 米，配套卸货平台。' },
  { key: 'hn-dianzi', name: '浑南电子信息产业园', clusterKey: null, districtCode: HUNNAN, at: [123.4953, 41.7061], address: '浑南区飞云路3号', grade: null, kind: 'industrial', floorsAbove: 6, floorsBelow: 1, officeFrom: 1, plate: 3000, yearBuilt: 2017, ownership: 'whole', vacancy: 0.18, owner: '沈阳浑南产业园区投资有限公司', propertyManager: '沈阳浑南物业服务有限公司' },
  { key: 'hn-stalled', name: '浑南国际商务中心（停缓建）', clusterKey: null, districtCode: HUNNAN, at: [123.4568, 41.7127], address: '浑南区智慧大街20号', grade: null, kind: 'stalled', floorsAbove: 38, floorsBelow: 3, officeFrom: 1, plate: 2100, yearBuilt: 2015, ownership: 'whole', vacancy: 0, owner: '沈阳汇宏置业有限公司', propertyManager: null, notes: '2015 年主体结构封顶后停工，产权清晰、无查封，可整体收购或合作盘活。' },
  // 拱墅区
  office({ key: 'gs-yunhe', name: '运河商务中心', clusterKey: null, districtCode: GONGSHU, at: [120.1436, 30.3192], address: '拱墅区湖墅南路88号', grade: 'a', floorsAbove: 30, floorsBelow: 3, officeFrom: 5, plate: 1700, yearBuilt: 2015, ownership: 'whole', vacancy: 0.13, owner: '杭州运河商务置业有限公司', propertyManager: '杭州运河物业服务有限公司' }),
  { key: 'gs-shuzhi', name: '大运河数智产业园', clusterKey: null, districtCode: GONGSHU, at: [120.1512, 30.3398], address: '拱墅区康桥路26号', grade: null, kind: 'industrial', floorsAbove: 8, floorsBelow: 1, officeFrom: 1, plate: 2600, yearBuilt: 2020, ownership: 'whole', vacancy: 0.11, owner: '杭州拱墅产业发展有限公司', propertyManager: '杭州运河物业服务有限公司' },
]
