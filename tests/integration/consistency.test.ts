import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestApp, tempDir, type TestApp } from '../helpers/store'

// Rules that keep the inventory telling one story: a leased space cannot be marked or deleted as
// if it were free, a building with running leases cannot vanish, a building whose cluster went
// away can still be edited, and a parcel's plot ratios stay in order as a whole.
describe('inventory consistency', () => {
  let app: TestApp
  let tower: string
  let tenant: string
  beforeEach(async () => {
    app = await openTestApp()
    tower = (await app.ok('buildings.create', { name: '茂业中心', districtCode: '210103' })).id
    tenant = (await app.ok('tenants.create', { name: '杭州智联影视文化有限公司' })).id
  })
  afterEach(async () => {
    await app.close()
  })

  it('keeps a space under a running lease leased, and undeletable, until the lease is dealt with', async () => {
    const floor = (await app.ok('spaces.create', { buildingId: tower, floorLabel: '12', area: 1000, status: 'vacant' })).id
    const { id: lease } = await app.ok('leases.create', { tenantId: tenant, spaceIds: [floor], startDate: '2024-01-01' })

    const markVacant = await app.call('spaces.update', { id: floor, status: 'vacant' })
    expect(markVacant).toMatchObject({ ok: false, error: { code: 'conflict', field: 'status', message: expect.stringContaining('杭州智联影视文化有限公司') } })
    expect((await app.call('spaces.delete', { id: floor })).ok).toBe(false)
    // Other fields of the space are still editable.
    expect((await app.ok('spaces.update', { id: floor, askingRent: 3.5 })).askingRent).toBe(3.5)

    const deleteBuilding = await app.call('buildings.delete', { id: tower })
    expect(deleteBuilding).toMatchObject({ ok: false, error: { code: 'not_empty', message: expect.stringContaining('1 份未到期的租约') } })
    expect(await app.ok('buildings.list', {})).toHaveLength(1)

    // Once the lease has ended (an end date in the past), the space is free to change and go.
    await app.ok('leases.update', { id: lease, endDate: '2024-12-31' })
    expect((await app.ok('spaces.update', { id: floor, status: 'vacant' })).status).toBe('vacant')
    await app.ok('spaces.delete', { id: floor })
    await app.ok('buildings.delete', { id: tower })
  })

  it('leaves a space under a lease that starts later on the market (vacant or reserved), but not sold or deleted', async () => {
    const floor = (await app.ok('spaces.create', { buildingId: tower, floorLabel: '15', area: 800, status: 'vacant' })).id
    const start = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10)
    await app.ok('leases.create', { tenantId: tenant, spaceIds: [floor], startDate: start })
    // The lease covers the space from its start day: until then it stays vacant, and may be reserved (意向).
    expect((await app.ok('spaces.list', { buildingId: tower })).find((s) => s.id === floor)?.status).toBe('vacant')
    expect((await app.ok('spaces.update', { id: floor, status: 'reserved' })).status).toBe('reserved')
    expect((await app.ok('spaces.update', { id: floor, status: 'vacant' })).status).toBe('vacant')
    // Sold or owner-occupied would contradict the signed lease; so would deleting the space.
    expect(await app.call('spaces.update', { id: floor, status: 'sold' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'status' } })
    expect((await app.call('spaces.delete', { id: floor })).ok).toBe(false)
  })

  it('edits a building whose cluster was deleted without asking for the cluster again', async () => {
    const { id: cluster } = await app.ok('clusters.create', { name: '惠工方圆金融楼宇集聚区', districtCode: '210103' })
    await app.ok('buildings.update', { id: tower, clusterId: cluster })
    await app.ok('clusters.delete', { id: cluster })
    const edited = await app.call('buildings.update', { id: tower, clusterId: cluster, notes: '大堂已翻新' })
    expect(edited).toMatchObject({ ok: true, value: { notes: '大堂已翻新' } })
    // Choosing a deleted cluster anew is still refused.
    const { id: other } = await app.ok('buildings.create', { name: '新地中心', districtCode: '210103' })
    expect(await app.call('buildings.update', { id: other, clusterId: cluster })).toMatchObject({ ok: false, error: { field: 'clusterId' } })
  })

  it('keeps plot ratios in order against the stored values, and district codes county-level', async () => {
    const { id } = await app.ok('parcels.create', { code: 'HN-1', name: '浑南地块', districtCode: '210112', landUse: 'm0', status: 'listed', plotRatioMin: 1.2, plotRatioMax: 3 })
    expect(await app.call('parcels.update', { id, plotRatioMax: 0.5 })).toMatchObject({ ok: false, error: { field: 'plotRatioMax', message: '容积率上限：不能小于下限（1.2）' } })
    expect((await app.ok('parcels.get', { id })).plotRatioMax).toBe(3)
    for (const code of ['999999', '210100', '110000']) {
      expect(await app.call('districts.create', { code, name: '某区', city: '某市', province: '某省' })).toMatchObject({ ok: false, error: { field: 'code' } })
    }
  })

  it('refuses a photo over 40 MB by its size, before reading it', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'panorama.jpg')
    fs.writeFileSync(file, '')
    fs.truncateSync(file, 41 * 1024 * 1024) // sparse: nothing is really written
    const upload = await app.services.registerFile(file)
    if (!upload.ok) throw new Error(upload.error.message)
    const result = await app.call('photos.add', { ownerKind: 'building', ownerId: tower, uploadId: upload.value.uploadId })
    expect(result).toMatchObject({ ok: false, error: { field: 'uploadId', message: '照片：文件过大（41.0 MB），不能超过 40 MB' } })
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
