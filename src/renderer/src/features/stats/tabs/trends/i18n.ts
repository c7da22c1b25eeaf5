import i18n from '../../../../i18n'

// Strings of the statistics view's trends tab, under the namespace 'statsTrends'.
export const messages = {
  zh: {
    title: '近 {{months}} 个月空置率与出租率', district: '区县', cluster: '聚集区', allDistricts: '全部区县', allClusters: '全部聚集区',
    noCluster: '不在聚集区', showAreas: '显示面积', months: '月数',
    columns: { month: '月份', day: '统计日', leasableArea: '可租面积', leasedArea: '已租面积', vacantArea: '空置面积', vacancyRate: '空置率', occupancyRate: '出租率' },
    empty: '所选范围没有可租面积', emptyBody: '录入楼宇的楼层和空间后，这里按月显示空置率与出租率。',
    basisTitle: '口径：',
  },
  en: {
    title: 'Vacancy and occupancy over {{months}} months', district: 'District', cluster: 'Cluster', allDistricts: 'All districts', allClusters: 'All clusters',
    noCluster: 'In no cluster', showAreas: 'Show areas', months: 'Months',
    columns: { month: 'Month', day: 'As of', leasableArea: 'Leasable', leasedArea: 'Leased', vacantArea: 'Vacant', vacancyRate: 'Vacancy', occupancyRate: 'Occupancy' },
    empty: 'Nothing leasable in this scope', emptyBody: 'Once buildings have floors and spaces, vacancy and occupancy show here month by month.',
    basisTitle: 'How this is counted: ',
    // English for the server's Chinese sentence (shared/trend.ts TREND_BASIS): keep the two saying the same.
    basisText:
      'Rebuilt from the change log and lease dates: at each month’s end a space counts with the state and area it had then (the value before its first later change), ' +
      'and a space with a lease is leased or vacant by the lease’s start and end dates; spaces and buildings deleted by then, buildings completed after that year, ' +
      'and spaces added after a building’s first entry (before they were added) are left out. This month is as of today.',
  },
}

for (const lang of ['zh', 'en'] as const) {
  if (!i18n.hasResourceBundle(lang, 'statsTrends')) i18n.addResourceBundle(lang, 'statsTrends', messages[lang])
}
