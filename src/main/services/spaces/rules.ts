import { floorSortKey } from '../../../shared/domain'
import { floorUnitKey, unitKey } from '../../../shared/floors'
import { DomainError } from '../../../shared/result'
import type { Writer } from '../../store/writer'

// One space per floor + unit in a building (the floor as shared/floors.ts reads it, the unit
// blind to case, width and spaces): a second one would be counted twice in every figure.

/**
 * Throws on `field` when another live space of the building has the same floor and unit.
 */
export async function requireFreeFloorUnit(
  w: Writer,
  buildingId: string,
  floorLabel: string,
  unit: string | null | undefined,
  exceptId?: string,
  field = 'unit',
): Promise<void> {
  const rows = await w.trx
    .selectFrom('spaces')
    .select(['id', 'floorLabel', 'unit'])
    .where('buildingId', '=', buildingId)
    .where('deletedAt', 'is', null)
    // Same sort key: finds rows stored before labels were made canonical ("12F") too.
    .where('floorSort', '=', floorSortKey(floorLabel))
    .execute()
  const key = floorUnitKey(floorLabel, unit)
  const clash = rows.find((r) => r.id !== exceptId && floorUnitKey(r.floorLabel, r.unit) === key)
  if (clash) {
    const where = unitKey(unit) ? `${floorLabel} 层 ${unit} 单元` : `${floorLabel} 层（未分单元）`
    throw new DomainError('conflict', `单元：本楼宇已有 ${where} 的空间，同一楼层同一单元只能登记一次；请修改已有空间，或换一个单元号`, field)
  }
}

/** A space comes back only into a building that is there: restore the building first. */
export async function requireLiveBuilding(w: Writer, buildingId: string): Promise<void> {
  const building = await w.trx.selectFrom('buildings').select(['name', 'deletedAt']).where('id', '=', buildingId).executeTakeFirst()
  if (!building) throw new DomainError('not_found', '空间：所属楼宇已不存在，无法恢复', 'buildingId')
  if (building.deletedAt !== null) {
    throw new DomainError('conflict', `空间：所属楼宇“${building.name}”已被删除，请先在回收站恢复楼宇`, 'buildingId')
  }
}
