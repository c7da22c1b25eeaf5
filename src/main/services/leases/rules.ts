import { DomainError } from '../../../shared/result'
import { conflictingLeases, coveredSpaceIds, type LeaseSpaceInfo, spacesByIds } from '../../store/leases'
import { updateRow, type Writer } from '../../store/writer'
import { requireLive } from '../guards'

// The rules tying leases to spaces: a lease covers spaces of one building, a space is leased by at
// most one current lease at a time, and a space's status follows whether a current lease covers it.

export interface Period {
  startDate: string | null
  endDate: string | null
}

export const isCurrent = (period: Period, today: string) => period.endDate === null || period.endDate >= today

const floorName = (s: { floorLabel: string; unit: string | null }) => `楼层 ${s.floorLabel}${s.unit ? ` 单元 ${s.unit}` : ''}`

/**
 * Checks a lease's choice of spaces and returns them with the building they are in. Throws on the
 * field `spaceIds` when a space is missing or deleted, the spaces span buildings, or another
 * current lease already covers one of them in the same period.
 */
export async function checkLeaseSpaces(
  w: Writer,
  spaceIds: string[],
  period: Period,
  exceptLeaseId?: string,
): Promise<{ buildingId: string; spaces: LeaseSpaceInfo[] }> {
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

  const [conflict] = await conflictingLeases(w.trx, spaceIds, period, exceptLeaseId)
  if (conflict) {
    throw new DomainError(
      'conflict',
      `租赁空间：${floorName(conflict)} 已由“${conflict.tenantName}”租用，租约尚未到期`,
      'spaceIds',
    )
  }
  return { buildingId, spaces: live }
}

export const sumArea = (spaces: Array<{ area: number }>) => spaces.reduce((total, s) => total + s.area, 0)

/**
 * Brings the status of the given spaces in line with the current leases: a covered space that was
 * vacant or reserved becomes leased; a leased space no longer covered becomes vacant. Callers pass
 * only the spaces the lease being written touches, so a status set by hand elsewhere is left alone.
 */
export async function settleSpaceStatuses(w: Writer, spaceIds: string[]): Promise<void> {
  const unique = [...new Set(spaceIds)]
  if (unique.length === 0) return
  const [spaces, covered] = await Promise.all([spacesByIds(w.trx, unique), coveredSpaceIds(w.trx, unique)])
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
