import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../../src/main/services'
import { clearBoundaryCache } from '../../src/main/services/boundaries/reader'
import { openStore } from '../../src/main/store/open'
import { openTestApp, tempDir, type TestApp } from '../helpers/store'

// The embedded default basemap through the services, as every host calls it.

let app: TestApp

beforeAll(async () => {
  clearBoundaryCache()
  app = await openTestApp()
})

afterAll(async () => {
  await app.close()
})

describe('boundaries', () => {
  it('lists the cities with their districts', async () => {
    const cities = await app.ok('boundaries.cities', {})
    expect(cities.length).toBeGreaterThanOrEqual(300)
    const shenyang = cities.find((c) => c.code === '210100')!
    expect(shenyang).toMatchObject({ name: '沈阳市', province: '辽宁省' })
    expect(shenyang.districts).toContainEqual({ code: '210103', name: '沈河区' })
    const [w, s, e, n] = shenyang.bbox
    expect(shenyang.center[0]).toBeGreaterThan(w)
    expect(shenyang.center[0]).toBeLessThan(e)
    expect(shenyang.center[1]).toBeGreaterThan(s)
    expect(shenyang.center[1]).toBeLessThan(n)
  })

  it('gives a city’s districts as GeoJSON in WGS-84, decoded once', async () => {
    const shenyang = await app.ok('boundaries.city', { code: '210100' })
    expect(shenyang.type).toBe('FeatureCollection')
    expect(shenyang.features.map((f) => f.properties.code)).toEqual(expect.arrayContaining(['210102', '210103', '210112']))
    for (const f of shenyang.features) {
      expect(f.type).toBe('Feature')
      expect(f.properties.cityCode).toBe('210100')
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type)
    }
    const shenhe = shenyang.features.find((f) => f.properties.code === '210103')!
    expect(shenhe.properties.name).toBe('沈河区')
    const ring = (shenhe.geometry.type === 'Polygon' ? shenhe.geometry.coordinates : shenhe.geometry.coordinates[0]!)[0]!
    for (const [lng, lat] of ring) {
      expect(lng).toBeGreaterThan(123.3)
      expect(lng).toBeLessThan(123.6)
      expect(lat).toBeGreaterThan(41.7)
      expect(lat).toBeLessThan(41.9)
    }

    // Kept in memory: the same (frozen) collection the second time.
    const again = await app.ok('boundaries.city', { code: '210100' })
    expect(again).toBe(shenyang)
    expect(Object.isFrozen(again.features[0]!.geometry.coordinates)).toBe(true)
  })

  it('finds the city of a district', async () => {
    const byDistrict = await app.ok('boundaries.city', { code: '330105' })
    expect(byDistrict.features.every((f) => f.properties.cityCode === '330100')).toBe(true)
    expect(byDistrict.features.map((f) => f.properties.name)).toContain('拱墅区')
    // A county-level unit directly under its province is its own city.
    const jiyuan = await app.ok('boundaries.city', { code: '419001' })
    expect(jiyuan.features).toHaveLength(1)
    expect(jiyuan.features[0]!.properties).toEqual({ code: '419001', name: '济源市', cityCode: '419001' })
  })

  it('refuses unknown and malformed codes in Chinese', async () => {
    const unknown = await app.call('boundaries.city', { code: '999999' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', field: 'code' } })
    if (!unknown.ok) expect(unknown.error.message).toMatch(/999999/)
    const malformed = await app.call('boundaries.city', { code: '2101' })
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid', field: 'code' } })
    if (!malformed.ok) expect(malformed.error.message).toMatch(/^城市代码：/)
  })

  it('gives every city’s outline for low zoom', async () => {
    const [cities, overview] = await Promise.all([app.ok('boundaries.cities', {}), app.ok('boundaries.overview', {})])
    expect(overview.features).toHaveLength(cities.length)
    expect(overview.features.find((f) => f.properties.code === '210100')!.properties).toEqual({ code: '210100', name: '沈阳市', cityCode: '210100' })
  })

  it('says so when the resources are missing', async () => {
    const dir = tempDir()
    const store = await openStore(path.join(dir, 'atlas.db'))
    try {
      const services = await createServices(store, 'tester', { resourcesDir: path.join(dir, 'no-resources') })
      const answer = await services.dispatch('boundaries.cities', {})
      expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } })
      if (!answer.ok) expect(answer.error.message).toMatch(/行政区划边界/)
      await services.shutdown()
    } finally {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
