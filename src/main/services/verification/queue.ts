import { canonicalFloorLabel } from '../../../shared/floors'
import centroid from '@turf/centroid'
import distance from '@turf/distance'
import { checkOf, isStale, oldestCheck, staleCutoff } from '../../../shared/freshness'
import type { Boundary } from '../../../shared/schemas/parcels'
import type { RecheckFloor, RecheckItem, RecheckQueue, VerificationQueueInput } from '../../../shared/schemas/verification'
import { today } from '../../store/leases'
import { recheckBuildings, recheckParcels, staleFloors } from '../../store/recheck'
import type { ServiceContext } from '../context'
import { staleDays } from './staleDays'

type Point = { lng: number; lat: number }

const metresBetween = (from: Point, lng: number | null, lat: number | null): number | null =>
  lng == null || lat == null ? null : distance([from.lng, from.lat], [lng, lat], { units: 'meters' })

/** Nearest first (records without a position last); then, and without a point, oldest first. */
function byVisitOrder(a: RecheckItem, b: RecheckItem): number {
  if (a.distance !== b.distance) {
    if (a.distance === null) return 1
    if (b.distance === null) return -1
    return a.distance - b.distance
  }
  return a.check < b.check ? -1 : a.check > b.check ? 1 : a.name.localeCompare(b.name, 'zh')
}

export async function recheckQueue(input: VerificationQueueInput, { store }: ServiceContext): Promise<RecheckQueue> {
  const db = store.db
  const days = await staleDays(db)
  const day = await today(db)
  const cutoff = staleCutoff(day, days)
  const kinds = new Set(input.kinds ?? ['building', 'parcel'])
  const from = input.from
  const items: RecheckItem[] = []

  if (kinds.has('building')) {
    const floors = new Map<string, Array<RecheckFloor & { sort: number }>>()
    for (const f of await staleFloors(db, cutoff)) {
      const check = oldestCheck(f.verifiedMin && `${f.verifiedMin}V`, f.enteredMin && checkOf(null, f.enteredMin))!
      const list = floors.get(f.buildingId) ?? []
      // Labels stored before they were made canonical ("12F", "12层") are the floor "12": one row.
      const floorLabel = canonicalFloorLabel(f.floorLabel)
      const same = list.find((x) => x.floorLabel === floorLabel)
      if (same) same.check = oldestCheck(same.check, check)!
      else list.push({ floorLabel, check, sort: f.floorSort })
      floors.set(f.buildingId, list)
    }
    for (const b of await recheckBuildings(db, cutoff, [...floors.keys()])) {
      const ownCheck = checkOf(b.verifiedAt, b.createdAt)
      const stale = (floors.get(b.id) ?? []).sort((x, y) => y.sort - x.sort)
      items.push({
        kind: 'building', id: b.id, name: b.name, detail: b.address, lng: b.lng, lat: b.lat,
        distance: from ? metresBetween(from, b.lng, b.lat) : null,
        check: oldestCheck(ownCheck, ...stale.map((f) => f.check))!,
        ownCheck,
        ownStale: isStale(ownCheck, day, days),
        staleFloors: stale.map(({ floorLabel, check }) => ({ floorLabel, check })),
      })
    }
  }

  if (kinds.has('parcel')) {
    for (const p of await recheckParcels(db, cutoff)) {
      let { lng, lat } = p
      if ((lng == null || lat == null) && p.boundary) {
        ;[lng, lat] = centroid(JSON.parse(p.boundary) as Boundary).geometry.coordinates as [number, number]
      }
      const ownCheck = checkOf(p.verifiedAt, p.createdAt)
      items.push({
        kind: 'parcel', id: p.id, name: p.name, detail: p.code, lng, lat,
        distance: from ? metresBetween(from, lng, lat) : null,
        check: ownCheck, ownCheck, ownStale: true, staleFloors: [],
      })
    }
  }

  items.sort(byVisitOrder)
  return { staleDays: days, today: day, total: items.length, items: items.slice(0, input.limit ?? 500) }
}
