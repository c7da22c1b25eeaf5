import i18n from 'i18next'
import type { Messages } from '../../../i18n'

// The overview's tiles and table, under the namespace 'home'.
const messages = {
  zh: {
    title: '招商资源总览',
    tiles: { buildings: '楼宇', spaces: '楼层/单元', tenants: '入驻企业', parcels: '地块', parks: '空中产业园', clusters: '聚集区', leasable: '可租面积', vacant: '空置面积', vacancyRate: '空置率', occupancyRate: '出租率', parcelArea: '地块面积', aboveScale: '规上企业' },
    byDistrict: '分区县统计',
    columns: { district: '区县', buildings: '楼宇数', leasable: '可租面积', vacant: '空置面积', vacancyRate: '空置率' },
    emptyTitle: '还没有任何资源', emptyBody: '从“楼宇”“地块”或“空中产业园”开始录入。',
  },
  en: {
    title: 'Inventory overview',
    tiles: { buildings: 'Buildings', spaces: 'Spaces', tenants: 'Tenants', parcels: 'Parcels', parks: 'Sky parks', clusters: 'Clusters', leasable: 'Leasable area', vacant: 'Vacant area', vacancyRate: 'Vacancy rate', occupancyRate: 'Occupancy rate', parcelArea: 'Parcel area', aboveScale: 'Above-scale tenants' },
    byDistrict: 'By district',
    columns: { district: 'District', buildings: 'Buildings', leasable: 'Leasable', vacant: 'Vacant', vacancyRate: 'Vacancy' },
    emptyTitle: 'Nothing recorded yet', emptyBody: 'Start with Buildings, Land parcels or Sky parks.',
  },
} satisfies Messages

for (const lang of ['zh', 'en'] as const) {
  if (!i18n.hasResourceBundle(lang, 'home')) i18n.addResourceBundle(lang, 'home', messages[lang])
}
