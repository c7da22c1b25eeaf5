import { TARGET_UNITS } from '../../../shared/stats'
import type { DemoTarget } from './types'

// This year's targets as a district investment bureau sets them (the seed reports quote 新引进规上
// 企业 110 家 and the like): three counted from the demo's own leases and parcels, and two entered
// month by month up to the current month. 出让地块 starts at 0: the demo's parcels are entered with
// their status (no transfer day is known) and the loader cannot log a change on a past day (nor
// log updates at all: demo removal reads an update as a person's work), so it counts what a person
// transfers in the app; its note says so.

/** Signed projects and funds in place per month, January first: a slow start, a busier spring. */
const SIGNED = [3, 4, 6, 5, 7, 6, 5, 6, 7, 5, 6, 8]
const FUNDS = [6.5, 8.2, 12.4, 10.8, 13.1, 11.6, 9.7, 12.9, 14.2, 10.3, 11.8, 15.6]

export function buildTargets(today: string): DemoTarget[] {
  const year = Number(today.slice(0, 4))
  const monthsSoFar = Number(today.slice(5, 7))
  const entered = (values: number[]) =>
    values.slice(0, monthsSoFar).map((value, i) => ({ month: `${year}-${String(i + 1).padStart(2, '0')}`, value }))
  return [
    { year, kind: 'new_above_scale_tenants', name: '新引进规上企业', unit: TARGET_UNITS.new_above_scale_tenants, targetValue: 110, notes: '区政府工作报告下达', entries: [] },
    { year, kind: 'leased_area', name: '新增出租面积', unit: TARGET_UNITS.leased_area, targetValue: 300_000, notes: null, entries: [] },
    { year, kind: 'parcels_transferred', name: '出让地块', unit: TARGET_UNITS.parcels_transferred, targetValue: 12, notes: '浑南区、拱墅区经营性用地；在地块中把状态改为“已出让”后按当天计入', entries: [] },
    { year, kind: 'projects_signed', name: '签约项目', unit: TARGET_UNITS.projects_signed, targetValue: 80, notes: '亿元以上项目另行统计', entries: entered(SIGNED) },
    { year, kind: 'custom', name: '招商引资到位资金', unit: '亿元', targetValue: 150, notes: null, entries: entered(FUNDS) },
  ]
}
