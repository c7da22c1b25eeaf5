import type { Messages } from '../../i18n'

// Strings of the tenant screens (入驻企业: list, form, detail with its leases).
export const messages = {
  zh: {
    list: {
      title: '入驻企业', add: '新增企业', count: '共 {{count}} 家', search: '企业名称、信用代码或拼音首字母',
      emptyTitle: '还没有入驻企业', emptyBody: '录入企业后，可在楼宇页面为它新增租约。', noMatchTitle: '没有找到符合条件的企业',
      capped: '共 {{total}} 家，只列出前 {{shown}} 家，请用搜索或筛选缩小范围',
      filters: '筛选', clear: '清除筛选', allIndustries: '全部行业', anyScale: '规上与否', onlyAboveScale: '规上企业', notAboveScale: '非规上企业',
      anyRegistered: '注册地不限', onlyRegistered: '注册在本区', notRegistered: '未注册在本区',
      anyEnding: '租约到期不限', ending: '{{months}} 个月内有租约到期',
      buildingsMore: '等 {{count}} 栋', leasesIn: '{{count}} 份租约', noBuildings: '暂无在租',
    },
    columns: {
      name: '企业名称', creditCode: '统一社会信用代码', industry: '所属行业', aboveScale: '规上企业', registered: '注册在本区', annualTax: '年纳税额', staff: '员工人数',
      scaleShort: '规上', registeredShort: '本区注册', buildings: '在租楼宇', nextEnd: '最近到期',
    },
    picker: {
      placeholder: '输入企业名称、信用代码或拼音首字母', hint: '如“中海”“9121”或“zhkj”（中海科技）', searching: '正在查找…',
      noMatch: '没有找到“{{q}}”', noCode: '无信用代码', create: '新建企业“{{name}}”', creating: '正在新建…',
    },
    fields: {
      isDemo: '演示数据标记（移除演示数据时保留）',
      name: '企业名称', creditCode: '统一社会信用代码', industry: '所属行业', aboveScale: '规上企业（规模以上）',
      registeredInDistrict: '注册在本区', annualTax: '年纳税额', staff: '员工人数', contactName: '联系人', contactPhone: '联系电话', notes: '备注',
      deletedAt: '删除', nameInitials: '拼音首字母',
    },
    form: {
      newTitle: '新增企业', editTitle: '编辑企业', choose: '请选择',
      sections: { basic: '基本信息', figures: '规模与纳税', contact: '联系方式', notes: '备注' },
      creditCodeHint: '18 位，含校验位（GB 32100-2015）；不使用 I、O、Z、S、V',
      annualTaxHint: '只有注册在本区的企业纳税计入本区', taxUnit: '万元',
    },
    detail: {
      facts: '企业信息', leases: '租约', noLeases: '还没有租约。可在楼宇页面的“租约”中新增。', deleteTitle: '删除企业', aboveScale: '规上企业', registered: '注册在本区',
      leasesOverTime: '历年租约（{{count}} 份）', timeline: '租期', renews: '续签', renewsHint: '续签自上一份租约',
      phase: { past: '已结束', current: '在租', future: '未起租' },
      columns: { building: '楼宇', floors: '楼层', area: '面积', start: '起租日期', end: '到期日期', status: '状态', rent: '租金' },
      openEnded: '未填', daysLeft: '{{count}} 天后到期',
    },
  },
  en: {
    list: {
      title: 'Tenants', add: 'Add tenant', count: '{{count}} tenants', search: 'Name, credit code or pinyin initials',
      emptyTitle: 'No tenants yet', emptyBody: 'Once a tenant is recorded, add its lease from the building page.', noMatchTitle: 'No tenant matches',
      capped: '{{total}} tenants; the first {{shown}} are listed — search or filter to narrow them',
      filters: 'Filters', clear: 'Clear filters', allIndustries: 'All industries', anyScale: 'Any size', onlyAboveScale: 'Above scale', notAboveScale: 'Below scale',
      anyRegistered: 'Registered anywhere', onlyRegistered: 'Registered here', notRegistered: 'Registered elsewhere',
      anyEnding: 'Any lease end', ending: 'A lease ends within {{months}} months',
      buildingsMore: '+{{count}} more', leasesIn: '{{count}} leases', noBuildings: 'No current lease',
    },
    columns: {
      name: 'Company', creditCode: 'Credit code', industry: 'Industry', aboveScale: 'Above scale', registered: 'Registered here', annualTax: 'Annual tax', staff: 'Staff',
      scaleShort: 'Above scale', registeredShort: 'Registered', buildings: 'Leasing in', nextEnd: 'Next lease end',
    },
    picker: {
      placeholder: 'Type a name, credit code or pinyin initials', hint: 'e.g. 中海, 9121 or zhkj (中海科技)', searching: 'Searching…',
      noMatch: 'Nothing matches “{{q}}”', noCode: 'No credit code', create: 'New tenant “{{name}}”', creating: 'Creating…',
    },
    fields: {
      isDemo: 'Demo flag (kept when the demo was removed)',
      name: 'Company name', creditCode: 'Unified social credit code', industry: 'Industry', aboveScale: 'Above designated size',
      registeredInDistrict: 'Registered in this district', annualTax: 'Annual tax', staff: 'Staff', contactName: 'Contact', contactPhone: 'Phone', notes: 'Notes',
      deletedAt: 'Deleted', nameInitials: 'Pinyin initials',
    },
    form: {
      newTitle: 'Add tenant', editTitle: 'Edit tenant', choose: 'Choose…',
      sections: { basic: 'Basics', figures: 'Size and tax', contact: 'Contact', notes: 'Notes' },
      creditCodeHint: '18 characters with a check character (GB 32100-2015); no I, O, Z, S, V',
      annualTaxHint: 'Tax counts for the district only when the company is registered here', taxUnit: '10k CNY',
    },
    detail: {
      facts: 'Company', leases: 'Leases', noLeases: 'No leases yet. Add one from a building’s Leases section.', deleteTitle: 'Delete tenant', aboveScale: 'Above scale', registered: 'Registered here',
      leasesOverTime: 'Leases over time ({{count}})', timeline: 'Term', renews: 'Renewal', renewsHint: 'Renews the lease above',
      phase: { past: 'Ended', current: 'Current', future: 'Not started' },
      columns: { building: 'Building', floors: 'Floors', area: 'Area', start: 'Start', end: 'End', status: 'Status', rent: 'Rent' },
      openEnded: 'Open', daysLeft: 'Ends in {{count}} days',
    },
  },
} satisfies Messages
