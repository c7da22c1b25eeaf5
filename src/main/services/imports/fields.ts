import type { ImportCrs, ImportFieldInfo, ImportKind } from '../../../shared/imports'
import type { VocabName } from '../../../shared/labels'
import { GEOMETRY_HEADER } from './table'

// What each kind of import can take: the target fields with their Chinese labels, whether they are
// required, the header names bureaus use for them, and how a cell is read (its value type). A
// header's unit ('用地面积（亩）', '租金（元/㎡·月）') is kept beside the field: a bare number in that
// column is in that unit. 'code' (parcel codes, credit codes, floors, units) is normalised
// (full-width ＨＮ－０１ is HN-01, as a person means it); 'text' (names, addresses) is kept as written.

export type ValueType =
  | 'id' | 'code' | 'text' | 'district' | 'lng' | 'lat' | 'area' | 'rent' | 'fee' | 'money' | 'pricePerMu' | 'percent' | 'range'
  | 'int' | 'date' | 'bool' | 'vocab' | 'phone' | 'list' | 'hosts' | 'geometry' | 'number'

/** Which row a field's value goes to: a site, or on a building sheet a space, its tenant, its lease. */
export type FieldGroup = 'site' | 'space' | 'tenant' | 'lease' | 'summary'

export interface FieldSpec {
  key: string
  label: string
  required?: boolean
  group: FieldGroup
  type: ValueType
  vocab?: VocabName
  /** Header names, compared after normalising (no spaces, units in brackets taken off). */
  synonyms: string[]
}

export type SiteKind = Exclude<ImportKind, 'workbook'>

const f = (key: string, label: string, type: ValueType, synonyms: string[], more: Partial<FieldSpec> = {}): FieldSpec => ({
  key, label, type, synonyms: [label, ...synonyms], group: 'site', ...more,
})

const ID = f('id', '编号', 'id', ['ID', '系统编号', '记录编号'])
const DISTRICT = f('districtCode', '所属区县', 'district', ['区县', '行政区', '所在区', '所在区县', '所属区', '区域', '辖区', '所属区县代码', '区县代码', '行政区划代码'], { required: true })
const LNG = f('lng', '经度', 'lng', ['百度经度', '高德经度', '腾讯经度', 'X', 'X坐标', '东经', 'LNG', 'LON', 'LONGITUDE', 'GCJ经度', 'WGS84经度'])
const LAT = f('lat', '纬度', 'lat', ['百度纬度', '高德纬度', '腾讯纬度', 'Y', 'Y坐标', '北纬', 'LAT', 'LATITUDE', 'GCJ纬度', 'WGS84纬度'])
const CONTACT = [
  f('contactName', '联系人', 'text', ['联系人姓名', '招商联系人', '负责人']),
  f('contactPhone', '联系电话', 'phone', ['电话', '手机', '联系方式', '手机号', '招商电话']),
]
const NOTES = f('notes', '备注', 'text', ['说明', '其他说明'])

export const BUILDING_FIELDS: FieldSpec[] = [
  ID,
  f('name', '楼宇名称', 'text', ['项目名称', '楼宇', '大厦名称', '楼宇名', '大厦', '项目', '名称', '楼盘名称'], { required: true }),
  f('address', '地址', 'text', ['详细地址', '坐落', '楼宇地址', '位置', '坐落位置', '项目地址']),
  DISTRICT,
  LNG,
  LAT,
  f('grade', '楼宇等级', 'vocab', ['等级', '级别', '楼宇级别'], { vocab: 'grade' }),
  f('kind', '楼宇类型', 'vocab', ['类型', '物业类型', '楼宇类别', '类别'], { vocab: 'buildingKind' }),
  f('floorsAbove', '地上层数', 'int', ['层数', '总层数', '地上楼层']),
  f('floorsBelow', '地下层数', 'int', ['地下楼层']),
  f('totalArea', '总建筑面积', 'area', ['建筑面积', '总面积', '楼宇面积']),
  f('landArea', '占地面积', 'area', ['土地面积', '宗地面积', '占地']),
  f('yearBuilt', '建成年份', 'int', ['竣工年份', '建成时间', '竣工时间', '建成年代']),
  f('owner', '产权方', 'text', ['业主', '产权单位', '开发商', '产权人', '业主单位']),
  f('propertyManager', '物业公司', 'text', ['物业', '物业管理', '物业单位', '物业管理公司']),
  f('ownership', '产权形式', 'vocab', ['产权性质', '产权类型', '持有方式'], { vocab: 'ownership' }),
  f('propertyFee', '物业费', 'fee', ['物业管理费', '物业费标准']),
  ...CONTACT,
  NOTES,
  // A sheet with one row per building may give its totals; the importer makes two spaces of them.
  f('leasableArea', '可租面积', 'area', ['可招商面积', '可出租面积', '可租赁面积', '招商面积', '出租面积'], { group: 'summary' }),
  f('vacantArea', '空置面积', 'area', ['闲置面积', '可租赁空置面积', '空置', '剩余可租面积', '待租面积'], { group: 'summary' }),
  // A sheet with one row per space (rows of a building grouped by its name).
  f('floorLabel', '楼层', 'code', ['所在楼层', '层', '层次', '楼层号'], { group: 'space' }),
  f('unit', '单元', 'code', ['房号', '单元号', '房间号', '房间', '室号', '单元/房号'], { group: 'space' }),
  f('area', '面积', 'area', ['单元面积', '房间面积', '空间面积', '使用面积', '可租单元面积'], { group: 'space' }),
  f('status', '使用状态', 'vocab', ['状态', '租赁状态', '出租状态', '空间状态'], { group: 'space', vocab: 'spaceStatus' }),
  f('askingRent', '租金', 'rent', ['报价', '租金报价', '报价租金', '租金单价', '出租价格', '租赁价格'], { group: 'space' }),
  f('fitOut', '装修', 'vocab', ['装修情况', '装修状况', '装修标准', '装修程度'], { group: 'space', vocab: 'fitOut' }),
  f('availableFrom', '可入驻日期', 'date', ['可入驻时间', '可租日期', '交付日期', '可使用日期'], { group: 'space' }),
  f('divisible', '可分割', 'bool', ['是否可分割', '可否分割'], { group: 'space' }),
  // The tenant of a space, and its lease.
  f('tenantName', '企业名称', 'text', ['入驻企业', '租户', '租户名称', '承租方', '企业', '入驻企业名称'], { group: 'tenant' }),
  f('creditCode', '统一社会信用代码', 'code', ['信用代码', '社会信用代码', '企业信用代码'], { group: 'tenant' }),
  f('industry', '所属行业', 'vocab', ['行业', '行业门类', '企业行业'], { group: 'tenant', vocab: 'industry' }),
  f('aboveScale', '规上企业', 'bool', ['规上', '是否规上', '是否规上企业'], { group: 'tenant' }),
  f('registeredInDistrict', '注册在本区', 'bool', ['是否注册在本区', '本区注册', '注册地在本区'], { group: 'tenant' }),
  f('annualTax', '年纳税额', 'money', ['年纳税', '纳税额', '纳税', '年税收', '税收'], { group: 'tenant' }),
  f('staff', '员工人数', 'int', ['员工数', '从业人数', '职工人数', '人数'], { group: 'tenant' }),
  f('startDate', '起租日期', 'date', ['租赁起始日期', '租期开始', '起租时间', '租赁开始'], { group: 'lease' }),
  f('endDate', '到期日期', 'date', ['租约到期', '租赁到期', '租期结束', '到期时间', '租赁截止'], { group: 'lease' }),
]

export const PARCEL_FIELDS: FieldSpec[] = [
  ID,
  f('code', '地块编号', 'code', ['宗地编号', '地块代码', '宗地代码', '地块号', '宗地号', 'CODE', 'DKBH', 'ZDBH'], { required: true }),
  f('name', '地块名称', 'text', ['宗地名称', '名称', '项目名称', 'NAME', 'DKMC'], { required: true }),
  DISTRICT,
  f('address', '位置描述', 'text', ['位置', '坐落', '地址', '四至', '地块位置', '土地坐落']),
  LNG,
  LAT,
  f('area', '用地面积', 'area', ['出让面积', '宗地面积', '土地面积', '地块面积', '面积', '净用地面积']),
  f('landUse', '用地性质', 'vocab', ['土地用途', '规划用途', '用途', '用地类型', '规划用地性质'], { required: true, vocab: 'landUse' }),
  f('plotRatio', '容积率', 'range', ['规划容积率']),
  f('buildingDensity', '建筑密度', 'percent', []),
  f('greenRatio', '绿地率', 'percent', ['绿化率']),
  f('heightLimit', '限高', 'number', ['建筑限高', '建筑高度', '限制高度', '高度限制']),
  f('readiness', '土地状况', 'vocab', ['净地/毛地', '土地现状', '净地毛地', '现状'], { vocab: 'readiness' }),
  f('utilities', '配套条件', 'text', ['基础设施', '配套', '通平情况']),
  f('status', '出让状态', 'vocab', ['状态', '供地状态', '供应状态'], { required: true, vocab: 'parcelStatus' }),
  f('referencePrice', '参考价格', 'pricePerMu', ['起始价', '出让底价', '起拍价', '底价', '挂牌起始价', '出让价格']),
  f('targetIndustry', '意向产业', 'text', ['产业定位', '拟引进产业', '产业方向']),
  ...CONTACT,
  NOTES,
  f('boundary', '地块边界', 'geometry', [GEOMETRY_HEADER, '边界（GeoJSON，WGS-84）', '边界', '边界(GeoJSON)']),
]

export const PARK_FIELDS: FieldSpec[] = [
  ID,
  f('name', '园区名称', 'text', ['产业园名称', '园区', '空中产业园', '名称', '项目名称'], { required: true }),
  f('theme', '产业主题', 'text', ['主导产业', '主题', '产业方向', '产业定位'], { required: true }),
  DISTRICT,
  f('plannedInvestment', '计划投资', 'money', ['总投资', '计划总投资', '投资额']),
  f('totalArea', '总面积', 'area', ['园区面积', '建筑面积', '载体面积']),
  f('landArea', '占地面积', 'area', ['土地面积', '宗地面积', '占地']),
  f('operator', '运营方', 'text', ['运营单位', '运营主体', '运营商', '运营机构']),
  f('status', '园区状态', 'vocab', ['建设状态', '状态', '运营状态'], { required: true, vocab: 'parkStatus' }),
  ...CONTACT,
  f('description', '简介', 'text', ['园区简介', '介绍', '备注']),
  f('subParks', '分园', 'list', ['分园名称', '下设分园']),
  f('hosts', '载体楼宇', 'hosts', ['载体', '所在楼宇', '入驻楼宇']),
]

export const FIELDS: Record<SiteKind, FieldSpec[]> = { buildings: BUILDING_FIELDS, parcels: PARCEL_FIELDS, parks: PARK_FIELDS }

/** The fields of every kind, for the wizard's mapping menus. */
export function fieldInfos(): Record<SiteKind, ImportFieldInfo[]> {
  const info = (fields: FieldSpec[]) => fields.map(({ key, label, required }) => ({ key, label, required: required ?? false }))
  return { buildings: info(BUILDING_FIELDS), parcels: info(PARCEL_FIELDS), parks: info(PARK_FIELDS) }
}

export interface HeaderInfo {
  /** The header as shown (trimmed). */
  text: string
  /** Compared with synonyms: no spaces, no unit, half-width, upper case. */
  key: string
  /** The unit the header states, e.g. '亩', '元/㎡·月', '亿元'; null when none. */
  unit: string | null
}

const UNIT_IN_BRACKETS = /[(（[【]([^()（）[\]【】]*)[)）\]】]\s*$/

/** A header split into its name and its unit: '用地面积（亩）' → 用地面积 + 亩. */
export function readHeader(text: string): HeaderInfo {
  let name = text.normalize('NFKC').replace(/\s+/g, '').replace(/^[*＊]+|[*＊]+$/g, '')
  let unit: string | null = null
  const bracket = UNIT_IN_BRACKETS.exec(name)
  if (bracket && bracket.index > 0) {
    unit = bracket[1]!.trim() || null
    name = name.slice(0, bracket.index)
  } else {
    // '面积㎡', '用地面积/亩', '面积m2'
    const tail = /(?:\/)?(㎡|m2|m²|平方米|平米|亩|公顷|万元|亿元|元)$/i.exec(name)
    if (tail && tail.index > 0 && !/^(万元|亿元|元)$/.test(name)) {
      unit = tail[1]!
      name = name.slice(0, tail.index).replace(/\/$/, '')
    }
  }
  return { text: text.trim(), key: name.toUpperCase(), unit }
}

const synonymIndexes = new WeakMap<FieldSpec[], Map<string, FieldSpec>>()

/** Each list's synonyms normalised once: header → field (the first field to claim a word keeps it). */
function synonymIndex(fields: FieldSpec[]): Map<string, FieldSpec> {
  let index = synonymIndexes.get(fields)
  if (!index) {
    index = new Map()
    for (const field of fields) {
      for (const synonym of field.synonyms) {
        const key = synonym.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
        if (!index.has(key)) index.set(key, field)
      }
    }
    synonymIndexes.set(fields, index)
  }
  return index
}

/** The field a header names among `fields`, or null. */
export function matchHeader(header: HeaderInfo, fields: FieldSpec[]): FieldSpec | null {
  if (!header.key) return null
  const index = synonymIndex(fields)
  const full = header.text.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
  return index.get(full) ?? index.get(header.key) ?? null
}

/** The coordinate system a sheet's headers suggest: 百度 → BD-09, 高德/腾讯/GCJ → GCJ-02, WGS → WGS-84. */
export function suggestCrs(headers: string[]): ImportCrs | null {
  const text = headers.join(' ').toUpperCase()
  if (/百度|BD-?09/.test(text)) return 'bd09'
  if (/高德|腾讯|GCJ/.test(text)) return 'gcj02'
  if (/WGS|GPS|天地图/.test(text)) return 'wgs84'
  return null
}

/** Fields that tell one kind from the others (the shared ones — district, contact, position — do not). */
const DISTINCTIVE: Record<SiteKind, string[]> = {
  buildings: ['name', 'grade', 'kind', 'floorsAbove', 'totalArea', 'propertyManager', 'propertyFee', 'leasableArea', 'vacantArea', 'floorLabel', 'unit', 'askingRent', 'tenantName'],
  parcels: ['code', 'landUse', 'plotRatio', 'buildingDensity', 'greenRatio', 'heightLimit', 'readiness', 'referencePrice', 'boundary'],
  parks: ['name', 'theme', 'plannedInvestment', 'operator', 'subParks', 'hosts'],
}

/** The kind whose own headers the sheet has most of; null when none has its name field. */
export function detectKind(headers: string[]): SiteKind | null {
  const infos = headers.map(readHeader)
  const scores: Array<{ kind: SiteKind; score: number }> = []
  for (const kind of ['buildings', 'parcels', 'parks'] as const) {
    const primaryKey = kind === 'parcels' ? 'code' : 'name'
    const matched = new Set(infos.map((h) => matchHeader(h, FIELDS[kind])?.key).filter((k): k is string => !!k))
    if (!matched.has(primaryKey) && !(kind === 'parcels' && matched.has('boundary'))) continue
    // The kind's own word for its name (楼宇名称 vs 园区名称) counts double.
    const ownWord = FIELDS[kind].find((fld) => fld.key === primaryKey)!.synonyms[0]!
    const own = infos.some((h) => h.key === ownWord)
    scores.push({ kind, score: DISTINCTIVE[kind].filter((k) => matched.has(k)).length + (own ? 2 : 0) })
  }
  scores.sort((a, b) => b.score - a.score)
  const [first, second] = scores
  if (!first || first.score < 2 || (second && second.score === first.score)) return null
  return first.kind
}

/** For the wizard's first mapping when the kind is not clear: the kind whose fields the most headers name. */
export function likeliestKind(headers: string[]): SiteKind {
  const infos = headers.map(readHeader)
  let best: { kind: SiteKind; n: number } = { kind: 'buildings', n: -1 }
  for (const kind of ['buildings', 'parcels', 'parks'] as const) {
    const n = infos.filter((h) => matchHeader(h, FIELDS[kind]) !== null).length
    if (n > best.n) best = { kind, n }
  }
  return best.kind
}
