import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServices } from '../../src/main/services'
import { mapSites } from '../../src/main/store/mapSites'
import { openStore } from '../../src/main/store/open'
import type { MapSites } from '../../src/shared/mapSites'
import { legacyMapSites } from '../helpers/legacyMapSites'
import { openTestApp, type TestApp } from '../helpers/store'
import { decodeMapSites } from '../../src/shared/mapSitesWire'

// map.sites is kept and handed out again until the next write — by this process's services, by
// SQL on the same connection that bypasses write(), or by another connection (the command line
// beside the app) — and never answers with data older than the last committed write.

describe('map sites kept until the next write', () => {
  let app: TestApp
  let buildingId: string
  let spaceId: string
  const vacantOf = async () => decodeMapSites(await app.ok('map.sites', {})).buildings.find((b) => b.id === buildingId)!.vacantArea

  beforeEach(async () => {
    app = await openTestApp()
    buildingId = (await app.ok('buildings.create', { name: '茂业中心', districtCode: '210103' })).id
    spaceId = (await app.ok('spaces.create', { buildingId, floorLabel: '20', area: 1000, status: 'vacant' })).id
    await app.ok('spaces.create', { buildingId, floorLabel: '21', area: 500, status: 'vacant' })
  })
  afterEach(async () => {
    await app.close()
  })

  it('hands out the same answer while nothing is written, frozen against callers changing it', async () => {
    const first = await app.ok('map.sites', {})
    const second = await app.ok('map.sites', {})
    expect(second).toBe(first)
    expect(() => {
      ;(first.buildings.id as unknown[]).push('x')
    }).toThrow(TypeError)
    expect(() => {
      ;(first.buildings.name as string[])[0] = '改'
    }).toThrow(TypeError)
    // Reads change nothing: the answer is still the kept one.
    await app.ok('buildings.list', {})
    await app.ok('stats.summary', {})
    expect(await app.ok('map.sites', {})).toBe(first)
  })

  it('keeps its answer across writes that change no site: the view the map saves, a saved search', async () => {
    const first = await app.ok('map.sites', {})
    await app.ok('settings.set', { key: 'map.view', value: JSON.stringify({ center: [123.4, 41.8], zoom: 13 }) })
    await app.ok('savedSearches.create', { name: '超甲级', filter: { grades: ['super_a'] } })
    expect(await app.ok('map.sites', {})).toBe(first)
    // A site's row changed by another connection still counts.
    const other = new BetterSqlite3(app.file)
    try {
      other.prepare("UPDATE spaces SET status = 'sold' WHERE id = ?").run(spaceId)
    } finally {
      other.close()
    }
    expect(await app.ok('map.sites', {})).not.toBe(first)
    expect(await vacantOf()).toBe(500)
  })

  it('sees a write through the services at the next call', async () => {
    const before = await app.ok('map.sites', {})
    expect(await vacantOf()).toBe(1500)
    await app.ok('spaces.update', { id: spaceId, status: 'sold' })
    const after = await app.ok('map.sites', {})
    expect(after).not.toBe(before)
    expect(decodeMapSites(after).buildings.find((b) => b.id === buildingId)!.vacantArea).toBe(500)
    // A building's name, a cluster, a park: every part of the answer follows its write.
    await app.ok('buildings.update', { id: buildingId, name: '茂业中心 A 座' })
    expect(decodeMapSites(await app.ok('map.sites', {})).buildings.find((b) => b.id === buildingId)!.name).toBe('茂业中心 A 座')
    const { id: clusterId } = await app.ok('clusters.create', { name: '彩塔集聚区', districtCode: '210103' })
    expect(decodeMapSites(await app.ok('map.sites', {})).clusters.map((c) => c.id)).toEqual([clusterId])
  })

  it('sees a write that bypasses write() on the same connection', async () => {
    expect(await vacantOf()).toBe(1500)
    app.store.sqlite.prepare("UPDATE spaces SET status = 'sold' WHERE id = ?").run(spaceId)
    expect(await vacantOf()).toBe(500)
  })

  it('sees a write by another connection: raw SQL, and the services of a second store on the same file', async () => {
    expect(await vacantOf()).toBe(1500)
    const other = new BetterSqlite3(app.file)
    try {
      other.prepare("UPDATE spaces SET status = 'reserved' WHERE id = ?").run(spaceId)
    } finally {
      other.close()
    }
    expect(await vacantOf()).toBe(500)

    const second = await openStore(app.file)
    try {
      const services = await createServices(second, 'cli')
      const result = await services.dispatch('spaces.create', { buildingId, floorLabel: '22', area: 250, status: 'vacant' })
      expect(result.ok).toBe(true)
      await services.shutdown()
    } finally {
      await second.close()
    }
    expect(await vacantOf()).toBe(750)
  })

  it('inside a transaction reads the uncommitted rows afresh and keeps nothing of them', async () => {
    const kept = decodeMapSites(await app.ok('map.sites', {}))
    const vacantIn = (sites: MapSites) => sites.buildings.find((b) => b.id === buildingId)!.vacantArea
    await expect(
      app.store.db.transaction().execute(async (trx) => {
        await trx.updateTable('spaces').set({ status: 'sold' }).where('id', '=', spaceId).execute()
        const inside = await mapSites(trx)
        expect(vacantIn(inside)).toBe(500)
        expect(Object.isFrozen(inside)).toBe(false)
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    const after = decodeMapSites(await app.ok('map.sites', {}))
    expect(vacantIn(after)).toBe(1500)
    expect(after).toEqual(kept)
  })

  it('never answers with data older than the last write, writes and reads interleaved', async () => {
    const other = new BetterSqlite3(app.file)
    try {
      for (let i = 0; i < 12; i++) {
        // A read started before a write and a write started together: whatever the first answers,
        // the read after both must show the write.
        const status = i % 2 === 0 ? 'sold' : 'vacant'
        const writes = [
          () => app.ok('spaces.update', { id: spaceId, status }),
          async () => other.prepare('UPDATE spaces SET status = ? WHERE id = ?').run(status, spaceId),
          async () => app.store.sqlite.prepare('UPDATE spaces SET status = ? WHERE id = ?').run(status, spaceId),
        ]
        await Promise.all([app.ok('map.sites', {}), writes[i % 3]!()])
        const sites = decodeMapSites(await app.ok('map.sites', {}))
        expect(sites.buildings.find((b) => b.id === buildingId)!.vacantArea).toBe(status === 'sold' ? 500 : 1500)
        expect(sites).toEqual(await legacyMapSites(app.store.db))
      }
    } finally {
      other.close()
    }
  })
})
