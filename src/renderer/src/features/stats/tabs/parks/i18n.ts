import i18n from '../../../../i18n'

// Strings of the statistics view's sky-park tab, under the namespace 'statsParks'.
export const messages = {
  zh: {
    tiles: { parks: '空中产业园', hostArea: '载体面积（各园区之和）', occupied: '已入驻面积（各园区之和）', occupancy: '平均出租率', tenants: '入驻企业', investment: '计划投资' },
    chart: '各园区出租率', occupancy: '出租率', details: '各园区载体与分园区',
    columns: {
      park: '园区', district: '区县', status: '进度', hosts: '载体楼宇', hostArea: '载体面积', occupiedArea: '已入驻面积',
      occupancyRate: '出租率', tenants: '入驻企业', aboveScale: '规上企业', investment: '计划投资', landArea: '占地', annualTax: '年税收（本区注册）', taxPerMu: '亩均税收', taxPerMuUnit: '亩均税收（元/亩）',
      building: '载体楼宇', floors: '楼层', area: '可租面积', leased: '已租面积', subPark: '分园区', theme: '主题', subArea: '面积',
    },
    sharedHosts: '{{count}} 栋楼宇承载不止一个园区：各园区共用的楼层在上面的面积之和中各计一次。',
    wholeBuilding: '整栋', perMu: '/亩', noSubParks: '没有分园区', noHosts: '还没有载体楼宇',
    empty: '还没有空中产业园', emptyBody: '在“空中产业园”中新增园区并指定载体楼宇和楼层后，这里统计各园区的面积、入驻和进度。',
    emptyScope: '地图当前筛选下没有空中产业园',
    taxNote: '亩均税收 = 载体楼层上本区注册企业的年税收 ÷ 园区占地（亩），只对录入了占地面积的园区计算。',
  },
  en: {
    tiles: { parks: 'Sky parks', hostArea: 'Host area (sum over parks)', occupied: 'Occupied (sum over parks)', occupancy: 'Occupancy', tenants: 'Tenants', investment: 'Planned investment' },
    chart: 'Occupancy by park', occupancy: 'Occupancy', details: 'Host buildings and sub-parks',
    columns: {
      park: 'Park', district: 'District', status: 'Progress', hosts: 'Host buildings', hostArea: 'Host area', occupiedArea: 'Occupied',
      occupancyRate: 'Occupancy', tenants: 'Tenants', aboveScale: 'Above-scale', investment: 'Planned investment', landArea: 'Land', annualTax: 'Annual tax (registered)', taxPerMu: 'Tax per mu', taxPerMuUnit: 'Tax per mu (CNY/mu)',
      building: 'Host building', floors: 'Floors', area: 'Leasable', leased: 'Leased', subPark: 'Sub-park', theme: 'Theme', subArea: 'Area',
    },
    sharedHosts: '{{count}} building(s) host more than one park: floors shared by parks count once per park in the sums above.',
    wholeBuilding: 'whole building', perMu: '/mu', noSubParks: 'No sub-parks', noHosts: 'No host buildings yet',
    empty: 'No sky parks yet', emptyBody: 'Once a park is added with its host buildings and floors, its areas, tenants and progress are counted here.',
    emptyScope: 'No sky parks match the map’s filter',
    taxNote: 'Tax per mu = annual tax of registered tenants on the host floors ÷ the park’s land area (mu), for parks whose land area is recorded.',
  },
}

for (const lang of ['zh', 'en'] as const) {
  if (!i18n.hasResourceBundle(lang, 'statsParks')) i18n.addResourceBundle(lang, 'statsParks', messages[lang])
}
