import { formatArea } from '../../../shared/format'
import { DomainError, type Warning } from '../../../shared/result'
import { leaseCovers } from '../../../shared/tenancy'
import { conflictingLeases, coveredSpaceIds, type LeaseSpaceInfo, spacesByIds, today } from '../../store/leases'
import { updateRow, type Writer } from '../../store/writer'
import { requireLive } from '../guards'

// The rules tying leases to spaces: a lease covers spaces of one building, two leases on one space
// in the same period are a warning the person accepts (a handover, a sublease), and a space's
// status follows whether a lease covers it today (from its start date to its end date, as
// shared/tenancy spaceStatusOn reads any day; the daily settle turns it on the start day).

export interface Period {
  startDate: string | null
  endDate: string | null
}

/** Whether the lease's term covers `day`: the rule for a space's status (shared/tenancy). */
export const coversDay = (period: Period, day: string) => leaseCovers(period, day)

const floorName = (s: { floorLabel: string; unit: string | null }) => `楼层 ${s.floorLabel}${s.unit ? ` 单元 ${s.unit}` : ''}`

/**
 * Checks a lease's choice of spaces and returns them with the building they are in, and a warning
 * when another current lease (other than `exceptLeaseIds`: the lease itself, the one it renews)
 * covers one of them in the same period. Throws on the field `spaceIds` when a space is missing or
 * deleted or the spaces span buildings.
 */
export async function checkLeaseSpaces(
  w: Writer,
  spaceIds: string[],
  period: Period,
  exceptLeaseIds: readonly string[] = [],
): Promise<{ buildingId: string; spaces: LeaseSpaceInfo[]; warnings: Warning[] }> {
  if (spaceIds.length === 0) throw new DomainError('invalid', '租赁空间：至少选择一个空间', 'spaceIds')
  const spaces = await spacesByIds(w.trx, spaceIds)
  const live = spaces.filter((s) => s.deletedAt === null)
  if (live.length !== spaceIds.length) {
    throw new DomainError('invalid', '租赁空间：有所选空间找不到（可能已被删除）', 'spaceIds')
  }
  const buildingIds = new Set(live.map((s) => s.buildingId))
  if (buildingIds.size > 1) {
    throw new DomainError('invalid', '租赁空间：一份租约的空间须在同一栋楼宇内，请按楼宇分别登记', 'spaceIds')
  }
  const buildingId = live[0]!.buildingId
  await requireLive(w.trx, 'buildings', buildingId, '租赁空间所在的楼宇', 'spaceIds')

  const conflicts = await conflictingLeases(w.trx, spaceIds, period, exceptLeaseIds)
  const warnings: Warning[] = []
  if (conflicts.length > 0) {
    const named = conflicts.slice(0, 3).map((c) => `${floorName(c)} 已由“${c.tenantName}”租用（${termText(c)}）`)
    const more = conflicts.length > 3 ? `等 ${conflicts.length} 处` : ''
    warnings.push({ code: 'lease.overlap', field: 'spaceIds', message: `租赁空间：${named.join('，')}${more}，与本租约期间重叠` })
  }
  return { buildingId, spaces: live, warnings }
}

const termText = (p: Period) => {
  if (p.startDate && p.endDate) return `${p.startDate} 至 ${p.endDate}`
  if (p.startDate) return `${p.startDate} 起，未定到期日`
  return p.endDate ? `至 ${p.endDate}` : '未定租期'
}

/** A warning when the lease's area is larger than its spaces' together (a typo, or a space missing). */
export function areaWarnings(area: number, spaces: Array<{ area: number }>): Warning[] {
  const total = sumArea(spaces)
  if (area <= total + 1e-6) return []
  return [{ code: 'lease.areaExceeds', field: 'area', message: `租赁面积：${formatArea(area)} 超过所选空间的合计面积 ${formatArea(total)}` }]
}

export const sumArea = (spaces: Array<{ area: number }>) => spaces.reduce((total, s) => total + s.area, 0)

/**
 * Brings the status of the given spaces in line with the leases covering today: a covered space
 * that was vacant or reserved becomes leased; a leased space no longer covered becomes vacant.
 * Callers pass only the spaces of a lease whose coverage of today the write changed, so a status
 * set by hand elsewhere (or under a lease yet to start) is left alone.
 */
export async function settleSpaceStatuses(w: Writer, spaceIds: string[]): Promise<void> {
  const unique = [...new Set(spaceIds)]
  if (unique.length === 0) return
  const day = await today(w.trx)
  const [spaces, covered] = await Promise.all([spacesByIds(w.trx, unique), coveredSpaceIds(w.trx, unique, day)])
  for (const space of spaces) {
    if (space.deletedAt !== null) continue
    const isCovered = covered.has(space.id)
    if (isCovered && (space.status === 'vacant' || space.status === 'reserved')) {
      await updateRow(w, 'spaces', space.id, { status: 'leased' })
    } else if (!isCovered && space.status === 'leased') {
      await updateRow(w, 'spaces', space.id, { status: 'vacant' })
    }
  }
}
