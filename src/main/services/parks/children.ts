import { DomainError } from '../../../shared/result'
import type { z } from 'zod'
import type { parkHostInput, subParkInput } from '../../../shared/schemas/parks'
import { liveChildren } from '../../store/parks'
import { insertRow, softDeleteRow, updateRow, type Writer } from '../../store/writer'
import { requireLive } from '../guards'

// A park's sub-parks and host buildings are edited as whole lists: an item with an id updates that
// child, an item without one adds a child, and a live child left out of the list is soft-deleted.
// The list order is kept as sort_order.

type SubParkInput = z.output<typeof subParkInput>
type HostInput = z.output<typeof parkHostInput>

interface ChildList<T> {
  table: 'subParks' | 'parkHosts'
  /** The input field, for error paths such as `hosts.2.id`. */
  field: 'subParks' | 'hosts'
  label: string
  items: T[]
  values: (item: T) => Record<string, unknown>
}

async function syncChildren<T extends { id?: string }>(w: Writer, parkId: string, list: ChildList<T>): Promise<void> {
  const live = new Map((await liveChildren(w.trx, list.table, parkId)).map((row) => [row.id, row]))
  const kept = new Set<string>()
  for (const [index, item] of list.items.entries()) {
    const values = { ...list.values(item), sortOrder: index }
    if (item.id === undefined) {
      await insertRow(w, list.table, { ...values, parkId })
      continue
    }
    const before = live.get(item.id)
    if (!before || kept.has(item.id)) {
      throw new DomainError('invalid', `${list.label}：第 ${index + 1} 项不属于该园区、已被删除或重复出现`, `${list.field}.${index}.id`)
    }
    kept.add(item.id)
    await updateRow(w, list.table, item.id, values, before)
  }
  for (const id of live.keys()) {
    if (!kept.has(id)) await softDeleteRow(w, list.table, id)
  }
}

export async function syncSubParks(w: Writer, parkId: string, items: SubParkInput[]): Promise<void> {
  await syncChildren(w, parkId, {
    table: 'subParks',
    field: 'subParks',
    label: '分园',
    items,
    values: (s) => ({ name: s.name, theme: s.theme ?? null, area: s.area ?? null, status: s.status ?? null }),
  })
}

/** Host buildings must be live and each named once. */
export async function syncHosts(w: Writer, parkId: string, items: HostInput[]): Promise<void> {
  const seen = new Set<string>()
  for (const [index, host] of items.entries()) {
    const field = `hosts.${index}.buildingId`
    await requireLive(w.trx, 'buildings', host.buildingId, `载体楼宇（第 ${index + 1} 项）`, field)
    if (seen.has(host.buildingId)) {
      throw new DomainError('invalid', `载体楼宇：第 ${index + 1} 项与前面的楼宇重复`, field)
    }
    seen.add(host.buildingId)
  }
  await syncChildren(w, parkId, {
    table: 'parkHosts',
    field: 'hosts',
    label: '载体楼宇',
    items,
    values: (h) => ({ buildingId: h.buildingId, floors: h.floors ?? null, area: h.area ?? null }),
  })
}
