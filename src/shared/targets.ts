import type { TargetKind } from './stats'

// What each kind of annual target (年度目标) is called, for the services' messages and the
// history's sentences (the renderer has its own strings, in both languages).
export const TARGET_KIND_ZH: Record<TargetKind, string> = {
  new_above_scale_tenants: '新引进规上企业',
  leased_area: '新增出租面积',
  parcels_transferred: '出让地块',
  projects_signed: '签约项目',
  custom: '自定义指标',
}

/** A target as people name it: 2026年 新引进规上企业. */
export const targetLabel = (year: number | null, name: string | null): string => [year === null ? null : `${year}年`, name].filter(Boolean).join(' ')
