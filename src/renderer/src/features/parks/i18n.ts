import type { Messages } from '../../i18n'

// Strings of the sky industrial park screens (list, form with sub-parks and host buildings, detail).
export const messages = {
  zh: {
    list: {
      title: '空中产业园', add: '新增园区', count: '共 {{count}} 个园区',
      emptyTitle: '还没有空中产业园', emptyBody: '录入利用老旧或闲置楼宇打造的主题产业园，以及它的分园和载体楼宇。',
      noMatchTitle: '没有符合条件的园区', clearFilters: '清除筛选',
    },
    filters: { q: '园区名称或主题', district: '全部区县', status: '全部状态' },
    columns: {
      name: '园区名称', theme: '产业主题', district: '区县', status: '状态', investment: '计划投资', totalArea: '总面积',
      hosts: '载体楼宇', subParks: '分园',
    },
    fields: {
      name: '园区名称', theme: '产业主题', districtCode: '所属区县', plannedInvestment: '计划投资', totalArea: '总面积', landArea: '占地面积',
      operator: '运营方', status: '园区状态', contactName: '联系人', contactPhone: '联系电话', description: '简介',
      subParks: '分园', hosts: '载体楼宇',
    },
    subPark: { name: '分园名称', theme: '分园主题', area: '面积', status: '进度', asPark: '同园区', asParkNote: '（同园区）', add: '新增分园', remove: '移除', empty: '没有分园。', row: '第 {{n}} 个分园' },
    host: {
      buildingId: '载体楼宇', floors: '所在楼层', area: '载体面积', add: '新增载体楼宇', remove: '移除', empty: '没有载体楼宇。',
      floorsHint: '如 12-18、5,7,9', choose: '请选择楼宇', row: '第 {{n}} 栋载体楼宇',
    },
    form: {
      newTitle: '新增园区', editTitle: '编辑园区', choose: '请选择', mustChoose: '{{label}}：请选择',
      sections: { basic: '基本信息', subParks: '分园', hosts: '载体楼宇', contact: '运营与联系', description: '简介' },
      investmentHint: '按 亿元 填写，如 20',
      landAreaHint: '用地面积，用于计算亩均税收',
      summary: '有 {{count}} 处需要修改，见标红的字段。',
    },
    detail: {
      facts: '基本情况', subParks: '分园', hosts: '载体楼宇', noSubParks: '没有分园。', noHosts: '没有载体楼宇。',
      floors: '楼层', deleted: '该园区已删除',
    },
  },
  en: {
    list: {
      title: 'Sky industrial parks', add: 'Add park', count: '{{count}} parks',
      emptyTitle: 'No sky parks yet', emptyBody: 'Record themed parks made from old or idle buildings, with their sub-parks and host buildings.',
      noMatchTitle: 'No park matches these filters', clearFilters: 'Clear filters',
    },
    filters: { q: 'Park name or theme', district: 'All districts', status: 'All statuses' },
    columns: {
      name: 'Park', theme: 'Theme', district: 'District', status: 'Status', investment: 'Planned investment', totalArea: 'Total area',
      hosts: 'Host buildings', subParks: 'Sub-parks',
    },
    fields: {
      name: 'Park name', theme: 'Industry theme', districtCode: 'District', plannedInvestment: 'Planned investment', totalArea: 'Total area', landArea: 'Land area',
      operator: 'Operator', status: 'Status', contactName: 'Contact', contactPhone: 'Phone', description: 'Description',
      subParks: 'Sub-parks', hosts: 'Host buildings',
    },
    subPark: { name: 'Sub-park name', theme: 'Theme', area: 'Area', status: 'Progress', asPark: 'As the park', asParkNote: ' (as the park)', add: 'Add sub-park', remove: 'Remove', empty: 'No sub-parks.', row: 'Sub-park {{n}}' },
    host: {
      buildingId: 'Host building', floors: 'Floors', area: 'Area', add: 'Add host building', remove: 'Remove', empty: 'No host buildings.',
      floorsHint: 'e.g. 12-18, 5,7,9', choose: 'Choose a building', row: 'Host building {{n}}',
    },
    form: {
      newTitle: 'Add park', editTitle: 'Edit park', choose: 'Choose…', mustChoose: '{{label}}: choose one',
      sections: { basic: 'Basics', subParks: 'Sub-parks', hosts: 'Host buildings', contact: 'Operator and contact', description: 'Description' },
      investmentHint: 'In 100m CNY (亿元), e.g. 20',
      landAreaHint: 'The land the park stands on, for tax per mu',
      summary: '{{count}} field(s) need attention: see those marked in red.',
    },
    detail: {
      facts: 'Facts', subParks: 'Sub-parks', hosts: 'Host buildings', noSubParks: 'No sub-parks.', noHosts: 'No host buildings.',
      floors: 'Floors', deleted: 'This park has been deleted',
    },
  },
} satisfies Messages
