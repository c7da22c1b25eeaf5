import type { Messages } from '../../i18n'

// Strings of the tenant screens (入驻企业: list, form, detail with its leases).
export const messages = {
  zh: {
    list: {
      title: '入驻企业', add: '新增企业', count: '共 {{count}} 家', search: '企业名称或信用代码',
      emptyTitle: '还没有入驻企业', emptyBody: '录入企业后，可在楼宇页面为它新增租约。', noMatchTitle: '没有找到符合条件的企业',
    },
    columns: { name: '企业名称', creditCode: '统一社会信用代码', industry: '所属行业', aboveScale: '规上企业', registered: '注册在本区', annualTax: '年纳税额', staff: '员工人数' },
    fields: {
      isDemo: '演示数据标记（移除演示数据时保留）',
      name: '企业名称', creditCode: '统一社会信用代码', industry: '所属行业', aboveScale: '规上企业（规模以上）',
      registeredInDistrict: '注册在本区', annualTax: '年纳税额', staff: '员工人数', contactName: '联系人', contactPhone: '联系电话', notes: '备注',
      deletedAt: '删除',
    },
    form: {
      newTitle: '新增企业', editTitle: '编辑企业', choose: '请选择',
      sections: { basic: '基本信息', figures: '规模与纳税', contact: '联系方式', notes: '备注' },
      creditCodeHint: '18 位，含校验位（GB 32100-2015）；不使用 I、O、Z、S、V',
      annualTaxHint: '只有注册在本区的企业纳税计入本区', taxUnit: '万元',
    },
    detail: { facts: '企业信息', leases: '租约', noLeases: '还没有租约。可在楼宇页面的“租约”中新增。', deleteTitle: '删除企业', aboveScale: '规上企业', registered: '注册在本区' },
  },
  en: {
    list: {
      title: 'Tenants', add: 'Add tenant', count: '{{count}} tenants', search: 'Name or credit code',
      emptyTitle: 'No tenants yet', emptyBody: 'Once a tenant is recorded, add its lease from the building page.', noMatchTitle: 'No tenant matches',
    },
    columns: { name: 'Company', creditCode: 'Credit code', industry: 'Industry', aboveScale: 'Above scale', registered: 'Registered here', annualTax: 'Annual tax', staff: 'Staff' },
    fields: {
      isDemo: 'Demo flag (kept when the demo was removed)',
      name: 'Company name', creditCode: 'Unified social credit code', industry: 'Industry', aboveScale: 'Above designated size',
      registeredInDistrict: 'Registered in this district', annualTax: 'Annual tax', staff: 'Staff', contactName: 'Contact', contactPhone: 'Phone', notes: 'Notes',
      deletedAt: 'Deleted',
    },
    form: {
      newTitle: 'Add tenant', editTitle: 'Edit tenant', choose: 'Choose…',
      sections: { basic: 'Basics', figures: 'Size and tax', contact: 'Contact', notes: 'Notes' },
      creditCodeHint: '18 characters with a check character (GB 32100-2015); no I, O, Z, S, V',
      annualTaxHint: 'Tax counts for the district only when the company is registered here', taxUnit: '10k CNY',
    },
    detail: { facts: 'Company', leases: 'Leases', noLeases: 'No leases yet. Add one from a building’s Leases section.', deleteTitle: 'Delete tenant', aboveScale: 'Above scale', registered: 'Registered here' },
  },
} satisfies Messages
