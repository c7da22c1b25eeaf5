import { formatArea, formatBytes, formatMoney, formatMu, formatRate, formatRent } from './format'
import type { ChangeEntry, HistoryTable } from './history'
import { VOCAB_ZH, type VocabName } from './labels'

// The change log in Chinese words: '张三 于 2026-11-30 14:02 将 财富中心 12层 1201 的 状态 由 空置 改为 已租'.
// Pure: the rows' names come with the entries (store/rowNames.ts), so the renderer and any other
// reader say the same sentence.

/** What a row of each table is called. */
export const TABLE_ZH: Record<HistoryTable, string> = {
  buildings: '楼宇', spaces: '空间', tenants: '企业', leases: '租约', parcels: '地块', parks: '园区',
  subParks: '分园区', parkHosts: '园区载体', clusters: '聚集区', visits: '接洽记录', photos: '照片',
  savedSearches: '保存的查询', districts: '区县',
}

const COMMON = { contactName: '联系人', contactPhone: '联系电话', notes: '备注', verifiedAt: '核实日期', districtCode: '所属区县' }

/** Field labels per table, as the forms call them. */
export const FIELD_ZH: Record<HistoryTable, Record<string, string>> = {
  buildings: {
    ...COMMON, name: '楼宇名称', address: '地址', clusterId: '所属聚集区', lng: '经度', lat: '纬度', grade: '楼宇等级',
    kind: '楼宇类型', floorsAbove: '地上层数', floorsBelow: '地下层数', totalArea: '总建筑面积', landArea: '占地面积', yearBuilt: '建成年份',
    owner: '产权方', propertyManager: '物业公司', ownership: '产权形式', propertyFee: '物业费',
  },
  spaces: {
    ...COMMON, buildingId: '所属楼宇', floorLabel: '楼层', unit: '单元', area: '面积', status: '状态', askingRent: '报价租金',
    fitOut: '装修', availableFrom: '可入驻日期', divisible: '可分割', mergedInto: '合并入',
  },
  tenants: {
    ...COMMON, name: '企业名称', creditCode: '统一社会信用代码', industry: '所属行业', aboveScale: '规上企业',
    registeredInDistrict: '在本区注册', annualTax: '年纳税额', staff: '员工人数',
  },
  leases: {
    ...COMMON, tenantId: '入驻企业', buildingId: '所属楼宇', spaceIds: '租赁空间', startDate: '起租日期', endDate: '到期日期',
    area: '租赁面积', rent: '租金', renewsLeaseId: '续签自',
  },
  parcels: {
    ...COMMON, code: '地块编号', name: '地块名称', address: '地址', lng: '经度', lat: '纬度', boundary: '地块边界',
    area: '用地面积', landUse: '用地性质', plotRatioMin: '容积率下限', plotRatioMax: '容积率上限', buildingDensity: '建筑密度',
    greenRatio: '绿地率', heightLimit: '限高', readiness: '土地状况', utilities: '配套条件', status: '出让状态',
    referencePrice: '参考价格', targetIndustry: '意向产业',
  },
  parks: {
    ...COMMON, name: '园区名称', theme: '园区主题', plannedInvestment: '计划投资', totalArea: '总面积', landArea: '占地面积', operator: '运营方',
    status: '状态', description: '简介',
  },
  subParks: { parkId: '所属园区', name: '分园区名称', theme: '主题', area: '面积', status: '进度', sortOrder: '排序' },
  parkHosts: { parkId: '所属园区', buildingId: '载体楼宇', floors: '楼层', area: '面积', sortOrder: '排序' },
  clusters: { ...COMMON, name: '聚集区名称', description: '简介' },
  visits: {
    ...COMMON, company: '企业名称', date: '接洽日期', staff: '接洽人员', contactName: '企业联系人', sites: '推介资源',
    notes: '洽谈纪要', followUpDate: '跟进日期',
  },
  photos: {
    ownerKind: '所属类型', ownerId: '所属对象', mime: '格式', bytes: '图片', size: '大小', width: '宽度', height: '高度',
    caption: '说明', sortOrder: '排序', thumbnail: '缩略图', original: '原图', takenAt: '拍摄时间', gpsLng: '拍摄位置经度',
    gpsLat: '拍摄位置纬度', isPanorama: '全景照片',
  },
  savedSearches: { name: '名称', filters: '筛选条件', area: '圈定范围', notes: '备注' },
  districts: { name: '区县名称', city: '所属城市', province: '所属省份' },
}

/**
 * Fields the store derives from others (a floor's sort key, a name's initials) or keeps for its own
 * order (sortOrder): logged, never worth reading.
 */
export const DERIVED_FIELDS = new Set(['floorSort', 'nameInitials', 'sortOrder'])

const VOCAB_FIELDS: Partial<Record<HistoryTable, Record<string, VocabName>>> = {
  buildings: { grade: 'grade', kind: 'buildingKind', ownership: 'ownership' },
  spaces: { status: 'spaceStatus', fitOut: 'fitOut' },
  tenants: { industry: 'industry' },
  parcels: { landUse: 'landUse', status: 'parcelStatus', readiness: 'readiness' },
  parks: { status: 'parkStatus' },
  subParks: { status: 'parkStatus' },
}

const BOOLEAN_FIELDS = new Set(['divisible', 'aboveScale', 'registeredInDistrict', 'isPanorama'])
const AREA_FIELDS = new Set(['area', 'totalArea', 'landArea'])
const RENT_FIELDS = new Set(['rent', 'askingRent'])
const MONEY_FIELDS = new Set(['annualTax', 'plannedInvestment'])
const RATIO_FIELDS = new Set(['buildingDensity', 'greenRatio'])
/** Fields whose values are ids (or a district code) of other rows, named through the entry's refs. */
const REF_FIELDS = new Set(['tenantId', 'buildingId', 'clusterId', 'parkId', 'ownerId', 'renewsLeaseId', 'districtCode', 'mergedInto'])
/** Values too long or too technical to print: the sentence says only that they changed. */
const OPAQUE_FIELDS = new Set(['boundary', 'filters', 'thumbnail', 'original'])
const OWNER_KIND_ZH: Record<string, string> = { building: '楼宇', parcel: '地块', park: '园区' }

const MAX_TEXT = 60

/** A floor label in words: 12 → 12层, B1 → B1层, 23-25 → 23-25层; a name (裙楼) stays as it is. */
export function floorText(label: string): string {
  return /^(B?\d+)(-(B?\d+))?$/i.test(label) ? `${label}层` : label
}

export const spaceLabel = (building: string | null, floorLabel: string, unit: string | null): string =>
  [building, floorText(floorLabel), unit].filter((p) => p !== null && p !== '').join(' ')

export const leaseLabel = (tenant: string | null, building: string | null): string =>
  [tenant ?? '（企业已不存在）', building].filter(Boolean).join(' · ')

export const photoLabel = (owner: string | null, caption: string | null): string =>
  [owner, caption ?? '照片'].filter(Boolean).join(' · ')

const pad = (n: number) => String(n).padStart(2, '0')

/** An instant as the person's local 2026-11-30 14:02. */
export function formatWhen(at: string): string {
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return at
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export const fieldLabel = (table: string, field: string): string => FIELD_ZH[table as HistoryTable]?.[field] ?? field

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)

const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text)

const refName = (refs: Record<string, string>, id: unknown) => (typeof id === 'string' ? (refs[id] ?? '（已不存在）') : String(id))

/** One logged value in words: vocabulary codes in Chinese, areas and money as people read them, ids as names. */
export function formatValue(table: string, field: string, value: unknown, refs: Record<string, string> = {}): string {
  if (isEmpty(value)) return '空'
  const vocab = VOCAB_FIELDS[table as HistoryTable]?.[field]
  if (vocab) return (VOCAB_ZH[vocab] as Record<string, string>)[String(value)] ?? String(value)
  if (BOOLEAN_FIELDS.has(field)) return value === 1 || value === true ? '是' : '否'
  if (REF_FIELDS.has(field)) return refName(refs, value)
  if (field === 'spaceIds' && Array.isArray(value)) return value.map((id) => refName(refs, id)).join('、')
  if (field === 'sites' && Array.isArray(value)) {
    return value.map((s) => refName(refs, (s as { id?: unknown } | null)?.id)).join('、')
  }
  if (field === 'ownerKind') return OWNER_KIND_ZH[String(value)] ?? String(value)
  if (OPAQUE_FIELDS.has(field) || (table === 'savedSearches' && field === 'area')) return '（已设定）'
  if (field === 'bytes' && typeof value === 'object' && value !== null && 'bytes' in value) {
    return formatBytes(Number((value as { bytes: unknown }).bytes))
  }
  if (typeof value === 'number') {
    if (AREA_FIELDS.has(field)) return table === 'parcels' ? `${formatArea(value)}（${formatMu(value)}）` : formatArea(value)
    if (RENT_FIELDS.has(field)) return formatRent(value)
    if (MONEY_FIELDS.has(field)) return formatMoney(value)
    if (RATIO_FIELDS.has(field)) return formatRate(value)
    if (field === 'heightLimit') return `${value} 米`
    if (field === 'size') return formatBytes(value)
    return String(value)
  }
  if (typeof value === 'string') return clip(field === 'floorLabel' || field === 'floors' ? floorText(value) : value)
  if (typeof value === 'boolean') return value ? '是' : '否'
  return clip(JSON.stringify(value))
}

/** The row in words, or its kind and a short id when the row is gone. */
export function rowText(entry: Pick<ChangeEntry, 'tableName' | 'rowId' | 'rowLabel'>): string {
  return entry.rowLabel ?? `${TABLE_ZH[entry.tableName as HistoryTable] ?? entry.tableName} ${entry.rowId.slice(0, 8)}`
}

/** The row after its kind: '空间 财富中心 12层 1201', or '空间 #abcdef12' when the row is gone. */
const nounRow = (noun: string, entry: Pick<ChangeEntry, 'rowId' | 'rowLabel'>) => `${noun} ${entry.rowLabel ?? `#${entry.rowId.slice(0, 8)}`}`

/** What one logged field says, without who and when: '将 财富中心 12层 1201 的 状态 由 空置 改为 已租'. */
export function changeText(c: ChangeEntry): string {
  const noun = TABLE_ZH[c.tableName as HistoryTable] ?? c.tableName
  const row = rowText(c)
  if (c.op === 'delete') return `删除了${nounRow(noun, c)}`
  if (c.op === 'restore') return `恢复了${nounRow(noun, c)}`
  const field = c.field ? fieldLabel(c.tableName, c.field) : ''
  const value = (v: unknown) => formatValue(c.tableName, c.field ?? '', v, c.refs)
  if (c.op === 'insert') return c.field ? `新增${nounRow(noun, c)}，${field} 为 ${value(c.newValue)}` : `新增${nounRow(noun, c)}`
  if (isEmpty(c.oldValue)) return `将 ${row} 的 ${field} 设为 ${value(c.newValue)}`
  if (isEmpty(c.newValue)) return `清空了 ${row} 的 ${field}（原为 ${value(c.oldValue)}）`
  return `将 ${row} 的 ${field} 由 ${value(c.oldValue)} 改为 ${value(c.newValue)}`
}

/** The whole sentence: '张三 于 2026-11-30 14:02 将 … 由 空置 改为 已租'. */
export const changeSentence = (c: ChangeEntry): string => `${c.actor} 于 ${formatWhen(c.at)} ${changeText(c)}`

/** The fields of one row written in one go (one clock stamp, one operation), shown together. */
export interface ChangeGroup {
  key: string
  actor: string
  at: string
  op: ChangeEntry['op']
  tableName: string
  rowId: string
  rowLabel: string | null
  /** The fields worth reading (derived ones left out). */
  changes: ChangeEntry[]
}

/** Groups consecutive entries of one row, one stamp and one operation (the list comes newest first). */
export function groupChanges(entries: readonly ChangeEntry[]): ChangeGroup[] {
  const groups: ChangeGroup[] = []
  for (const c of entries) {
    const last = groups.at(-1)
    const shown = c.field === null || !DERIVED_FIELDS.has(c.field)
    if (last && last.key === `${c.hlc}|${c.tableName}|${c.rowId}|${c.op}`) {
      if (shown) last.changes.push(c)
      continue
    }
    groups.push({
      key: `${c.hlc}|${c.tableName}|${c.rowId}|${c.op}`,
      actor: c.actor, at: c.at, op: c.op, tableName: c.tableName, rowId: c.rowId, rowLabel: c.rowLabel,
      changes: shown ? [c] : [],
    })
  }
  // Fields come newest-seq first; a form's order reads better. An update of derived fields only
  // (a photo moved in the gallery) says nothing worth reading.
  for (const g of groups) g.changes.reverse()
  return groups.filter((g) => g.op !== 'update' || g.changes.length > 0)
}

/** A group's headline without who and when: what happened to which row. */
export function groupHeadline(g: ChangeGroup): string {
  const noun = TABLE_ZH[g.tableName as HistoryTable] ?? g.tableName
  const row = rowText(g)
  switch (g.op) {
    case 'insert': return `新增了${nounRow(noun, g)}`
    case 'delete': return `删除了${nounRow(noun, g)}`
    case 'restore': return `恢复了${nounRow(noun, g)}`
    default: return g.changes.length === 1 ? changeText(g.changes[0]!) : `修改了 ${row} 的 ${g.changes.length} 项`
  }
}

/** The lines under a headline: each field of an insert ('面积：120 m²') or of a multi-field update. */
export function groupDetails(g: ChangeGroup): string[] {
  if (g.op === 'delete' || g.op === 'restore') return []
  if (g.op === 'update' && g.changes.length === 1) return []
  return g.changes.map((c) => {
    const field = c.field ? fieldLabel(c.tableName, c.field) : ''
    const value = (v: unknown) => formatValue(c.tableName, c.field ?? '', v, c.refs)
    if (g.op === 'insert') return `${field}：${value(c.newValue)}`
    return `${field}：${value(c.oldValue)} → ${value(c.newValue)}`
  })
}
