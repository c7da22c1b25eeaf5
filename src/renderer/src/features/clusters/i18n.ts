import type { Messages } from '../../i18n'

// Strings of the building-cluster screens (list, form, detail with its buildings).
export const messages = {
  zh: {
    list: {
      title: '楼宇聚集区', add: '新增聚集区', count: '共 {{count}} 个聚集区',
      emptyTitle: '还没有楼宇聚集区', emptyBody: '把相邻、定位相近的楼宇编为聚集区，如“金融楼宇集聚区”。',
      noMatchTitle: '没有符合条件的聚集区', clearFilters: '清除筛选',
    },
    filters: { q: '聚集区名称', district: '全部区县' },
    columns: { name: '聚集区名称', district: '区县', buildings: '楼宇数' },
    fields: { name: '聚集区名称', districtCode: '所属区县', description: '简介' },
    form: { newTitle: '新增聚集区', editTitle: '编辑聚集区', choose: '请选择', mustChoose: '{{label}}：必选', summary: '有 {{count}} 处需要修改，见标红的字段。' },
    detail: {
      facts: '基本情况', buildings: '区内楼宇', noBuildings: '还没有楼宇归入该聚集区：在楼宇的编辑页选择“所属聚集区”。',
      deleted: '该聚集区已删除', total: '合计',
      columns: { name: '楼宇名称', grade: '等级', leasable: '可租面积', vacant: '空置面积', vacancyRate: '空置率' },
    },
  },
  en: {
    list: {
      title: 'Building clusters', add: 'Add cluster', count: '{{count}} clusters',
      emptyTitle: 'No clusters yet', emptyBody: 'Group neighbouring buildings with a common profile, e.g. a “financial building cluster”.',
      noMatchTitle: 'No cluster matches these filters', clearFilters: 'Clear filters',
    },
    filters: { q: 'Cluster name', district: 'All districts' },
    columns: { name: 'Cluster', district: 'District', buildings: 'Buildings' },
    fields: { name: 'Cluster name', districtCode: 'District', description: 'Description' },
    form: { newTitle: 'Add cluster', editTitle: 'Edit cluster', choose: 'Choose…', mustChoose: '{{label}}: choose one', summary: '{{count}} field(s) need attention: see those marked in red.' },
    detail: {
      facts: 'Facts', buildings: 'Buildings in this cluster', noBuildings: 'No building belongs to this cluster yet: choose the cluster on a building’s edit page.',
      deleted: 'This cluster has been deleted', total: 'Total',
      columns: { name: 'Building', grade: 'Grade', leasable: 'Leasable', vacant: 'Vacant', vacancyRate: 'Vacancy' },
    },
  },
} satisfies Messages
