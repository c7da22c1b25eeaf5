import type { Messages } from '../../i18n'

// Strings of the tenancy screens: spaces coming free, figures as of a day, and a lease's life
// (edit, renew, end early, its renewals).
export const messages = {
  zh: {
    nav: '即将到期',
    comingFree: {
      title: '即将到期', subtitle: '租约到期、未续租的空间：先联系这些企业',
      tabs: { 3: '3 个月内', 6: '6 个月内', 12: '12 个月内' },
      count: '{{count}} 处空间，合计 {{area}}', emptyTitle: '{{months}} 个月内没有到期未续租的空间',
      emptyBody: '租约填写了到期日期的空间会出现在这里；已续租或已有下一份租约的不列出。',
      columns: { endDate: '到期日期', building: '楼宇', floor: '楼层/单元', area: '面积', tenant: '企业', contact: '联系人', phone: '联系电话' },
      daysLeft: '{{count}} 天后', endsToday: '今天到期',
      scope: '范围', allScopes: '全部区县', districts: '区县', clusters: '楼宇聚集区',
    },
    asOf: {
      title: '按日期查看', date: '日期', hint: '过去的日期按修改记录还原，将来的日期按租约起止推算',
      leasable: '可租面积', vacant: '空置面积', vacancy: '空置率', occupancy: '出租率',
      basisLog: '按修改记录还原', basisLeases: '按租约推算',
    },
    lease: {
      editTitle: '租约：{{tenant}}', tenant: '企业', edit: '修改', renew: '续租', end: '提前退租',
      renewTitle: '续租：{{tenant}}', renewHint: '续租是一份新的租约，原租约保留为历史。起租日期不填即为原到期日的次日（{{start}}）。',
      endTitle: '提前退租：{{tenant}}', endHint: '填写最后一天；空间从次日起为空置。原到期日期：{{end}}。',
      endDate: '退租日期（最后一天）', renewStart: '续租起租日期', renewEnd: '续租到期日期',
      chain: '租期历史', current: '本租约', renewed: '已续租', ended: '已到期', openEnd: '未定',
      saved: '租约已保存', renewedToast: '已续租至 {{end}}', endedToast: '租约已于 {{end}} 终止',
    },
    openLease: '打开该租约，填写到期日期',
  },
  en: {
    nav: 'Coming free',
    comingFree: {
      title: 'Coming free', subtitle: 'Spaces whose lease ends and is not renewed: call these tenants first',
      tabs: { 3: 'Within 3 months', 6: 'Within 6 months', 12: 'Within 12 months' },
      count: '{{count}} spaces, {{area}} in all', emptyTitle: 'No space comes free within {{months}} months',
      emptyBody: 'Spaces whose lease has an end date appear here; renewed ones and those with a next lease do not.',
      columns: { endDate: 'Lease ends', building: 'Building', floor: 'Floor / unit', area: 'Area', tenant: 'Tenant', contact: 'Contact', phone: 'Phone' },
      daysLeft: 'in {{count}} days', endsToday: 'ends today',
      scope: 'Area', allScopes: 'All districts', districts: 'Districts', clusters: 'Building clusters',
    },
    asOf: {
      title: 'Figures on a date', date: 'Date', hint: 'Past dates are rebuilt from the change history, future dates from lease terms',
      leasable: 'Leasable area', vacant: 'Vacant area', vacancy: 'Vacancy rate', occupancy: 'Occupancy rate',
      basisLog: 'rebuilt from history', basisLeases: 'projected from leases',
    },
    lease: {
      editTitle: 'Lease: {{tenant}}', tenant: 'Tenant', edit: 'Edit', renew: 'Renew', end: 'End early',
      renewTitle: 'Renew: {{tenant}}', renewHint: 'A renewal is a new lease; the old one stays as history. Left empty, it starts the day after the old end ({{start}}).',
      endTitle: 'End early: {{tenant}}', endHint: 'Enter the last day; the spaces are vacant from the day after. Current end: {{end}}.',
      endDate: 'Last day', renewStart: 'Renewal starts', renewEnd: 'Renewal ends',
      chain: 'Lease history', current: 'This lease', renewed: 'Renewed', ended: 'Ended', openEnd: 'open',
      saved: 'Lease saved', renewedToast: 'Renewed until {{end}}', endedToast: 'Lease ends on {{end}}',
    },
    openLease: 'Open the lease to enter its end date',
  },
} satisfies Messages
