import { floorSortKey } from '../../../shared/domain'
import { parseFloorLabel, storeyLabel, storeyRange, unitKey } from '../../../shared/floors'
import { DomainError } from '../../../shared/result'
import type { SpacePrevious } from '../../../shared/schemas/spaceLayout'
import { MAX_LAYOUT_FLOORS } from '../../../shared/schemas/spaceLayout'
import { generatedUnits, mergedUnit, splitUnits, unitOnFloor } from '../../../shared/stacking'
import { addLeaseSpaces, findLease, leaseSpaceIds, removeLeaseSpaces, today, touchLease } from '../../store/leases'
import {
  currentLeasesBySpace, type LayoutSpace, liveSpacesByIds, liveSpacesOnFloors, mergedAwayInto, spacesByIdsAnyState,
} from '../../store/spaceLayout'
import { insertRow, logField, restoreRow, softDeleteRow, updateRow, write, type Writer } from '../../store/writer'
import type { FeatureHandlers } from '../context'
import { requireLive } from '../guards'
import { requireFreeFloorUnit } from './rules'

// The writes that lay out many spaces at once: each is one write(), all or nothing, and answers
// with what the renderer needs to undo it (created ids, previous values).

type LayoutHandlers = Pick<
  FeatureHandlers<'spaces'>,
  | 'spaces.generateFloors' | 'spaces.bulkUpdate' | 'spaces.split' | 'spaces.merge' | 'spaces.copyFloor' | 'spaces.unmerge'
  | 'spaces.deleteMany'
>

const floorList = (labels: string[]) => (labels.length > 8 ? `${labels.slice(0, 8).join('、')} 等 ${labels.length} 层` : labels.join('、'))
const spaceName = (s: { floorLabel: string; unit: string | null }) => `${s.floorLabel} 层${s.unit ? ` ${s.unit}` : ''}`
/** Ids per query: well under SQLite's bound on parameters. */
const ID_CHUNK = 500
const sameArea = (a: number, b: number) => Math.abs(a - b) < 0.005

/** The fields a copied or split space takes from its model. */
const copyOf = (s: LayoutSpace) => ({
  buildingId: s.buildingId,
  area: s.area,
  status: s.status,
  askingRent: s.askingRent,
  fitOut: s.fitOut,
  availableFrom: s.availableFrom,
  divisible: s.divisible,
  notes: s.notes,
})

/** Refuses floors of the building that already have spaces, naming them. */
async function requireEmptyFloors(w: Writer, buildingId: string, storeys: number[], field: string) {
  const taken = await liveSpacesOnFloors(w.trx, buildingId, storeys.map((s) => floorSortKey(storeyLabel(s))))
  if (taken.length === 0) return
  const labels = [...new Set(taken.map((s) => s.floorLabel))]
  throw new DomainError(
    'conflict',
    `楼层：${floorList(labels)} 层已有空间，不会覆盖；请只选还没有空间的楼层，或在楼宇剖面中逐个修改`,
    field,
  )
}

export const spaceLayoutHandlers = {
  'spaces.generateFloors': async ({ buildingId, fromFloor, toFloor, unitsPerFloor, typicalArea, status }, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireLive(w.trx, 'buildings', buildingId, '所属楼宇', 'buildingId')
      const storeys = storeyRange(fromFloor, toFloor)
      if (storeys.length > MAX_LAYOUT_FLOORS) {
        throw new DomainError('invalid', `结束楼层：一次最多生成 ${MAX_LAYOUT_FLOORS} 层（所填为 ${storeys.length} 层）`, 'toFloor')
      }
      await requireEmptyFloors(w, buildingId, storeys, 'fromFloor')
      const ids: string[] = []
      for (const storey of storeys.reverse()) {
        const floorLabel = storeyLabel(storey)
        for (const unit of generatedUnits(storey, unitsPerFloor)) {
          await requireFreeFloorUnit(w, buildingId, floorLabel, unit)
          ids.push(await insertRow(w, 'spaces', {
            buildingId, floorLabel, floorSort: floorSortKey(floorLabel), unit, area: typicalArea,
            status: status ?? 'vacant', divisible: 0,
          }))
        }
      }
      return { ids }
    }),

  'spaces.bulkUpdate': async ({ ids, patch }, { store, author }) =>
    write(store.db, author, async (w) => {
      const unique = [...new Set(ids)]
      const spaces = await liveSpacesByIds(w.trx, unique)
      if (spaces.length !== unique.length) throw new DomainError('invalid', '空间：有所选空间找不到（可能已被删除），请刷新后再试', 'ids')
      // A space a lease covers today is leased: its status follows the lease (as spaces.update).
      // Under a lease yet to start it may stay vacant or be reserved, not be sold or owner-occupied.
      if (patch.status !== undefined && patch.status !== 'leased') {
        const onMarket = patch.status === 'vacant' || patch.status === 'reserved'
        const changing = spaces.filter((s) => s.status !== patch.status).map((s) => s.id)
        const leases = await currentLeasesBySpace(w.trx, changing, onMarket ? await today(w.trx) : undefined)
        const held = spaces.find((s) => leases.has(s.id))
        if (held) {
          const tenant = leases.get(held.id)![0]!.tenantName
          throw new DomainError('conflict', `状态：${spaceName(held)} 由“${tenant}”租用，租约尚未到期；请先结束或删除租约`, 'status')
        }
      }
      const previous: SpacePrevious[] = []
      for (const s of spaces) {
        const changed = await updateRow(w, 'spaces', s.id, patch, s)
        if (changed.length > 0) {
          previous.push({
            id: s.id, status: s.status as SpacePrevious['status'], askingRent: s.askingRent,
            fitOut: s.fitOut as SpacePrevious['fitOut'], availableFrom: s.availableFrom,
          })
        }
      }
      return { previous }
    }),

  'spaces.split': async ({ id, areas, units }, { store, author }) =>
    write(store.db, author, async (w) => {
      const space = await requireLive<LayoutSpace>(w.trx, 'spaces', id, '空间')
      if (!sameArea(areas[0] + areas[1], space.area)) {
        throw new DomainError('invalid', `面积：两部分之和（${areas[0] + areas[1]} m²）应等于原面积 ${space.area} m²`, 'areas')
      }
      const [first, second] = units ?? splitUnits(space.unit)
      if (unitKey(first) === unitKey(second)) throw new DomainError('invalid', '单元：拆分后的两个单元号不能相同', 'units')
      await requireFreeFloorUnit(w, space.buildingId, space.floorLabel, first, id, 'units')
      await requireFreeFloorUnit(w, space.buildingId, space.floorLabel, second, id, 'units')
      await updateRow(w, 'spaces', id, { unit: first, area: areas[0] }, space)
      const createdId = await insertRow(w, 'spaces', {
        ...copyOf(space), floorLabel: space.floorLabel, floorSort: space.floorSort, unit: second, area: areas[1],
      })
      // A lease covering the whole space covers both halves: the tenant still holds the same floor area.
      for (const { leaseId } of (await currentLeasesBySpace(w.trx, [id])).get(id) ?? []) {
        const before = await leaseSpaceIds(w.trx, leaseId)
        await addLeaseSpaces(w.trx, leaseId, [createdId])
        await logField(w, 'leases', leaseId, 'update', 'spaceIds', before, [...before, createdId])
        await touchLease(w.trx, leaseId, w.now)
      }
      return { id, createdId, previous: { area: space.area, unit: space.unit } }
    }),

  'spaces.merge': async ({ ids, keepId, unit: keptUnit }, { store, author }) =>
    write(store.db, author, async (w) => {
      const unique = [...new Set(ids)]
      if (unique.length < 2) throw new DomainError('invalid', '合并的空间：至少选择两个不同的空间', 'ids')
      const spaces = await liveSpacesByIds(w.trx, unique)
      if (spaces.length !== unique.length) throw new DomainError('invalid', '合并的空间：有所选空间找不到（可能已被删除），请刷新后再试', 'ids')
      const first = spaces[0]!
      if (spaces.some((s) => s.buildingId !== first.buildingId || parseFloorLabel(s.floorLabel).label !== parseFloorLabel(first.floorLabel).label)) {
        throw new DomainError('invalid', '合并的空间：只能合并同一楼层的相邻空间', 'ids')
      }
      if (spaces.some((s) => s.status !== first.status)) {
        throw new DomainError('invalid', '合并的空间：状态不同（如一间空置、一间已租），请先把状态改成一致再合并', 'ids')
      }
      // Under different leases (or one leased, one not) a merged space would belong to two tenants.
      const leases = await currentLeasesBySpace(w.trx, unique)
      const leaseSet = (s: LayoutSpace) => (leases.get(s.id) ?? []).map((l) => l.leaseId).join()
      const differs = spaces.find((s) => leaseSet(s) !== leaseSet(first))
      if (differs) {
        const tenants = [...new Set(spaces.flatMap((s) => (leases.get(s.id) ?? []).map((l) => `“${l.tenantName}”`)))]
        throw new DomainError('conflict', `合并的空间：这些空间分属不同的租约（${tenants.join('、')}），不能合并`, 'ids')
      }
      const ordered = [...spaces].sort((a, b) => unitKey(a.unit).localeCompare(unitKey(b.unit), 'zh-CN', { numeric: true }))
      if (keepId !== undefined && !unique.includes(keepId)) throw new DomainError('invalid', '保留的空间：应是合并的空间之一', 'keepId')
      // The lowest unit is kept unless the caller names the space (undoing a split keeps the original).
      const kept = ordered.find((s) => s.id === keepId) ?? ordered[0]!
      const others = ordered.filter((s) => s.id !== kept.id)
      const unit = keptUnit === undefined ? mergedUnit(ordered.map((s) => s.unit)) : keptUnit
      const area = ordered.reduce((total, s) => total + s.area, 0)
      for (const s of others) {
        // The marker keeps a trash restore from counting the area twice: the kept space holds it now.
        await logField(w, 'spaces', s.id, 'update', 'mergedInto', null, kept.id)
        await softDeleteRow(w, 'spaces', s.id)
      }
      await requireFreeFloorUnit(w, kept.buildingId, kept.floorLabel, unit, kept.id, 'ids')
      await updateRow(w, 'spaces', kept.id, { unit, area }, kept)
      // The shared lease now covers the kept space alone; its area is unchanged.
      const links: Array<{ leaseId: string; spaceId: string }> = []
      for (const { leaseId } of leases.get(kept.id) ?? []) {
        const before = await leaseSpaceIds(w.trx, leaseId)
        const gone = others.map((s) => s.id).filter((id) => before.includes(id))
        await removeLeaseSpaces(w.trx, leaseId, gone)
        await logField(w, 'leases', leaseId, 'update', 'spaceIds', before, before.filter((s) => !gone.includes(s)))
        await touchLease(w.trx, leaseId, w.now)
        links.push(...gone.map((spaceId) => ({ leaseId, spaceId })))
      }
      return { id: kept.id, deletedIds: others.map((s) => s.id), previous: { area: kept.area, unit: kept.unit }, links }
    }),

  // Copies refuse floors that already have spaces rather than replacing them: a replaced space takes
  // its history, photos and lease links with it, and "vacant" on the plan may be stale. A person
  // empties a floor on purpose (delete its spaces) before copying onto it.
  'spaces.copyFloor': async ({ buildingId, fromFloor, toFloors }, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireLive(w.trx, 'buildings', buildingId, '所属楼宇', 'buildingId')
      const source = parseFloorLabel(fromFloor)
      const sourceStorey = source.storeys?.length === 1 ? source.storeys[0]! : null
      if (sourceStorey === null) throw new DomainError('invalid', `源楼层：“${fromFloor}”不是一个楼层，应如 12、B1`, 'fromFloor')
      const model = (await liveSpacesOnFloors(w.trx, buildingId, [source.sort])).filter((s) => parseFloorLabel(s.floorLabel).label === source.label)
      if (model.length === 0) throw new DomainError('invalid', `源楼层：${source.label} 层没有空间可复制`, 'fromFloor')
      const targets = [...new Set(toFloors)].filter((s) => s !== sourceStorey)
      if (targets.length === 0) throw new DomainError('invalid', '目标楼层：请选择源楼层以外的楼层', 'toFloors')
      await requireEmptyFloors(w, buildingId, targets, 'toFloors')
      const ids: string[] = []
      for (const storey of targets.sort((a, b) => b - a)) {
        const floorLabel = storeyLabel(storey)
        for (const s of model) {
          const unit = unitOnFloor(s.unit, sourceStorey, storey)
          await requireFreeFloorUnit(w, buildingId, floorLabel, unit, undefined, 'toFloors')
          // The layout is copied, not the tenancy: a leased or sold unit elsewhere says nothing of this floor.
          ids.push(await insertRow(w, 'spaces', {
            ...copyOf(s), floorLabel, floorSort: floorSortKey(floorLabel), unit, status: 'vacant',
          }))
        }
      }
      return { ids }
    }),

  // The undo of a merge, one write: the kept space's own unit and area, the merged-away spaces, and
  // their lease links, so no restored space is "leased" without its lease.
  'spaces.unmerge': async ({ keptId, restoredIds, kept: keptValues, links }, { store, author }) =>
    write(store.db, author, async (w) => {
      const kept = await requireLive<LayoutSpace>(w.trx, 'spaces', keptId, '保留的空间', 'keptId')
      const unique = [...new Set(restoredIds)]
      const rows = await spacesByIdsAnyState(w.trx, unique)
      for (const id of unique) {
        const row = rows.find((r) => r.id === id)
        if (!row) throw new DomainError('not_found', '恢复的空间：有空间找不到，不能撤销合并', 'restoredIds')
        if (row.deletedAt === null) throw new DomainError('conflict', `恢复的空间：${spaceName(row)} 未被删除，不能撤销合并`, 'restoredIds')
        if ((await mergedAwayInto(w.trx, id)) !== keptId) {
          throw new DomainError('conflict', `恢复的空间：${spaceName(row)} 不是合并入 ${spaceName(kept)} 的空间，不能撤销合并`, 'restoredIds')
        }
      }
      const unit = keptValues.unit ?? null
      await requireFreeFloorUnit(w, kept.buildingId, kept.floorLabel, unit, kept.id, 'kept')
      await updateRow(w, 'spaces', kept.id, { unit, area: keptValues.area }, kept)
      for (const row of rows) {
        await requireFreeFloorUnit(w, row.buildingId, row.floorLabel, row.unit, row.id, 'restoredIds')
        await restoreRow(w, 'spaces', row.id, row.deletedAt!)
        // They were one space: a status set on it since (a lease ended, a sale) holds for each part.
        await updateRow(w, 'spaces', row.id, { status: kept.status }, row)
      }
      const byLease = new Map<string, string[]>()
      for (const { leaseId, spaceId } of links) {
        if (!unique.includes(spaceId)) throw new DomainError('invalid', '租约关联：只能关联恢复的空间', 'links')
        byLease.set(leaseId, [...(byLease.get(leaseId) ?? []), spaceId])
      }
      for (const [leaseId, spaceIds] of byLease) {
        const lease = await findLease(w.trx, leaseId)
        if (!lease || lease.deletedAt !== null) {
          throw new DomainError('conflict', '租约：合并后该租约已被删除，不能撤销合并；请先在回收站恢复租约', 'links')
        }
        const before = await leaseSpaceIds(w.trx, leaseId)
        const added = [...new Set(spaceIds)].filter((id) => !before.includes(id))
        if (added.length === 0) continue
        await addLeaseSpaces(w.trx, leaseId, added)
        await logField(w, 'leases', leaseId, 'update', 'spaceIds', before, [...before, ...added])
        await touchLease(w.trx, leaseId, w.now)
      }
      return null
    }),

  // Removes many spaces (the undo of generated or copied floors) in one write: a space under a
  // current lease refuses the whole call up front, naming it.
  'spaces.deleteMany': async ({ ids }, { store, author }) =>
    write(store.db, author, async (w) => {
      const unique = [...new Set(ids)]
      const rows: Array<LayoutSpace & { deletedAt: string | null }> = []
      for (let i = 0; i < unique.length; i += ID_CHUNK) rows.push(...(await spacesByIdsAnyState(w.trx, unique.slice(i, i + ID_CHUNK))))
      if (rows.length !== unique.length) {
        throw new DomainError('not_found', `空间：有 ${unique.length - rows.length} 个空间找不到，请刷新后再试`, 'ids')
      }
      // One already deleted is where the caller wants it: only the live ones are deleted.
      const live = rows.filter((r) => r.deletedAt === null)
      for (let i = 0; i < live.length; i += ID_CHUNK) {
        const chunk = live.slice(i, i + ID_CHUNK)
        const leases = await currentLeasesBySpace(w.trx, chunk.map((s) => s.id))
        const held = chunk.find((s) => leases.has(s.id))
        if (held) {
          const tenant = leases.get(held.id)![0]!.tenantName
          throw new DomainError('conflict', `空间：${spaceName(held)} 由“${tenant}”租用，租约尚未到期；请先结束或删除租约，再删除这些空间`, 'ids')
        }
      }
      for (const s of live) await softDeleteRow(w, 'spaces', s.id)
      return null
    }),
} satisfies LayoutHandlers
