import i18n from '../../../../i18n'

// Strings of the statistics view's land tab, under the namespace 'statsLand'.
export const messages = {
  zh: {
    tiles: { parcels: '地块', area: '总面积', available: '可出让土地', availableValue: '可出让土地参考价值', noArea: '未录入面积的地块' },
    byUseStatus: '地块：按用地性质与出让状态', byDistrict: '地块：按区县（可出让与已出让）', byIndustry: '可出让土地：按目标产业',
    columns: {
      landUse: '用地性质', status: '出让状态', district: '区县', industry: '目标产业', parcels: '宗数', areaM2: '面积（m²）', areaMu: '面积（亩）',
      share: '面积占比', availableShare: '占可出让面积', availableParcels: '可出让（宗）', availableMu: '可出让（亩）', transferredMu: '已出让（亩）', referenceValue: '参考价值',
    },
    available: '可出让', transferred: '已出让', noIndustry: '（未定产业）', parcelCount: '{{count}} 宗',
    noAreaNote: '{{count}} 宗地块未录入面积：计入宗数，不计入面积。',
    referenceNote: '参考价值 = 参考价格（万元/亩）× 面积（亩），只计两者都已录入的地块。',
    empty: '还没有地块', emptyBody: '在“地块”中新增或导入地块后，这里按用地性质、出让状态和区县统计。',
    emptyScope: '地图当前筛选下没有地块',
    noAvailable: '没有可出让的地块',
  },
  en: {
    tiles: { parcels: 'Parcels', area: 'Total area', available: 'Available land', availableValue: 'Reference value of available land', noArea: 'Parcels with no area' },
    byUseStatus: 'Parcels by land use and status', byDistrict: 'Parcels by district (available and transferred)', byIndustry: 'Available land by target industry',
    columns: {
      landUse: 'Land use', status: 'Status', district: 'District', industry: 'Target industry', parcels: 'Parcels', areaM2: 'Area (m²)', areaMu: 'Area (mu)',
      share: 'Share of area', availableShare: 'Share of available', availableParcels: 'Available (parcels)', availableMu: 'Available (mu)', transferredMu: 'Transferred (mu)', referenceValue: 'Reference value',
    },
    available: 'Available', transferred: 'Transferred', noIndustry: '(no industry set)', parcelCount: '{{count}} parcels',
    noAreaNote: '{{count}} parcel(s) have no area: counted as parcels, not in the areas.',
    referenceNote: 'Reference value = reference price (10k CNY/mu) × area (mu), over parcels with both.',
    empty: 'No parcels yet', emptyBody: 'Once parcels are added or imported, they are counted here by land use, status and district.',
    emptyScope: 'No parcels match the map’s filter',
    noAvailable: 'No parcels are available',
  },
}

for (const lang of ['zh', 'en'] as const) {
  if (!i18n.hasResourceBundle(lang, 'statsLand')) i18n.addResourceBundle(lang, 'statsLand', messages[lang])
}
