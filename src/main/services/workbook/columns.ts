import type { VocabName } from '../../../shared/labels'

// The app's own workbook: which sheets, which columns, in which units. One spec for both sides,
// so that what the export writes the importer reads back (kind 'workbook'): the exporter writes
// each column's header, scales the value (元 → 万元) and shows vocabulary as its Chinese label;
// the importer finds the columns by header and undoes both. Columns marked `computed` are figures
// for people (vacant area, 亩 …): written, never read back.

export type ColumnType = 'text' | 'number' | 'int' | 'date' | 'bool' | 'json' | 'list'

export interface WorkbookColumn {
  /** The store's field (camelCase), or for `computed`/reference columns a name the exporter fills. */
  key: string
  /** Header in the sheet; units in full-width brackets. */
  header: string
  type: ColumnType
  /** Values are the store's codes, shown as this vocabulary's Chinese labels. */
  vocab?: VocabName
  /** Store value ÷ scale is shown (e.g. 1e4: 元/亩 shown as 万元/亩). */
  scale?: number
  /** Excel number format of the column. */
  numFmt?: string
  /** Column width in characters. */
  width?: number
  /** Written for people, ignored on import. */
  computed?: boolean
  /**
   * Written by the survey, not by a form (最近核实: verification.mark): read back as it is (a date)
   * without the form's checks, so a round trip keeps how fresh each record is.
   */
  survey?: boolean
}

export interface WorkbookTable {
  /** The store's table (camelCase name in schema.ts). */
  table: 'districts' | 'clusters' | 'buildings' | 'spaces' | 'tenants' | 'leases' | 'parcels' | 'parks' | 'subParks' | 'parkHosts'
  sheet: string
  columns: WorkbookColumn[]
}

const AREA = '#,##0.00'
const MONEY = '#,##0'
const RENT = '0.00'

const id: WorkbookColumn = { key: 'id', header: '编号', type: 'text', width: 38 }
const contact: WorkbookColumn[] = [
  { key: 'contactName', header: '联系人', type: 'text', width: 10 },
  { key: 'contactPhone', header: '联系电话', type: 'text', width: 16 },
]
const notes: WorkbookColumn = { key: 'notes', header: '备注', type: 'text', width: 30 }

/** In dependency order: a sheet only refers to rows of the sheets before it. */
export const WORKBOOK: WorkbookTable[] = [
  {
    table: 'districts',
    sheet: '区县',
    columns: [
      { key: 'code', header: '行政区划代码', type: 'text', width: 12 },
      { key: 'name', header: '区县名称', type: 'text', width: 12 },
      { key: 'city', header: '所属城市', type: 'text', width: 12 },
      { key: 'province', header: '所属省份', type: 'text', width: 12 },
    ],
  },
  {
    table: 'clusters',
    sheet: '楼宇聚集区',
    columns: [
      id,
      { key: 'name', header: '聚集区名称', type: 'text', width: 24 },
      { key: 'districtCode', header: '所属区县代码', type: 'text', width: 12 },
      { key: 'description', header: '简介', type: 'text', width: 40 },
    ],
  },
  {
    table: 'buildings',
    sheet: '楼宇',
    columns: [
      id,
      { key: 'name', header: '楼宇名称', type: 'text', width: 24 },
      { key: 'address', header: '地址', type: 'text', width: 30 },
      { key: 'districtCode', header: '所属区县代码', type: 'text', width: 12 },
      { key: 'clusterId', header: '聚集区编号', type: 'text', width: 38 },
      { key: 'clusterName', header: '所属聚集区', type: 'text', width: 24, computed: true },
      { key: 'lng', header: '经度（WGS-84）', type: 'number', numFmt: '0.000000', width: 12 },
      { key: 'lat', header: '纬度（WGS-84）', type: 'number', numFmt: '0.000000', width: 12 },
      { key: 'grade', header: '楼宇等级', type: 'text', vocab: 'grade', width: 8 },
      { key: 'kind', header: '楼宇类型', type: 'text', vocab: 'buildingKind', width: 12 },
      { key: 'floorsAbove', header: '地上层数', type: 'int', width: 8 },
      { key: 'floorsBelow', header: '地下层数', type: 'int', width: 8 },
      { key: 'totalArea', header: '总建筑面积（m²）', type: 'number', numFmt: AREA, width: 14 },
      { key: 'landArea', header: '占地面积（m²）', type: 'number', numFmt: AREA, width: 14 },
      { key: 'leasableArea', header: '可租面积（m²）', type: 'number', numFmt: AREA, width: 14, computed: true },
      { key: 'vacantArea', header: '空置面积（m²）', type: 'number', numFmt: AREA, width: 14, computed: true },
      { key: 'vacancyRate', header: '空置率', type: 'number', numFmt: '0.0%', width: 8, computed: true },
      { key: 'yearBuilt', header: '建成年份', type: 'int', width: 8 },
      { key: 'owner', header: '产权方', type: 'text', width: 20 },
      { key: 'propertyManager', header: '物业公司', type: 'text', width: 20 },
      { key: 'ownership', header: '产权形式', type: 'text', vocab: 'ownership', width: 10 },
      { key: 'propertyFee', header: '物业费（元/m²·月）', type: 'number', numFmt: RENT, width: 12 },
      ...contact,
      notes,
      { key: 'verifiedAt', header: '最近核实', type: 'date', numFmt: 'yyyy-mm-dd', width: 12, survey: true },
    ],
  },
  {
    table: 'spaces',
    sheet: '楼层空间',
    columns: [
      id,
      { key: 'buildingId', header: '楼宇编号', type: 'text', width: 38 },
      { key: 'buildingName', header: '楼宇名称', type: 'text', width: 24, computed: true },
      { key: 'floorLabel', header: '楼层', type: 'text', width: 8 },
      { key: 'unit', header: '单元', type: 'text', width: 10 },
      { key: 'area', header: '面积（m²）', type: 'number', numFmt: AREA, width: 12 },
      { key: 'status', header: '状态', type: 'text', vocab: 'spaceStatus', width: 8 },
      { key: 'askingRent', header: '报价租金（元/m²·天）', type: 'number', numFmt: RENT, width: 12 },
      { key: 'fitOut', header: '装修', type: 'text', vocab: 'fitOut', width: 8 },
      { key: 'availableFrom', header: '可入驻日期', type: 'date', numFmt: 'yyyy-mm-dd', width: 12 },
      { key: 'divisible', header: '可分割', type: 'bool', width: 8 },
      notes,
      { key: 'verifiedAt', header: '最近核实', type: 'date', numFmt: 'yyyy-mm-dd', width: 12, survey: true },
    ],
  },
  {
    table: 'tenants',
    sheet: '入驻企业',
    columns: [
      id,
      { key: 'name', header: '企业名称', type: 'text', width: 28 },
      { key: 'creditCode', header: '统一社会信用代码', type: 'text', width: 22 },
      { key: 'industry', header: '所属行业', type: 'text', vocab: 'industry', width: 24 },
      { key: 'aboveScale', header: '规上企业', type: 'bool', width: 8 },
      { key: 'registeredInDistrict', header: '注册在本区', type: 'bool', width: 10 },
      { key: 'annualTax', header: '年纳税额（元）', type: 'number', numFmt: MONEY, width: 16 },
      { key: 'staff', header: '员工人数', type: 'int', width: 8 },
      ...contact,
      notes,
    ],
  },
  {
    table: 'leases',
    sheet: '租约',
    columns: [
      id,
      { key: 'tenantId', header: '企业编号', type: 'text', width: 38 },
      { key: 'tenantName', header: '企业名称', type: 'text', width: 28, computed: true },
      { key: 'buildingId', header: '楼宇编号', type: 'text', width: 38 },
      { key: 'buildingName', header: '楼宇名称', type: 'text', width: 24, computed: true },
      { key: 'spaceIds', header: '租赁空间编号', type: 'list', width: 40 },
      { key: 'startDate', header: '起租日期', type: 'date', numFmt: 'yyyy-mm-dd', width: 12 },
      { key: 'endDate', header: '到期日期', type: 'date', numFmt: 'yyyy-mm-dd', width: 12 },
      { key: 'area', header: '租赁面积（m²）', type: 'number', numFmt: AREA, width: 12 },
      { key: 'rent', header: '租金（元/m²·天）', type: 'number', numFmt: RENT, width: 12 },
      notes,
    ],
  },
  {
    table: 'parcels',
    sheet: '地块',
    columns: [
      id,
      { key: 'code', header: '地块编号', type: 'text', width: 16 },
      { key: 'name', header: '地块名称', type: 'text', width: 24 },
      { key: 'districtCode', header: '所属区县代码', type: 'text', width: 12 },
      { key: 'address', header: '位置描述', type: 'text', width: 30 },
      { key: 'lng', header: '经度（WGS-84）', type: 'number', numFmt: '0.000000', width: 12 },
      { key: 'lat', header: '纬度（WGS-84）', type: 'number', numFmt: '0.000000', width: 12 },
      { key: 'area', header: '用地面积（m²）', type: 'number', numFmt: AREA, width: 14 },
      { key: 'areaMu', header: '用地面积（亩）', type: 'number', numFmt: AREA, width: 12, computed: true },
      { key: 'landUse', header: '用地性质', type: 'text', vocab: 'landUse', width: 14 },
      { key: 'plotRatioMin', header: '容积率下限', type: 'number', numFmt: '0.00', width: 10 },
      { key: 'plotRatioMax', header: '容积率上限', type: 'number', numFmt: '0.00', width: 10 },
      { key: 'buildingDensity', header: '建筑密度', type: 'number', numFmt: '0%', width: 8 },
      { key: 'greenRatio', header: '绿地率', type: 'number', numFmt: '0%', width: 8 },
      { key: 'heightLimit', header: '限高（m）', type: 'number', numFmt: '0', width: 8 },
      { key: 'readiness', header: '土地状况', type: 'text', vocab: 'readiness', width: 8 },
      { key: 'utilities', header: '配套条件', type: 'text', width: 12 },
      { key: 'status', header: '出让状态', type: 'text', vocab: 'parcelStatus', width: 10 },
      { key: 'referencePrice', header: '参考价格（万元/亩）', type: 'number', scale: 1e4, numFmt: '#,##0.00', width: 14 },
      { key: 'targetIndustry', header: '意向产业', type: 'text', width: 20 },
      ...contact,
      notes,
      { key: 'boundary', header: '边界（GeoJSON，WGS-84）', type: 'json', width: 40 },
      { key: 'verifiedAt', header: '最近核实', type: 'date', numFmt: 'yyyy-mm-dd', width: 12, survey: true },
    ],
  },
  {
    table: 'parks',
    sheet: '空中产业园',
    columns: [
      id,
      { key: 'name', header: '园区名称', type: 'text', width: 24 },
      { key: 'theme', header: '产业主题', type: 'text', width: 16 },
      { key: 'districtCode', header: '所属区县代码', type: 'text', width: 12 },
      { key: 'plannedInvestment', header: '计划投资（亿元）', type: 'number', scale: 1e8, numFmt: '#,##0.00', width: 12 },
      { key: 'totalArea', header: '总面积（m²）', type: 'number', numFmt: AREA, width: 14 },
      { key: 'landArea', header: '占地面积（m²）', type: 'number', numFmt: AREA, width: 14 },
      { key: 'operator', header: '运营方', type: 'text', width: 20 },
      { key: 'status', header: '园区状态', type: 'text', vocab: 'parkStatus', width: 10 },
      ...contact,
      { key: 'description', header: '简介', type: 'text', width: 40 },
    ],
  },
  {
    table: 'subParks',
    sheet: '分园',
    columns: [
      id,
      { key: 'parkId', header: '园区编号', type: 'text', width: 38 },
      { key: 'parkName', header: '园区名称', type: 'text', width: 24, computed: true },
      { key: 'name', header: '分园名称', type: 'text', width: 24 },
      { key: 'theme', header: '分园主题', type: 'text', width: 16 },
      { key: 'area', header: '分园面积（m²）', type: 'number', numFmt: AREA, width: 14 },
      { key: 'status', header: '分园进度', type: 'text', vocab: 'parkStatus', width: 10 },
      { key: 'sortOrder', header: '排序', type: 'int', width: 6 },
    ],
  },
  {
    table: 'parkHosts',
    sheet: '园区载体楼宇',
    columns: [
      id,
      { key: 'parkId', header: '园区编号', type: 'text', width: 38 },
      { key: 'parkName', header: '园区名称', type: 'text', width: 24, computed: true },
      { key: 'buildingId', header: '楼宇编号', type: 'text', width: 38 },
      { key: 'buildingName', header: '楼宇名称', type: 'text', width: 24, computed: true },
      { key: 'floors', header: '所在楼层', type: 'text', width: 12 },
      { key: 'area', header: '载体面积（m²）', type: 'number', numFmt: AREA, width: 14 },
      { key: 'sortOrder', header: '排序', type: 'int', width: 6 },
    ],
  },
]

/** The spec of one table. */
export function workbookTable(table: WorkbookTable['table']): WorkbookTable {
  return WORKBOOK.find((t) => t.table === table)!
}

/** How a `list` column's values are joined in a cell (ids never contain it). */
export const LIST_SEPARATOR = ','

/** How a `bool` column is written, and read back. */
export const BOOL_TEXT = { true: '是', false: '否' } as const
