import type { Messages } from '../../i18n'

// Strings of the settings screen.
export const messages = {
  zh: {
    title: '设置',
    language: { title: '界面语言', hint: '与左侧栏的语言切换相同，保存在数据文件中。' },
    user: {
      title: '使用人', label: '您的姓名', hint: '记录在修改记录中，便于同事知道是谁改的。', saved: '已保存姓名',
      placeholder: '如 张三',
    },
    data: {
      title: '数据文件', file: '文件位置', schemaVersion: '数据结构版本', deviceId: '本机编号', appVersion: '软件版本',
      hint: '所有数据只保存在这个文件中。请用上方“数据安全”中的备份，不要在程序运行时直接复制该文件（可能漏掉最近的修改）。',
    },
    demo: {
      title: '演示数据', hint: '移除演示数据后，地图与列表只剩您自己录入或导入的记录。您修改过的演示记录会先列出，可选择保留。',
      remove: '移除演示数据', confirm: '移除', removing: '正在移除…', loading: '正在查看演示数据…',
      summary: '将移除 {{count}} 条演示记录（楼宇、空间、企业、租约、地块、园区等），您自己的记录不受影响。',
      edited: '以下演示记录您修改过，勾选的将保留为您自己的记录（楼宇连同其空间、租约和租户，园区连同其分园和载体）：', keep: '保留',
      changed: '改过：{{fields}}', deletedField: '删除后恢复', inUse: '以下演示记录被您自己的记录用到（包括回收站中的记录），将连同其下的记录一并保留：', usedBy: '用到它的：{{what}}',
      done: '已移除 {{removed}} 条演示记录，保留 {{kept}} 条',
      tables: { clusters: '聚集区', buildings: '楼宇', spaces: '空间', tenants: '企业', leases: '租约', parcels: '地块', parks: '园区', subParks: '分园', parkHosts: '园区载体', targets: '年度目标', targetEntries: '目标月度填报' },
    },
    districts: {
      title: '区县', hint: '行政区划代码按 GB/T 2260，6 位数字，如 210103 沈河区。', add: '新增区县', added: '已新增区县“{{name}}”',
      empty: '还没有区县。', summary: '有 {{count}} 处需要修改，见标红的字段。',
      columns: { code: '代码', name: '名称', city: '城市', province: '省份' },
      fields: { code: '行政区划代码', name: '区县名称', city: '所属城市', province: '所属省份' },
      placeholders: { code: '210103', name: '沈河区', city: '沈阳市', province: '辽宁省' },
      pickCity: '从内置行政区划选择：城市', pickDistrict: '区县', choose: '请选择',
    },
  },
  en: {
    title: 'Settings',
    language: { title: 'Language', hint: 'The same as the switch in the sidebar; saved in the data file.' },
    user: {
      title: 'User', label: 'Your name', hint: 'Recorded in the change history, so colleagues see who changed what.', saved: 'Name saved',
      placeholder: 'e.g. Zhang San',
    },
    data: {
      title: 'Data file', file: 'Location', schemaVersion: 'Schema version', deviceId: 'Device id', appVersion: 'App version',
      hint: 'All data lives in this one file. Back it up with “Data safety” above rather than copying the file while the app runs (such a copy may miss recent changes).',
    },
    demo: {
      title: 'Demo data', hint: 'After removing the demo data, the map and lists hold only what you entered or imported. Demo records you edited are listed first and can be kept.',
      remove: 'Remove demo data', confirm: 'Remove', removing: 'Removing…', loading: 'Looking at the demo data…',
      summary: '{{count}} demo records (buildings, spaces, tenants, leases, parcels, parks …) will be removed; your own records are not touched.',
      edited: 'You edited these demo records; the ticked ones are kept as your own (a building with its spaces, leases and tenants, a park with its sub-parks and hosts):', keep: 'Keep',
      changed: 'changed: {{fields}}', deletedField: 'deleted and restored', inUse: 'Your own records (those in the bin too) use these demo records, so they are kept with what is under them:', usedBy: 'used by: {{what}}',
      done: 'Removed {{removed}} demo records, kept {{kept}}',
      tables: { clusters: 'Cluster', buildings: 'Building', spaces: 'Space', tenants: 'Tenant', leases: 'Lease', parcels: 'Parcel', parks: 'Park', subParks: 'Sub-park', parkHosts: 'Park host', targets: 'Annual target', targetEntries: 'Target monthly entry' },
    },
    districts: {
      title: 'Districts', hint: 'Codes follow GB/T 2260: six digits, e.g. 210103 for Shenhe District.', add: 'Add district', added: 'Added district “{{name}}”',
      empty: 'No districts yet.', summary: '{{count}} field(s) need attention: see those marked in red.',
      columns: { code: 'Code', name: 'Name', city: 'City', province: 'Province' },
      fields: { code: 'Division code', name: 'District name', city: 'City', province: 'Province' },
      placeholders: { code: '210103', name: '沈河区', city: '沈阳市', province: '辽宁省' },
      pickCity: 'Pick from the built-in map: city', pickDistrict: 'District', choose: 'Choose',
    },
  },
} satisfies Messages
