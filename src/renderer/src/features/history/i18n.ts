import type { Messages } from '../../i18n'

// Strings of the change-log screen (修改记录) and of the history shown on a site's page. The
// sentences themselves come from shared/changeText.ts, in Chinese.
export const messages = {
  zh: {
    nav: '修改记录',
    title: '修改记录',
    subtitle: '谁在什么时候改了什么：楼宇、空间、租约、企业、地块、园区……',
    filters: { actor: '操作人', anyActor: '全部人员', kind: '类型', anyKind: '全部类型', from: '从', to: '到', clear: '清除筛选' },
    columns: { at: '时间', actor: '操作人', change: '修改内容' },
    kinds: {
      buildings: '楼宇', spaces: '空间', tenants: '企业', leases: '租约', parcels: '地块', parks: '园区', subParks: '分园区',
      parkHosts: '园区载体', clusters: '聚集区', visits: '接洽记录', photos: '照片', savedSearches: '保存的查询', districts: '区县', targets: '年度目标', targetEntries: '目标月度填报',
    },
    moreFields: '还有 {{count}} 项…',
    more: '加载更早的记录', loadingMore: '正在加载…', end: '已显示全部 {{count}} 条',
    empty: '没有修改记录。', noMatch: '没有符合条件的修改记录。',
    badDate: '日期应按 年-月-日 填写，如 2026-11-30',
    noName: '还没有填写您的姓名：之后的修改将署名为本机用户名。',
    setName: '去设置填写',
    site: { title: '修改记录', all: '在“修改记录”中查看全部' },
  },
  en: {
    nav: 'History',
    title: 'Change history',
    subtitle: 'Who changed what, and when: buildings, spaces, leases, tenants, parcels, parks…',
    filters: { actor: 'Person', anyActor: 'Everyone', kind: 'Kind', anyKind: 'All kinds', from: 'From', to: 'To', clear: 'Clear filters' },
    columns: { at: 'When', actor: 'Person', change: 'Change' },
    kinds: {
      buildings: 'Buildings', spaces: 'Spaces', tenants: 'Tenants', leases: 'Leases', parcels: 'Parcels', parks: 'Parks', subParks: 'Sub-parks',
      parkHosts: 'Park hosts', clusters: 'Clusters', visits: 'Visits', photos: 'Photos', savedSearches: 'Saved searches', districts: 'Districts', targets: 'Annual targets', targetEntries: 'Target monthly entries',
    },
    moreFields: '{{count}} more…',
    more: 'Load earlier changes', loadingMore: 'Loading…', end: 'All {{count}} shown',
    empty: 'No changes yet.', noMatch: 'No changes match.',
    badDate: 'Dates are written year-month-day, e.g. 2026-11-30',
    noName: 'Your name is not set: changes are signed with this computer’s user name.',
    setName: 'Set it in Settings',
    site: { title: 'Change history', all: 'See everything in Change history' },
  },
} satisfies Messages
