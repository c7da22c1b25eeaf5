import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDemoData } from '../../src/main/services/demo/load'
import { freshAppPerTest, openTestApp, pickFile } from '../helpers/store'
import { importWorkbookFile, writeSpecWorkbook } from '../helpers/importSheets'

// The app's own workbook read back: every sheet, ids kept, values unscaled, labels back to codes.
// Into an empty store, every figure of stats.summary comes out the same.

describe('importing the app workbook', () => {
  const t = freshAppPerTest()

  it('a workbook of the demo store imports into an empty store with every figure unchanged', { timeout: 60_000 }, async () => {
    const source = await openTestApp()
    try {
      await loadDemoData(source.services.ctx)
      const file = await writeSpecWorkbook(source.store, path.join(t.dir, '招商资源.xlsx'))
      const uploadId = await pickFile(t.app, file)
      const inspection = await t.app.ok('imports.inspect', { uploadId })
      expect(inspection.sheets.every((s) => s.suggestedKind === 'workbook')).toBe(true)
      const preview = await t.app.ok('imports.preview', { uploadId })
      expect(preview.rejected).toEqual([])
      expect(preview.kind).toBe('workbook')

      const job = await importWorkbookFile(t.app, file)
      expect(job.state).toBe('done')
      const expected = await source.ok('stats.summary', {})
      expect(await t.app.ok('stats.summary', {})).toEqual(expected)
      // Ids are kept: the same building answers to the same id in both stores.
      const [first] = await source.ok('buildings.list', {})
      expect((await t.app.ok('buildings.get', { id: first!.id })).building).toMatchObject({
        name: first!.name, leasableArea: first!.leasableArea, vacantArea: first!.vacantArea, grade: first!.grade,
      })
      const parks = await source.ok('parks.list', {})
      for (const park of parks) {
        const imported = await t.app.ok('parks.get', { id: park.id })
        const original = await source.ok('parks.get', { id: park.id })
        expect(imported.plannedInvestment).toBe(original.plannedInvestment)
        expect(imported.subParks.map((s) => s.name)).toEqual(original.subParks.map((s) => s.name))
        expect(imported.hosts.map((h) => h.buildingId)).toEqual(original.hosts.map((h) => h.buildingId))
      }
      const parcels = await source.ok('parcels.list', {})
      const importedParcels = await t.app.ok('parcels.list', {})
      expect(importedParcels.map((p) => [p.code, p.referencePrice, p.landUse, p.status, p.boundary])).toEqual(
        parcels.map((p) => [p.code, p.referencePrice, p.landUse, p.status, p.boundary]),
      )

      // Undo takes the whole workbook back out.
      await t.app.ok('imports.undo', { id: job.resultId! })
      const after = await t.app.ok('stats.summary', {})
      expect(after).toMatchObject({ buildings: 0, spaces: 0, tenants: 0, parcels: 0, parks: 0, clusters: 0 })
    } finally {
      await source.services.shutdown()
      await source.close()
    }
  })
})

describe('importing the app workbook: one space per floor + unit', () => {
  const t = freshAppPerTest()

  it('refuses a workbook whose new space takes a floor + unit already stored, and changes nothing', { timeout: 60_000 }, async () => {
    const source = await openTestApp()
    try {
      const { id: building } = await source.ok('buildings.create', { name: '财富中心', districtCode: '210103' })
      const first = await source.ok('spaces.create', { buildingId: building, floorLabel: '12', unit: '01', area: 300, status: 'vacant' })
      expect((await importWorkbookFile(t.app, await writeSpecWorkbook(source.store, path.join(t.dir, 'a.xlsx')))).state).toBe('done')

      // In the source the space is entered again under a new id (the old one deleted): its
      // workbook now holds a second space for 12 层 01 as far as the target knows.
      await source.ok('spaces.delete', { id: first.id })
      await source.ok('spaces.create', { buildingId: building, floorLabel: '12F', unit: '01', area: 280, status: 'leased' })
      const before = await t.app.ok('spaces.list', { buildingId: building })
      const job = await importWorkbookFile(t.app, await writeSpecWorkbook(source.store, path.join(t.dir, 'b.xlsx')))
      expect(job.state).toBe('failed')
      expect(JSON.stringify(job)).toContain('同一楼层同一单元只能登记一次')
      expect(await t.app.ok('spaces.list', { buildingId: building })).toEqual(before)
    } finally {
      await source.services.shutdown()
      await source.close()
    }
  })
})
