import { gunzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { describe, expect, it, vi } from 'vitest'
import type { MapSites } from '../../src/shared/mapSites'
import { runtimePerTest, type TestRuntime } from '../helpers/runtime'
import { decodeMapSites, type MapSitesWire } from '../../src/shared/mapSitesWire'

// The map's sites are kept in each reader process until the store changes (store/version.ts).
// Writes happen elsewhere — in the writer process, or in another program on the same file — so a
// reader must notice them through the store itself (data_version), never serve an answer from
// before the last committed write.

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const t = runtimePerTest()

/** map.sites from every reader at once: concurrent calls go to different readers (least busy first). */
async function sitesFromEveryReader(app: TestRuntime): Promise<MapSites[]> {
  const readers = app.runtime.workers().filter((w) => w.role === 'reader').length
  const answers = await Promise.all(Array.from({ length: readers }, async () => decodeMapSites(await app.ok('map.sites', {}))))
  // The browser host's path too: the body the worker made of its kept answer, plain and gzipped.
  const bodies = await Promise.all([false, true].map((gzipOk) => app.runtime.dispatchEncoded('map.sites', {}, gzipOk)))
  const decoded = bodies.map(({ body, gzipped }) => JSON.parse((gzipped ? gunzipSync(body) : body).toString('utf8')) as { ok: true; value: MapSitesWire })
  return [...answers, ...decoded.map((d) => decodeMapSites(d.value))]
}

const vacantOf = (sites: MapSites, id: string) => sites.buildings.find((b) => b.id === id)?.vacantArea

describe('the map sites kept by reader processes', () => {
  it('are never older than the last write of the writer process', async () => {
    const app = await t.start()
    const building = await app.ok('buildings.create', { name: '测试大厦', districtCode: '210103', lng: 123.45, lat: 41.8 })
    const space = await app.ok('spaces.create', { buildingId: building.id, floorLabel: '3F', area: 100, status: 'vacant' })
    // Each reader computes and keeps its answer; asked again, it hands the kept one out.
    for (let round = 0; round < 2; round++) {
      for (const sites of await sitesFromEveryReader(app)) expect(vacantOf(sites, building.id)).toBe(100)
    }

    for (const [i, area] of [250, 80, 1200].entries()) {
      await app.ok('spaces.update', { id: space.id, area })
      // Right after the write is answered, every reader's answer has it.
      for (const sites of await sitesFromEveryReader(app)) expect(vacantOf(sites, building.id)).toBe(area)
      await app.ok('buildings.update', { id: building.id, name: `测试大厦${i}` })
      for (const sites of await sitesFromEveryReader(app)) expect(sites.buildings.find((b) => b.id === building.id)?.name).toBe(`测试大厦${i}`)
    }
    await app.ok('buildings.delete', { id: building.id })
    for (const sites of await sitesFromEveryReader(app)) expect(vacantOf(sites, building.id)).toBeUndefined()
  })

  it('are never older than a write another program made to the same file', async () => {
    const app = await t.start()
    const building = await app.ok('buildings.create', { name: '测试大厦', districtCode: '210103', lng: 123.45, lat: 41.8 })
    const space = await app.ok('spaces.create', { buildingId: building.id, floorLabel: '3F', area: 100, status: 'vacant' })
    for (const sites of await sitesFromEveryReader(app)) expect(vacantOf(sites, building.id)).toBe(100)

    // As the command line beside the app would: its own connection, its own transaction.
    const other = new Database(app.file)
    try {
      other.pragma('busy_timeout = 5000')
      other.prepare('UPDATE spaces SET area = 640 WHERE id = ?').run(space.id)
    } finally {
      other.close()
    }
    for (const sites of await sitesFromEveryReader(app)) expect(vacantOf(sites, building.id)).toBe(640)
  })
})
