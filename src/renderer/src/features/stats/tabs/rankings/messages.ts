// Strings of the statistics view's rankings and watch-list tab (namespace 'statsRankings', added by
// ./i18n.ts). Kept apart from the registration so the reason sentences can be checked without a
// browser.
export const messages = {
  zh: {
    rankings: { tax: '税收', vacancy: '空置率', vacantArea: '空置面积', comingFree: '12个月内到期面积', taxPerMu: '亩均税收' },
    rankingTitle: '楼宇排行：{{by}}', rankingTitleParks: '亩均税收排行（楼宇与园区）', rankBy: '排行依据', limit: '显示',
    limitOption: '前 {{n}} 名',
    tags: { yiyuan: '亿元楼', qianwan: '千万元楼' },
    tagCounts: '千万元楼 {{qianwan}} 栋（其中亿元楼 {{yiyuan}} 栋）', tagRule: '按本区注册企业年税收：≥1千万元为千万元楼，≥1亿元为亿元楼',
    columns: {
      rank: '名次', name: '名称', kind: '类别', district: '区县', cluster: '聚集区', value: '排行值', tags: '标签', annualTax: '年税收（本区注册）',
      leasableArea: '可租面积', vacantArea: '空置面积', vacancyRate: '空置率', comingFree12m: '12个月内到期', landArea: '占地', taxPerMu: '亩均税收',
    },
    kinds: { building: '楼宇', park: '园区' },
    perMu: '/亩',
    emptyRanking: '没有可排行的楼宇', emptyTaxPerMu: '没有录入占地面积的楼宇或园区，无法计算亩均税收',
    watch: {
      title: '预警名单', since: '对比日期', occupancyDrop: '出租率下降超过', points: '个百分点', taxDrop: '税收下降超过', endingDays: '到期窗口',
      days: '{{n}} 天', endingShare: '到期面积超过可租面积的', percent: '%', building: '楼宇', district: '区县', reasons: '预警原因',
      hint: '列出自对比日期以来出租率或本区注册企业税收下降超过所设幅度，或窗口内到期租约面积超过所设比例的楼宇。',
      empty: '按当前条件没有需要预警的楼宇', count: '{{count}} 栋楼宇需要关注', badSince: '对比日期：应为 年-月-日，且不晚于今天',
      badNumber: '{{field}}：应为 0 到 100 之间的数字',
    },
    reasons: {
      occupancy: '出租率由 {{then}} 降至 {{now}}',
      occupancyFromNone: '出租率降至 {{now}}',
      occupancyToNone: '出租率由 {{then}} 变为无可租面积',
      tax: '本区注册企业年税收由 {{then}} 降至 {{now}}（下降 {{drop}}）',
      ending: '{{days}} 天内到期租约 {{area}}，占可租面积 {{share}}',
    },
  },
  en: {
    rankings: { tax: 'Tax', vacancy: 'Vacancy rate', vacantArea: 'Vacant area', comingFree: 'Coming free in 12 months', taxPerMu: 'Tax per mu' },
    rankingTitle: 'Buildings ranked by {{by}}', rankingTitleParks: 'Tax per mu (buildings and parks)', rankBy: 'Rank by', limit: 'Show',
    limitOption: 'Top {{n}}',
    tags: { yiyuan: '100m-yuan building', qianwan: '10m-yuan building' },
    tagCounts: '10m-yuan buildings: {{qianwan}} (of which 100m-yuan: {{yiyuan}})', tagRule: 'By registered tenants’ annual tax: ≥ CNY 10 million, ≥ CNY 100 million',
    columns: {
      rank: 'Rank', name: 'Name', kind: 'Kind', district: 'District', cluster: 'Cluster', value: 'Value', tags: 'Tags', annualTax: 'Annual tax (registered)',
      leasableArea: 'Leasable', vacantArea: 'Vacant', vacancyRate: 'Vacancy', comingFree12m: 'Coming free (12 mo)', landArea: 'Land', taxPerMu: 'Tax per mu',
    },
    kinds: { building: 'Building', park: 'Park' },
    perMu: '/mu',
    emptyRanking: 'No buildings to rank', emptyTaxPerMu: 'No building or park has its land area recorded: tax per mu cannot be computed',
    watch: {
      title: 'Watch list', since: 'Compare with', occupancyDrop: 'Occupancy fell by more than', points: 'points', taxDrop: 'Tax fell by more than', endingDays: 'Leases ending within',
      days: '{{n}} days', endingShare: 'cover more than', percent: '% of leasable area', building: 'Building', district: 'District', reasons: 'Why',
      hint: 'Buildings whose occupancy or registered tenants’ tax fell by more than the thresholds since the date, or whose leases ending in the window cover more than the share.',
      empty: 'No building needs watching with these thresholds', count: '{{count}} building(s) to watch', badSince: 'Compare with: a date YYYY-MM-DD, not after today',
      badNumber: '{{field}}: a number from 0 to 100',
    },
    reasons: {
      occupancy: 'Occupancy fell from {{then}} to {{now}}',
      occupancyFromNone: 'Occupancy fell to {{now}}',
      occupancyToNone: 'Occupancy went from {{then}} to no leasable area',
      tax: 'Registered tenants’ annual tax fell from {{then}} to {{now}} (down {{drop}})',
      ending: 'Leases ending within {{days}} days: {{area}}, {{share}} of leasable area',
    },
  },
}
