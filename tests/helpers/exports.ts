import path from 'node:path'
import { expect } from 'vitest'
import type { ExportFile, ExportStart } from '../../src/shared/exports'
import type { Job } from '../../src/shared/types'
import type { TestApp } from './store'

/** Starts an export, waits for its job and returns the finished file's description and path. */
export async function runExport(app: TestApp, input: ExportStart): Promise<{ job: Job; file: ExportFile; filePath: string }> {
  const { jobId } = await app.ok('exports.start', input)
  const job = (await app.services.ctx.jobs.wait(jobId))!
  expect(job.state, job.message ?? '').toBe('done')
  const file = await app.ok('exports.get', { id: job.resultId! })
  return { job, file, filePath: path.join(app.services.ctx.dataDir, 'exports', `${file.id}.${input.format}`) }
}

/** A small store of our own on top of the demo: rows whose every exported value the tests know. */
export async function addKnownRows(app: TestApp) {
  const building = await app.ok('buildings.create', {
    name: '=HYPERLINK("http://evil.example","点我")', address: '沈河区青年大街1号', districtCode: '210103', lng: 123.456789, lat: 41.789012,
    grade: 'a', kind: 'office', floorsAbove: 30, totalArea: 50000, ownership: 'whole', propertyFee: 12.5, notes: '-2+3',
  })
  const vacant = await app.ok('spaces.create', {
    buildingId: building.id, floorLabel: '12', unit: '1201', area: 800, status: 'vacant', askingRent: 3.5, fitOut: 'fitted',
    availableFrom: '2026-03-01', divisible: true, notes: '@SUM(A1)',
  })
  const leased = await app.ok('spaces.create', { buildingId: building.id, floorLabel: '13', area: 1200, status: 'leased' })
  const tenant = await app.ok('tenants.create', { name: '沈阳测试科技有限公司', industry: 'I', aboveScale: true, annualTax: 12_000_000 })
  const lease = await app.ok('leases.create', { tenantId: tenant.id, spaceIds: [leased.id], startDate: '2024-01-01', endDate: '2030-12-31', rent: 2.8 })
  const parcel = await app.ok('parcels.create', {
    code: 'TEST-01', name: '测试地块', districtCode: '210103', landUse: 'm0', status: 'listed', area: 66_666.67,
    referencePrice: 3_000_000, plotRatioMin: 1.5, plotRatioMax: 3, buildingDensity: 0.4, readiness: 'cleared',
    boundary: { type: 'Polygon', coordinates: [[[123.4, 41.7], [123.41, 41.7], [123.41, 41.71], [123.4, 41.71], [123.4, 41.7]]] },
  })
  const park = await app.ok('parks.create', { name: '测试产业园', theme: '数字经济', districtCode: '210103', status: 'operating', plannedInvestment: 2e9, totalArea: 50000,
    subParks: [{ name: '大数据分园', area: 8000 }], hosts: [{ buildingId: building.id, floors: '10-12', area: 9000 }],
  })
  return { building, vacant, leased, tenant, lease, parcel, park }
}
