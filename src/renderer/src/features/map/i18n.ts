import type { Messages } from '../../i18n'

// Strings of the map screen: counts, filters, layers, legend, tools, cards, list, saved searches.
export const messages = {
  zh: {
    counts: {
      buildings: '楼宇 {{n}} 栋', vacant: '空置 {{area}}', parcels: '地块 {{n}} 宗', parcelArea: '{{area}}',
      parks: '园区 {{n}} 个', unplaced: '{{n}} 栋未定位', filtered: '已筛选', ofTotal: '共 {{total}}',
    },
    layers: { title: '图层', buildings: '楼宇', parcels: '地块', parks: '空中产业园', clusters: '楼宇聚集区', districts: '行政区划' },
    filters: {
      title: '筛选', text: '名称、地址或编号', districts: '区县', clusters: '聚集区', kinds: '楼宇类型', grades: '楼宇等级',
      vacancyRate: '空置率（%）', vacantArea: '空置面积（m²）', largestBlock: '最大连续空置面积（m²）',
      largestBlockHint: '同一层的空置面积，或相邻整层空置楼层的合计', rent: '报价租金（元/m²·天）', fitOuts: '装修',
      landUses: '用地性质', parcelStatuses: '出让状态', parcelArea: '地块面积（亩）', parkThemes: '园区主题',
      min: '最低', max: '最高', clear: '清除筛选', groups: { all: '全部图层', buildings: '楼宇条件', parcels: '地块条件', parks: '园区条件' },
      invalid: '请输入数字', area: '范围', clearArea: '清除范围', areaCircle: '半径 {{radius}} 内', areaPolygon: '绘制的多边形内',
    },
    saved: {
      title: '保存的查询', save: '保存当前查询', name: '名称', saveTitle: '保存查询', none: '还没有保存的查询',
      open: '打开', deleted: '已删除查询“{{name}}”', saved: '已保存查询“{{name}}”', withArea: '含范围', choose: '打开保存的查询…',
    },
    tools: {
      title: '工具', measure: '量距离', selectPolygon: '框选范围', selectRadius: '半径范围', newBuilding: '新增楼宇',
      drawParcel: '绘制地块', cancel: '退出工具', radius: '半径（公里）',
      hints: {
        measure: '依次点击地图量距，双击结束。', selectPolygon: '依次点击画出范围，点击第一个点结束。',
        selectRadius: '点击地图选定中心（如地铁站），显示该半径内的资源。', newBuilding: '点击地图上楼宇所在的位置。',
        drawParcel: '依次点击画出地块边界，点击第一个点结束。', placeBuilding: '点击地图，把“{{name}}”放在该位置。',
        editParcel: '拖动顶点修改“{{name}}”的边界，完成后保存。',
      },
      measured: '距离：{{distance}}', drawing: '面积：{{m2}}（{{mu}}）',
    },
    legend: {
      title: '图例', vacancy: '楼宇空置率', size: '圆点大小表示可租面积', classes: { full: '< 5%', low: '5–15%', mid: '15–25%', high: '25–40%', veryHigh: '≥ 40%', none: '无数据' },
      landUse: '地块用地性质', park: '空中产业园', parkBadge: '园', cluster: '楼宇聚集区', district: '区县界线', area: '查询范围', clusterBubble: '楼宇聚合（数字为栋数）',
    },
    list: {
      tabs: { buildings: '楼宇', parcels: '地块', parks: '园区', selection: '已选' },
      empty: '没有符合条件的资源', emptySelection: '还没有选入资源。在卡片或列表中点“☆”加入。',
      vacancy: '空置 {{area}} · {{rate}}', parcel: '{{use}} · {{area}}', park: '{{theme}} · {{status}}',
      unplaced: '未定位', sort: '排序', sorts: { name: '名称', vacantArea: '空置面积', vacancyRate: '空置率', area: '面积' },
      pick: '加入选择', unpick: '移出选择', clearSelection: '清空选择',
    },
    card: {
      close: '关闭', details: '查看详情', pick: '☆ 加入选择', unpick: '★ 已选', place: '在地图上放置', move: '拖动调整位置', moveDone: '完成',
      leasable: '可租面积', vacant: '空置面积', vacancyRate: '空置率', largestBlock: '最大连续空置', rent: '空置报价', tenants: '入驻企业',
      parks: '空中产业园', landUse: '用地性质', status: '出让状态', area: '用地面积', price: '参考价格', theme: '主题', hosts: '载体楼宇',
      totalArea: '总面积', editBoundary: '编辑边界', drawBoundary: '绘制边界', saveBoundary: '保存边界', noPosition: '尚未在地图上定位',
      moved: '已把“{{name}}”移到新位置', placed: '已在地图上放置“{{name}}”', boundarySaved: '已保存“{{name}}”的边界（{{mu}}）',
      boundarySavedAreaKept: '已保存“{{name}}”的边界；用地面积仍为登记的 {{mu}}（勾画面积 {{traced}}）', drawnArea: '勾画面积',
      address: '地址', nearBuilding: '附近楼宇：{{name}}（{{distance}}）', inCluster: '所属聚集区：{{name}}', nearCluster: '最近聚集区：{{name}}（{{distance}}）',
    },
    create: {
      buildingTitle: '在此新增楼宇', parcelTitle: '保存新地块', name: '名称', code: '地块编号', district: '所属区县', kind: '楼宇类型',
      landUse: '用地性质', status: '出让状态', choose: '请选择', position: '位置（WGS-84）：{{x}}, {{y}}', area: '面积：{{m2}}（{{mu}}）',
      created: '已新增“{{name}}”', more: '保存后可在详情页补充其他信息。',
    },
    basemap: {
      title: '底图', builtin: '行政区划图（内置）', download: '下载此区域', crsNote: '{{crs}} 坐标', noTiles: '此处没有底图瓦片',
    },
    view: { showAll: '显示全部', nothingHere: '此处没有符合条件的资源' },
    empty: { title: '地图上还没有资源', body: '用上方的“新增楼宇”“绘制地块”在地图上添加，或到“楼宇”“地块”页面录入。' },
  },
  en: {
    counts: {
      buildings: '{{n}} buildings', vacant: '{{area}} vacant', parcels: '{{n}} parcels', parcelArea: '{{area}}',
      parks: '{{n}} parks', unplaced: '{{n}} not placed', filtered: 'Filtered', ofTotal: 'of {{total}}',
    },
    layers: { title: 'Layers', buildings: 'Buildings', parcels: 'Parcels', parks: 'Sky parks', clusters: 'Clusters', districts: 'Districts' },
    filters: {
      title: 'Filter', text: 'Name, address or code', districts: 'Districts', clusters: 'Clusters', kinds: 'Building kind', grades: 'Grade',
      vacancyRate: 'Vacancy rate (%)', vacantArea: 'Vacant area (m²)', largestBlock: 'Largest contiguous vacant area (m²)',
      largestBlockHint: 'Vacant area on one floor, or across adjacent wholly vacant floors', rent: 'Asking rent (CNY/m²·day)', fitOuts: 'Fit-out',
      landUses: 'Land use', parcelStatuses: 'Parcel status', parcelArea: 'Parcel area (mu)', parkThemes: 'Park theme',
      min: 'Min', max: 'Max', clear: 'Clear filters', groups: { all: 'All layers', buildings: 'Buildings', parcels: 'Parcels', parks: 'Parks' },
      invalid: 'Enter a number', area: 'Area', clearArea: 'Clear area', areaCircle: 'Within {{radius}}', areaPolygon: 'Inside the drawn polygon',
    },
    saved: {
      title: 'Saved searches', save: 'Save this search', name: 'Name', saveTitle: 'Save search', none: 'No saved searches yet',
      open: 'Open', deleted: 'Deleted search “{{name}}”', saved: 'Saved search “{{name}}”', withArea: 'with area', choose: 'Open a saved search…',
    },
    tools: {
      title: 'Tools', measure: 'Measure', selectPolygon: 'Select area', selectRadius: 'Radius', newBuilding: 'New building',
      drawParcel: 'Draw parcel', cancel: 'Exit tool', radius: 'Radius (km)',
      hints: {
        measure: 'Click along the way; double-click to finish.', selectPolygon: 'Click the corners; click the first point to finish.',
        selectRadius: 'Click the centre (e.g. a metro station) to see the sites within the radius.', newBuilding: 'Click where the building stands.',
        drawParcel: 'Click the boundary corners; click the first point to finish.', placeBuilding: 'Click the map to put “{{name}}” there.',
        editParcel: 'Drag the corners of “{{name}}”, then save.',
      },
      measured: 'Distance: {{distance}}', drawing: 'Area: {{m2}} ({{mu}})',
    },
    legend: {
      title: 'Legend', vacancy: 'Building vacancy', size: 'Dot size shows leasable area', classes: { full: '< 5%', low: '5–15%', mid: '15–25%', high: '25–40%', veryHigh: '≥ 40%', none: 'No figures' },
      landUse: 'Parcel land use', park: 'Sky park', parkBadge: 'P', cluster: 'Building cluster', district: 'District boundary', area: 'Search area', clusterBubble: 'Buildings grouped (count)',
    },
    list: {
      tabs: { buildings: 'Buildings', parcels: 'Parcels', parks: 'Parks', selection: 'Picked' },
      empty: 'Nothing matches', emptySelection: 'Nothing picked yet. Use “☆” on a card or in the list.',
      vacancy: '{{area}} vacant · {{rate}}', parcel: '{{use}} · {{area}}', park: '{{theme}} · {{status}}',
      unplaced: 'Not placed', sort: 'Sort', sorts: { name: 'Name', vacantArea: 'Vacant area', vacancyRate: 'Vacancy rate', area: 'Area' },
      pick: 'Pick', unpick: 'Unpick', clearSelection: 'Clear picks',
    },
    card: {
      close: 'Close', details: 'Details', pick: '☆ Pick', unpick: '★ Picked', place: 'Place on map', move: 'Drag to move', moveDone: 'Done',
      leasable: 'Leasable', vacant: 'Vacant', vacancyRate: 'Vacancy', largestBlock: 'Largest block', rent: 'Asking rent', tenants: 'Tenants',
      parks: 'Sky parks', landUse: 'Land use', status: 'Status', area: 'Area', price: 'Reference price', theme: 'Theme', hosts: 'Host buildings',
      totalArea: 'Total area', editBoundary: 'Edit boundary', drawBoundary: 'Draw boundary', saveBoundary: 'Save boundary', noPosition: 'Not placed on the map yet',
      moved: 'Moved “{{name}}”', placed: 'Placed “{{name}}” on the map', boundarySaved: 'Saved the boundary of “{{name}}” ({{mu}})',
      boundarySavedAreaKept: 'Saved the boundary of “{{name}}”; its area stays the registered {{mu}} (traced: {{traced}})', drawnArea: 'Traced area',
      address: 'Address', nearBuilding: 'Nearest building: {{name}} ({{distance}})', inCluster: 'Cluster: {{name}}', nearCluster: 'Nearest cluster: {{name}} ({{distance}})',
    },
    create: {
      buildingTitle: 'New building here', parcelTitle: 'Save new parcel', name: 'Name', code: 'Parcel code', district: 'District', kind: 'Kind',
      landUse: 'Land use', status: 'Status', choose: 'Choose', position: 'Position (WGS-84): {{x}}, {{y}}', area: 'Area: {{m2}} ({{mu}})',
      created: 'Added “{{name}}”', more: 'Add the other details on its page afterwards.',
    },
    basemap: {
      title: 'Basemap', builtin: 'District map (built in)', download: 'Download this area', crsNote: '{{crs}}', noTiles: 'No basemap tiles here',
    },
    view: { showAll: 'Show all', nothingHere: 'No matching sites in this part of the map' },
    empty: { title: 'Nothing on the map yet', body: 'Add one with “New building” or “Draw parcel” above, or enter them on the Buildings and Land parcels pages.' },
  },
} satisfies Messages
