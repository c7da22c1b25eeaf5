import { afterEach, describe, expect, it } from 'vitest'
import { loadDemoData } from '../../src/main/services/demo/load'
import { buildGeneratedDataset } from '../../src/main/services/generate/dataset'
import { loadGeneratedData } from '../../src/main/services/generate/load'
import type { MapSites } from '../../src/shared/mapSites'
import { legacyMapSites } from '../helpers/legacyMapSites'
import { openTestApp, type TestApp } from '../helpers/store'
import { decodeMapSites } from '../../src/shared/mapSitesWire'

// The map's sites from one pass over the spaces (store/mapSites.ts) against the same answer from
// the set-based SQL that defined them before (tests/helpers/legacyMapSites.ts): equal to the last
// bit, on the demo data and on a generated store after a few hundred random edits.

const TODAY = '2025-06-15'

/** The buildings in id order (the old SQL made no promise of order; the map sorts its own lists). */
const byId = (sites: MapSites) => ({ ...sites, buildings: [...sites.buildings].sort((a, b) => (a.id < b.id ? -1 : 1)) })

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]! }
}

describe('map sites in one pass', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  it('equals the old set-based answer on the demo data', async () => {
    app = await openTestApp()
    await loadDemoData(app.services.ctx, { today: TODAY })
    const sites = decodeMapSites(await app.ok('map.sites', {}))
    expect(sites.buildings.length).toBeGreaterThan(20)
    expect(sites.buildings.some((b) => b.largestVacantBlock > 0 && b.largestVacantBlock !== b.vacantArea)).toBe(true)
    expect(byId(sites)).toEqual(byId(await legacyMapSites(app.store.db)))
  }, 60_000)

  it('equals the old set-based answer on a generated store after random edits', async () => {
    app = await openTestApp()
    const data = buildGeneratedDataset({ seed: 7, buildings: 120, parcels: 20, spaces: 2400, tenants: 300, today: TODAY })
    await loadGeneratedData(app.services.ctx, data)
    const rnd = random(11)
    const ok = app.ok
    const live = (table: string) => (app!.store.sqlite.prepare(`SELECT id FROM ${table} WHERE deleted_at IS NULL`).all() as Array<{ id: string }>).map((r) => r.id)
    const buildings = live('buildings')
    const labels = ['B2', 'B1', '1', '2', '3', '3.5', '4', '5', '12', '-3', 'M']
    const statuses = ['vacant', 'vacant', 'reserved', 'sold', 'owner_occupied'] as const
    const fitOuts = ['bare', 'basic', 'fitted', null] as const
    let edits = 0
    for (let i = 0; i < 300; i++) {
      const roll = rnd.next()
      // Writes a lease or a guard refuses are part of the mix: they change nothing.
      const attempt = async <R>(work: () => Promise<R>) => {
        try {
          await work()
          edits++
        } catch {
          /* refused */
        }
      }
      if (roll < 0.35) {
        const spaces = live('spaces')
        await attempt(() => ok('spaces.update', { id: rnd.pick(spaces), status: rnd.pick(statuses), fitOut: rnd.pick(fitOuts), askingRent: rnd.next() < 0.2 ? null : Math.round(rnd.next() * 500) / 100 }))
      } else if (roll < 0.6) {
        await attempt(() => ok('spaces.create', {
          buildingId: rnd.pick(buildings), floorLabel: rnd.pick(labels), area: Math.round(rnd.next() * 200000) / 100 + 0.1,
          status: rnd.pick(statuses), fitOut: rnd.pick(fitOuts), askingRent: Math.round(rnd.next() * 500) / 100,
        }))
      } else if (roll < 0.75) {
        await attempt(() => ok('spaces.delete', { id: rnd.pick(live('spaces')) }))
      } else if (roll < 0.85) {
        await attempt(() => ok('leases.delete', { id: rnd.pick(live('leases')) }))
      } else if (roll < 0.9) {
        await attempt(() => ok('buildings.delete', { id: rnd.pick(live('buildings')) }))
      } else if (roll < 0.93) {
        await attempt(() => ok('clusters.delete', { id: rnd.pick(live('clusters')) }))
      } else if (roll < 0.97) {
        // A building of its own whose floors are wholly vacant, part-let or missing: runs of
        // adjacent vacant floors across B1 and 1, broken by gaps and part-let floors.
        await attempt(async () => {
          const { id } = await ok('buildings.create', { name: `楼 ${i}`, districtCode: '210103' })
          for (const floorLabel of labels) {
            if (rnd.next() < 0.25) continue
            const wholly = rnd.next() < 0.7
            await ok('spaces.create', { buildingId: id, floorLabel, area: Math.round(rnd.next() * 90000) / 100 + 1, status: 'vacant', askingRent: 3.1 })
            if (!wholly) await ok('spaces.create', { buildingId: id, floorLabel, area: 55.5, status: rnd.pick(['sold', 'reserved'] as const) })
          }
        })
      } else {
        await attempt(() => ok('buildings.update', { id: rnd.pick(live('buildings')), name: `改名 ${i}`, grade: rnd.pick(['a', 'b', 'c'] as const) }))
      }
      // Compare now and then along the way, every answer straight after the edits before it.
      if (i % 75 === 74) expect(byId(decodeMapSites(await app.ok('map.sites', {})))).toEqual(byId(await legacyMapSites(app.store.db)))
    }
    expect(edits).toBeGreaterThan(150)
    expect(byId(decodeMapSites(await app.ok('map.sites', {})))).toEqual(byId(await legacyMapSites(app.store.db)))
  }, 60_000)
})
