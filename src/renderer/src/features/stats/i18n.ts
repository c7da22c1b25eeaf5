import type { Messages } from '../../i18n'

// Strings shared by every tab of the statistics view: the figure names as reports write them.
// A tab's own strings live beside it (tabs/<tab>/i18n.ts, namespace 'stats<Tab>').
export const messages = {
  zh: {
    nav: '统计分析',
    title: '统计分析',
    tabs: { buildings: '楼宇', land: '土地', parks: '空中产业园', rankings: '排行与预警', trends: '趋势', targets: '年度目标' },
    followMap: '按地图当前筛选统计',
    followingMap: '已按地图筛选：{{buildings}} 栋楼宇、{{parcels}} 宗地块',
    mapUnfiltered: '地图当前没有筛选，统计全部',
    total: '合计',
    none: '（无）',
    // The row of a level's "none" group (key null); the server names it in Chinese, as here.
    noneRow: { district: '未知区县', cluster: '未归入聚集区', park: '不在产业园', kind: '未定类型', grade: '未定等级', building: '未知楼宇', floor: '未关联现有单元的租约' },
    figures: {
      buildings: '楼宇数', leasableArea: '可租面积', vacantArea: '空置面积', leasedArea: '已租面积', vacancyRate: '空置率',
      occupancyRate: '出租率', tenants: '入驻企业', aboveScaleTenants: '规上企业', registeredTenants: '本区注册企业',
      annualTax: '年税收（本区注册）', taxPerLeasedM2: '每平方米税收', comingFree12m: '12个月内到期面积',
      parcels: '地块数', areaM2: '面积（m²）', areaMu: '面积（亩）', referenceValue: '参考价值',
    },
    groupings: { district: '区县', cluster: '聚集区', park: '空中产业园', kind: '楼宇类型', grade: '楼宇等级', building: '楼宇', floor: '楼层' },
    chart: { copy: '复制表格', copied: '已复制，可粘贴到 Excel/WPS', copyFailed: '复制失败：浏览器未允许写入剪贴板', savePng: '保存图片', table: '数据表' },
  },
  en: {
    nav: 'Statistics',
    title: 'Statistics',
    tabs: { buildings: 'Buildings', land: 'Land', parks: 'Sky parks', rankings: 'Rankings & watch', trends: 'Trends', targets: 'Annual targets' },
    followMap: "Use the map's current filter",
    followingMap: 'Following the map: {{buildings}} buildings, {{parcels}} parcels',
    mapUnfiltered: 'The map has no filter now: counting everything',
    total: 'Total',
    none: '(none)',
    noneRow: { district: 'Unknown district', cluster: 'In no cluster', park: 'In no sky park', kind: 'Kind not set', grade: 'Grade not set', building: 'Unknown building', floor: 'Leases on spaces no longer recorded' },
    figures: {
      buildings: 'Buildings', leasableArea: 'Leasable', vacantArea: 'Vacant', leasedArea: 'Leased', vacancyRate: 'Vacancy',
      occupancyRate: 'Occupancy', tenants: 'Tenants', aboveScaleTenants: 'Above-scale', registeredTenants: 'Registered here',
      annualTax: 'Annual tax (registered)', taxPerLeasedM2: 'Tax per m²', comingFree12m: 'Coming free in 12 months',
      parcels: 'Parcels', areaM2: 'Area (m²)', areaMu: 'Area (mu)', referenceValue: 'Reference value',
    },
    groupings: { district: 'District', cluster: 'Cluster', park: 'Sky park', kind: 'Kind', grade: 'Grade', building: 'Building', floor: 'Floor' },
    chart: { copy: 'Copy table', copied: 'Copied: paste into Excel/WPS', copyFailed: 'Copy failed: the browser did not allow the clipboard', savePng: 'Save image', table: 'Table' },
  },
} satisfies Messages
