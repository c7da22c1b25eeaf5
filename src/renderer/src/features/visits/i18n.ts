import type { Messages } from '../../i18n'

// Strings of the investor visit screens (list, form with the site picker, detail) and of the
// visits listed on a site's page.
export const messages = {
  zh: {
    nav: '招商接洽',
    list: {
      title: '招商接洽', add: '记录接洽', count: '共 {{count}} 次接洽',
      emptyTitle: '还没有接洽记录', emptyBody: '记录每次拜访企业或接待考察：企业、日期、接洽人员、推介的楼宇地块园区、洽谈纪要和跟进日期。',
      noMatchTitle: '没有符合条件的接洽记录', clearFilters: '清除筛选', overdueOnly: '只看跟进已逾期', more: '等 {{total}} 处',
    },
    filters: { q: '企业、人员或纪要' },
    columns: { date: '接洽日期', company: '企业', staff: '接洽人员', sites: '推介资源', followUp: '跟进日期' },
    fields: {
      company: '企业名称', date: '接洽日期', staff: '接洽人员', contactName: '企业联系人', contactPhone: '联系电话',
      sites: '推介资源', notes: '洽谈纪要', followUpDate: '跟进日期',
    },
    followUp: { overdue: '已逾期', today: '今天', due: '待跟进' },
    picker: {
      search: '搜索楼宇、地块、园区名称', fromMap: '加入地图已选（{{count}} 处）', fromMapNone: '地图上没有已选资源',
      empty: '还没有选择推介资源。', remove: '移除', noResults: '没有找到“{{q}}”', added: '已加入',
    },
    form: {
      newTitle: '记录接洽', editTitle: '编辑接洽记录',
      sections: { basic: '接洽信息', sites: '推介资源', notes: '纪要与跟进' },
      summary: '有 {{count}} 处需要修改，见标红的字段。',
    },
    detail: {
      facts: '接洽情况', sites: '推介资源（{{count}} 处）', noSites: '本次没有推介具体资源。', notes: '洽谈纪要',
      sheet: '生成资源清单', sheetHint: '按本次推介的 {{count}} 处资源生成招商资源清单', deleted: '该接洽记录已删除',
      siteDeleted: '（已删除）', noNotes: '没有纪要。',
    },
    site: { title: '招商接洽', none: '还没有在接洽中推介过。', record: '记录接洽' },
    kinds: { building: '楼宇', parcel: '地块', park: '园区' },
  },
  en: {
    nav: 'Investor visits',
    list: {
      title: 'Investor visits', add: 'Record a visit', count: '{{count}} visits',
      emptyTitle: 'No visits recorded yet', emptyBody: 'Record each meeting with a company or site tour: the company, date, staff, the buildings, parcels and parks shown, notes and a follow-up date.',
      noMatchTitle: 'No visit matches these filters', clearFilters: 'Clear filters', overdueOnly: 'Overdue follow-ups only', more: '+{{count}} more',
    },
    filters: { q: 'Company, staff or notes' },
    columns: { date: 'Date', company: 'Company', staff: 'Staff', sites: 'Sites shown', followUp: 'Follow-up' },
    fields: {
      company: 'Company', date: 'Date', staff: 'Staff', contactName: 'Company contact', contactPhone: 'Phone',
      sites: 'Sites shown', notes: 'Notes', followUpDate: 'Follow-up date',
    },
    followUp: { overdue: 'Overdue', today: 'Today', due: 'Due' },
    picker: {
      search: 'Search buildings, parcels, parks by name', fromMap: 'Add the map’s picks ({{count}})', fromMapNone: 'Nothing picked on the map',
      empty: 'No sites chosen yet.', remove: 'Remove', noResults: 'Nothing found for “{{q}}”', added: 'Added',
    },
    form: {
      newTitle: 'Record a visit', editTitle: 'Edit visit',
      sections: { basic: 'Visit', sites: 'Sites shown', notes: 'Notes and follow-up' },
      summary: '{{count}} field(s) need attention: see those marked in red.',
    },
    detail: {
      facts: 'Visit', sites: 'Sites shown ({{count}})', noSites: 'No particular site was shown.', notes: 'Notes',
      sheet: 'Make the inventory sheet', sheetHint: 'An inventory sheet of the {{count}} sites shown on this visit', deleted: 'This visit has been deleted',
      siteDeleted: '(deleted)', noNotes: 'No notes.',
    },
    site: { title: 'Investor visits', none: 'Not shown on any visit yet.', record: 'Record a visit' },
    kinds: { building: 'Building', parcel: 'Parcel', park: 'Park' },
  },
} satisfies Messages
