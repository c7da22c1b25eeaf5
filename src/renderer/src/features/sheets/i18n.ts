import type { Messages } from '../../i18n'

// Strings of the inventory sheet's screen (side panel, entry points) and the contact section of
// the settings. The printed sheet itself is always in Chinese: it is handed to investors in China.
export const messages = {
  zh: {
    panel: {
      title: '清单设置', kind: '类型', sheet: '招商资源清单', handbook: '招商手册（含目录）', docTitle: '标题',
      sections: '显示内容', print: '打印 / 导出 PDF', printing: '正在准备…', back: '返回',
      preparing: '正在准备页面（地图、照片）…', ready: '共 {{pages}} 页，{{sites}} 处资源', saved: '已保存：{{path}}',
      noSites: '范围内没有资源：请返回地图重新选择。', badScope: '清单地址有误：缺少或无法识别范围。',
      contactHint: '封面联系人在“设置 → 清单联系人”中填写。',
    },
    sections: {
      cover: '封面', summary: '汇总表', map: '位置图', photo: '照片', figures: '关键指标', spaces: '可租空间',
      tenants: '入驻企业名称', contacts: '联系方式', planning: '规划条件', subParks: '分园与载体楼层',
    },
    links: {
      picks: '生成清单 ({{count}})', filtered: '当前结果生成清单', search: '生成清单', handbook: '生成招商手册',
    },
    contact: {
      title: '清单联系人', hint: '印在招商资源清单和招商手册封面上。', organisation: '单位', name: '联系人', phone: '电话', address: '地址',
      saved: '清单联系人已保存',
    },
  },
  en: {
    panel: {
      title: 'Sheet options', kind: 'Kind', sheet: 'Inventory sheet', handbook: 'Handbook (with contents)', docTitle: 'Title',
      sections: 'Show', print: 'Print / save PDF', printing: 'Preparing…', back: 'Back',
      preparing: 'Preparing the pages (maps, photos)…', ready: '{{pages}} pages, {{sites}} sites', saved: 'Saved: {{path}}',
      noSites: 'No site in this scope: go back to the map and choose again.', badScope: 'This sheet address is wrong: its scope is missing or unreadable.',
      contactHint: 'The cover contact is set in Settings → Sheet contact.',
    },
    sections: {
      cover: 'Cover', summary: 'Summary table', map: 'Location map', photo: 'Photo', figures: 'Key figures', spaces: 'Available spaces',
      tenants: 'Tenant names', contacts: 'Contacts', planning: 'Planning conditions', subParks: 'Sub-parks and host floors',
    },
    links: {
      picks: 'Sheet of picks ({{count}})', filtered: 'Sheet of these results', search: 'Sheet', handbook: 'Make handbook',
    },
    contact: {
      title: 'Sheet contact', hint: 'Printed on the cover of inventory sheets and handbooks.', organisation: 'Organisation', name: 'Contact', phone: 'Phone', address: 'Address',
      saved: 'Sheet contact saved',
    },
  },
} satisfies Messages
