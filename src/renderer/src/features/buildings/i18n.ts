import type { Messages } from '../../i18n'

// Strings of the building screens (list, form, detail with spaces, leases and history).
export const messages = {
  zh: {
    list: {
      title: '楼宇', add: '新增楼宇', count: '共 {{count}} 栋',
      emptyTitle: '还没有楼宇', emptyBody: '录入第一栋楼宇，再为它添加楼层和单元。',
      noMatchTitle: '没有符合条件的楼宇', clearFilters: '清除筛选',
    },
    filters: { q: '名称或地址', district: '全部区县', cluster: '全部聚集区', kind: '全部类型', grade: '全部等级' },
    columns: {
      name: '楼宇名称', district: '区县', cluster: '聚集区', grade: '等级', kind: '类型', leasable: '可租面积',
      vacant: '空置面积', vacancyRate: '空置率', tenants: '入驻企业', rent: '报价租金',
    },
    fields: {
      isDemo: '演示数据标记（移除演示数据时保留）',
      name: '楼宇名称', address: '地址', districtCode: '所属区县', clusterId: '所属聚集区', lng: '经度', lat: '纬度',
      grade: '楼宇等级', kind: '楼宇类型', floorsAbove: '地上层数', floorsBelow: '地下层数', totalArea: '总建筑面积', landArea: '占地面积',
      yearBuilt: '建成年份', owner: '产权方', propertyManager: '物业公司', ownership: '产权形式', propertyFee: '物业费',
      contactName: '联系人', contactPhone: '联系电话', notes: '备注', deletedAt: '删除',
    },
    form: {
      newTitle: '新增楼宇', editTitle: '编辑楼宇', choose: '请选择', noCluster: '不属于聚集区',
      landAreaHint: '用地面积，用于计算亩均税收',
      sections: { basic: '基本信息', location: '位置', scale: '规模', property: '产权与物业', contact: '联系方式', notes: '备注' },
      locationHint: '填写 WGS-84 坐标（GPS、天地图）。从高德、腾讯地图复制的是 GCJ-02 坐标，会偏移几百米，需先转换。',
      summary: '有 {{count}} 处需要修改：',
    },
    detail: {
      tiles: {
        leasable: '可租面积', vacant: '空置面积', vacancyRate: '空置率', occupancyRate: '出租率', tenants: '入驻企业',
        aboveScale: '规上企业', annualTax: '年纳税额', rent: '空置报价',
      },
      yiYuanBuilding: '亿元楼', facts: '基本情况', coordinates: '坐标（WGS-84）', floors: '地上 {{above}} 层 / 地下 {{below}} 层',
      parks: '入驻的空中产业园', parkFloors: '楼层：{{floors}}', noParks: '没有空中产业园设在本楼',
      deleteTitle: '删除楼宇',
    },
    spaces: {
      title: '楼层与单元', add: '新增空间', editTitle: '编辑空间', empty: '还没有楼层或单元，点击“新增空间”录入。',
      quickHint: '直接在“状态”列改选即可保存，便于现场逐层核对空置情况。',
      columns: {
        floorLabel: '楼层', unit: '单元', area: '面积', status: '状态', askingRent: '报价租金', fitOut: '装修',
        availableFrom: '可入驻日期', divisible: '可分割', tenant: '租户', actions: '操作',
      },
      fields: {
        floorLabel: '楼层', unit: '单元', area: '面积', status: '状态', askingRent: '报价租金', fitOut: '装修',
        availableFrom: '可入驻日期', divisible: '可分割', notes: '备注',
      },
      floorHint: '如 12、B1、23-25', statusSaved: '{{floor}} 层已改为“{{status}}”', deleted: '已删除 {{floor}} 层 {{unit}}',
      statusFor: '{{floor}} 层状态',
    },
    leases: {
      title: '租约', add: '新增租约', empty: '还没有租约。', newTitle: '新增租约', deleted: '已删除 {{tenant}} 的租约',
      columns: { tenant: '企业', floors: '楼层', area: '面积', startDate: '起租日期', endDate: '到期日期', rent: '租金', actions: '操作' },
      fields: { tenantId: '入驻企业', spaceIds: '租赁空间', startDate: '起租日期', endDate: '到期日期', area: '租赁面积', rent: '租金', notes: '备注' },
      newTenant: '新增企业', noSpaces: '本楼还没有空间，请先新增空间。', areaHint: '默认为所选空间面积之和',
      spaceOption: '{{floor}} 层 {{unit}} · {{area}} · {{status}}',
    },
    history: {
      title: '修改记录', empty: '没有修改记录。', columns: { at: '时间', actor: '操作人', field: '字段', change: '修改' },
      ops: { insert: '新建', update: '修改', delete: '删除', restore: '恢复' },
    },
  },
  en: {
    list: {
      title: 'Buildings', add: 'Add building', count: '{{count}} buildings',
      emptyTitle: 'No buildings yet', emptyBody: 'Record your first building, then add its floors and units.',
      noMatchTitle: 'No building matches these filters', clearFilters: 'Clear filters',
    },
    filters: { q: 'Name or address', district: 'All districts', cluster: 'All clusters', kind: 'All kinds', grade: 'All grades' },
    columns: {
      name: 'Building', district: 'District', cluster: 'Cluster', grade: 'Grade', kind: 'Kind', leasable: 'Leasable',
      vacant: 'Vacant', vacancyRate: 'Vacancy', tenants: 'Tenants', rent: 'Asking rent',
    },
    fields: {
      isDemo: 'Demo flag (kept when the demo was removed)',
      name: 'Building name', address: 'Address', districtCode: 'District', clusterId: 'Cluster', lng: 'Longitude', lat: 'Latitude',
      grade: 'Grade', kind: 'Kind', floorsAbove: 'Floors above ground', floorsBelow: 'Floors below ground', totalArea: 'Total floor area', landArea: 'Land area',
      yearBuilt: 'Year built', owner: 'Owner / developer', propertyManager: 'Property manager', ownership: 'Ownership', propertyFee: 'Property fee',
      contactName: 'Contact', contactPhone: 'Phone', notes: 'Notes', deletedAt: 'Deleted',
    },
    form: {
      newTitle: 'Add building', editTitle: 'Edit building', choose: 'Choose…', noCluster: 'No cluster',
      landAreaHint: 'The land the site stands on, for tax per mu',
      sections: { basic: 'Basics', location: 'Location', scale: 'Size', property: 'Ownership & management', contact: 'Contact', notes: 'Notes' },
      locationHint: 'WGS-84 coordinates (GPS, Tianditu). Coordinates copied from Gaode or Tencent maps are GCJ-02, off by a few hundred metres: convert them first.',
      summary: '{{count}} field(s) need attention:',
    },
    detail: {
      tiles: {
        leasable: 'Leasable area', vacant: 'Vacant area', vacancyRate: 'Vacancy rate', occupancyRate: 'Occupancy rate', tenants: 'Tenants',
        aboveScale: 'Above-scale tenants', annualTax: 'Annual tax', rent: 'Asking rent (vacant)',
      },
      yiYuanBuilding: '100m-CNY tax building', facts: 'Facts', coordinates: 'Coordinates (WGS-84)', floors: '{{above}} above / {{below}} below ground',
      parks: 'Sky parks in this building', parkFloors: 'Floors: {{floors}}', noParks: 'No sky park is hosted here',
      deleteTitle: 'Delete building',
    },
    spaces: {
      title: 'Floors and units', add: 'Add space', editTitle: 'Edit space', empty: 'No floors or units yet: use “Add space”.',
      quickHint: 'Change the Status column to save at once, handy when checking vacancy floor by floor on site.',
      columns: {
        floorLabel: 'Floor', unit: 'Unit', area: 'Area', status: 'Status', askingRent: 'Asking rent', fitOut: 'Fit-out',
        availableFrom: 'Available from', divisible: 'Divisible', tenant: 'Tenant', actions: 'Actions',
      },
      fields: {
        floorLabel: 'Floor', unit: 'Unit', area: 'Area', status: 'Status', askingRent: 'Asking rent', fitOut: 'Fit-out',
        availableFrom: 'Available from', divisible: 'Divisible', notes: 'Notes',
      },
      floorHint: 'e.g. 12, B1, 23-25', statusSaved: 'Floor {{floor}} set to “{{status}}”', deleted: 'Deleted floor {{floor}} {{unit}}',
      statusFor: 'Status of floor {{floor}}',
    },
    leases: {
      title: 'Leases', add: 'Add lease', empty: 'No leases yet.', newTitle: 'Add lease', deleted: 'Deleted the lease of {{tenant}}',
      columns: { tenant: 'Tenant', floors: 'Floors', area: 'Area', startDate: 'Start', endDate: 'End', rent: 'Rent', actions: 'Actions' },
      fields: { tenantId: 'Tenant', spaceIds: 'Spaces leased', startDate: 'Start date', endDate: 'End date', area: 'Leased area', rent: 'Rent', notes: 'Notes' },
      newTenant: 'New tenant', noSpaces: 'This building has no spaces yet: add one first.', areaHint: 'Defaults to the total area of the chosen spaces',
      spaceOption: 'Floor {{floor}} {{unit}} · {{area}} · {{status}}',
    },
    history: {
      title: 'Change history', empty: 'No changes recorded.', columns: { at: 'Time', actor: 'By', field: 'Field', change: 'Change' },
      ops: { insert: 'Created', update: 'Changed', delete: 'Deleted', restore: 'Restored' },
    },
  },
} satisfies Messages
