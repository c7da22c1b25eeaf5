import type { Messages } from '../../i18n'

// Strings of the land-parcel screens (list, form, detail).
export const messages = {
  zh: {
    list: {
      title: '地块', add: '新增地块', count: '共 {{count}} 宗，{{mu}}',
      emptyTitle: '还没有地块', emptyBody: '录入储备或拟出让的地块，按用地性质和出让状态统计。',
      noMatchTitle: '没有符合条件的地块', clearFilters: '清除筛选',
    },
    filters: { q: '编号、名称或位置', district: '全部区县', landUse: '全部用地性质', status: '全部出让状态' },
    columns: {
      code: '地块编号', name: '地块名称', district: '区县', landUse: '用地性质', area: '用地面积', status: '出让状态',
      plotRatio: '容积率', price: '参考价格',
    },
    fields: {
      code: '地块编号', name: '地块名称', districtCode: '所属区县', address: '位置描述', lng: '经度', lat: '纬度',
      boundary: '地块边界', area: '用地面积', areaUnit: '面积单位', landUse: '用地性质', plotRatioMin: '容积率下限',
      plotRatioMax: '容积率上限', buildingDensity: '建筑密度', greenRatio: '绿地率', heightLimit: '限高', readiness: '土地状况',
      utilities: '配套条件', status: '出让状态', referencePrice: '参考价格', targetIndustry: '意向产业', contactName: '联系人',
      contactPhone: '联系电话', notes: '备注',
    },
    form: {
      newTitle: '新增地块', editTitle: '编辑地块', choose: '请选择', none: '未填写',
      sections: { basic: '基本信息', location: '位置与边界', planning: '规划条件', land: '土地与出让', contact: '联系方式', notes: '备注' },
      areaHint: '可按 m² 或 亩 填写（1 亩 = 666.67 m²），保存为 m²。',
      areaIs: '合 {{value}}',
      areaFromBoundary: '已填边界时可留空，将按边界自动计算面积。',
      boundaryHint: '粘贴 WGS-84 坐标的 GeoJSON 多边形（Polygon、MultiPolygon，或包含它的 Feature）。在地图上直接绘制将随地图功能提供。',
      boundaryPlaceholder: '{"type":"Polygon","coordinates":[[[123.43,41.80],[123.44,41.80],[123.44,41.81],[123.43,41.80]]]}',
      boundaryNotJson: '地块边界：不是有效的 JSON，请检查括号和引号',
      boundaryNotPolygon: '地块边界：应为 GeoJSON 多边形（Polygon 或 MultiPolygon），或包含它的 Feature',
      mustChoose: '{{label}}：必选',
      locationHint: '填写 WGS-84 坐标；留空且填了边界时取边界中心。',
      percentHint: '按百分比填写，如 35',
      priceHint: '按 万元/亩 填写',
      utilitiesHint: '如 七通一平、五通一平',
      summary: '有 {{count}} 处需要修改，见标红的字段。',
    },
    detail: {
      facts: '基本情况', planning: '规划条件', land: '土地与出让', contact: '联系方式', notes: '备注',
      area: '用地面积', areaBoth: '{{mu}}（{{m2}}）', plotRatio: '容积率', coordinates: '坐标（WGS-84）',
      boundary: '地块边界', boundaryPoints: '已录入（{{count}} 个顶点）', noBoundary: '未录入',
      heightLimit: '{{value}} 米', deleted: '该地块已删除',
    },
  },
  en: {
    list: {
      title: 'Land parcels', add: 'Add parcel', count: '{{count}} parcels, {{mu}}',
      emptyTitle: 'No parcels yet', emptyBody: 'Record reserve parcels and those being prepared for transfer, to count them by land use and status.',
      noMatchTitle: 'No parcel matches these filters', clearFilters: 'Clear filters',
    },
    filters: { q: 'Code, name or location', district: 'All districts', landUse: 'All land uses', status: 'All statuses' },
    columns: {
      code: 'Code', name: 'Parcel', district: 'District', landUse: 'Land use', area: 'Area', status: 'Status',
      plotRatio: 'Plot ratio', price: 'Reference price',
    },
    fields: {
      code: 'Parcel code', name: 'Parcel name', districtCode: 'District', address: 'Location', lng: 'Longitude', lat: 'Latitude',
      boundary: 'Boundary', area: 'Site area', areaUnit: 'Area unit', landUse: 'Land use', plotRatioMin: 'Plot ratio (min)',
      plotRatioMax: 'Plot ratio (max)', buildingDensity: 'Building density', greenRatio: 'Green ratio', heightLimit: 'Height limit',
      readiness: 'Land readiness', utilities: 'Utilities', status: 'Transfer status', referencePrice: 'Reference price',
      targetIndustry: 'Target industry', contactName: 'Contact', contactPhone: 'Phone', notes: 'Notes',
    },
    form: {
      newTitle: 'Add parcel', editTitle: 'Edit parcel', choose: 'Choose…', none: 'Not given',
      sections: { basic: 'Basics', location: 'Location and boundary', planning: 'Planning conditions', land: 'Land and transfer', contact: 'Contact', notes: 'Notes' },
      areaHint: 'Enter in m² or mu (1 mu = 666.67 m²); stored in m².',
      areaIs: '= {{value}}',
      areaFromBoundary: 'With a boundary you may leave this empty: the area is computed from it.',
      boundaryHint: 'Paste a GeoJSON polygon in WGS-84 (Polygon, MultiPolygon or a Feature holding one). Drawing on the map comes with the map.',
      boundaryPlaceholder: '{"type":"Polygon","coordinates":[[[123.43,41.80],[123.44,41.80],[123.44,41.81],[123.43,41.80]]]}',
      boundaryNotJson: 'Boundary: not valid JSON, check brackets and quotes',
      boundaryNotPolygon: 'Boundary: should be a GeoJSON Polygon or MultiPolygon, or a Feature holding one',
      mustChoose: '{{label}}: choose one',
      locationHint: 'WGS-84 coordinates; left empty with a boundary, the boundary’s centre is used.',
      percentHint: 'As a percentage, e.g. 35',
      priceHint: 'In 10k CNY per mu',
      utilitiesHint: 'e.g. 7 connections + levelled (七通一平)',
      summary: '{{count}} field(s) need attention: see those marked in red.',
    },
    detail: {
      facts: 'Facts', planning: 'Planning conditions', land: 'Land and transfer', contact: 'Contact', notes: 'Notes',
      area: 'Site area', areaBoth: '{{mu}} ({{m2}})', plotRatio: 'Plot ratio', coordinates: 'Coordinates (WGS-84)',
      boundary: 'Boundary', boundaryPoints: 'Recorded ({{count}} vertices)', noBoundary: 'Not recorded',
      heightLimit: '{{value}} m', deleted: 'This parcel has been deleted',
    },
  },
} satisfies Messages
