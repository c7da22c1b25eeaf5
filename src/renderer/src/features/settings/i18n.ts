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
      hint: '所有数据只保存在这个文件中。备份时请先关闭 Site Atlas，再复制该文件（程序运行时复制可能漏掉最近的修改）。',
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
      hint: 'All data lives in this one file. To back it up, close Site Atlas first, then copy the file (a copy taken while the app runs may miss recent changes).',
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
