import type { Messages } from '../../i18n'

// Strings of the export screen and dialog.
export const messages = {
  zh: {
    nav: '数据导出',
    title: '数据导出',
    intro: '把资源导出为文件：工作簿可在 Excel/WPS 中查看，也可再导入本软件；地图数据可在 GIS 软件中打开。',
    open: '导出',
    format: {
      label: '导出格式',
      xlsx: '工作簿 XLSX（楼宇、楼层空间、企业、租约、地块、园区分表）',
      csv: '表格 CSV（一张表）',
      geojson: '地图数据 GeoJSON（WGS-84）',
    },
    table: { label: '哪张表', buildings: '楼宇', spaces: '楼层空间', tenants: '入驻企业', leases: '租约', parcels: '地块', parks: '空中产业园' },
    scope: {
      label: '导出范围', all: '全部资源', selection: '地图上的已选（{{count}} 处）', filter: '地图当前筛选与范围',
      search: '保存的查询', district: '区县', choose: '请选择', noFilter: '（地图上没有筛选条件）',
    },
    start: '开始导出', cancel: '取消导出', close: '关闭', saveAgain: '再次保存',
    progress: '已处理 {{done}} / {{total}} 行',
    done: '已导出“{{name}}”（{{size}}）', saved: '已保存', notSaved: '未保存（已取消保存）', cancelled: '已取消导出，未留下文件',
    failed: '导出失败：{{message}}',
  },
  en: {
    nav: 'Export',
    title: 'Export data',
    intro: 'Export the inventory as files: the workbook opens in Excel or WPS and imports back into this app; map data opens in GIS software.',
    open: 'Export',
    format: {
      label: 'Format',
      xlsx: 'Workbook XLSX (buildings, spaces, tenants, leases, parcels, parks on separate sheets)',
      csv: 'Table CSV (one table)',
      geojson: 'Map data GeoJSON (WGS-84)',
    },
    table: { label: 'Table', buildings: 'Buildings', spaces: 'Spaces', tenants: 'Tenants', leases: 'Leases', parcels: 'Parcels', parks: 'Sky parks' },
    scope: {
      label: 'What to export', all: 'Everything', selection: 'Picked on the map ({{count}})', filter: 'The map’s current filter and area',
      search: 'Saved search', district: 'District', choose: 'Choose…', noFilter: '(no filter on the map)',
    },
    start: 'Export', cancel: 'Cancel export', close: 'Close', saveAgain: 'Save again',
    progress: '{{done}} of {{total}} rows',
    done: 'Exported “{{name}}” ({{size}})', saved: 'Saved', notSaved: 'Not saved (save cancelled)', cancelled: 'Export cancelled; no file was left behind',
    failed: 'Export failed: {{message}}',
  },
} satisfies Messages
