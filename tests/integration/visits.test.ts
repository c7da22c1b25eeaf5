import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SiteRef } from '../../src/shared/mapSites'
import { openTestApp, type TestApp } from '../helpers/store'

// Investor visits (招商接洽): a company shown some sites on a date, with notes and a follow-up.

describe('investor visits', () => {
  let app: TestApp
  let tower: SiteRef
  let land: SiteRef
  let park: SiteRef
  beforeEach(async () => {
    app = await openTestApp()
    tower = { kind: 'building', id: (await app.ok('buildings.create', { name: '茂业中心', districtCode: '210103' })).id }
    land = {
      kind: 'parcel',
      id: (await app.ok('parcels.create', { code: 'HN-2025-01', name: '浑南智造地块', districtCode: '210112', landUse: 'm0', status: 'listed' })).id,
    }
    park = { kind: 'park', id: (await app.ok('parks.create', { name: '数字经济产业园', theme: '数字经济', districtCode: '210103', status: 'operating' })).id }
  })
  afterEach(async () => {
    await app.close()
  })

  const visitLog = () => app.store.db.selectFrom('changeLog').selectAll().where('tableName', '=', 'visits').orderBy('seq').execute()

  it('records a visit with the sites shown in order, named, and logs every field including the sites', async () => {
    const { id } = await app.ok('visits.create', {
      company: ' 沈阳新松机器人自动化股份有限公司 ',
      date: '2025-03-12',
      staff: '王磊',
      contactName: '李经理',
      contactPhone: '024-2345 6789',
      sites: [land, tower, land],
      notes: '关注 M0 用地与总部办公',
      followUpDate: '2025-03-26',
    })
    const visit = await app.ok('visits.get', { id })
    expect(visit).toMatchObject({
      id, company: '沈阳新松机器人自动化股份有限公司', date: '2025-03-12', staff: '王磊', contactName: '李经理', contactPhone: '024-2345 6789',
      notes: '关注 M0 用地与总部办公', followUpDate: '2025-03-26', deletedAt: null, isDemo: false,
    })
    // Picked twice, shown once; in the order picked.
    expect(visit.sites).toEqual([
      { ...land, name: '浑南智造地块', deleted: false },
      { ...tower, name: '茂业中心', deleted: false },
    ])

    const log = await visitLog()
    expect(log.every((l) => l.op === 'insert' && l.rowId === id && l.actor === 'tester')).toBe(true)
    expect(Object.fromEntries(log.map((l) => [l.field, JSON.parse(l.newValue!)]))).toEqual({
      company: '沈阳新松机器人自动化股份有限公司', date: '2025-03-12', staff: '王磊', contactName: '李经理', contactPhone: '024-2345 6789',
      notes: '关注 M0 用地与总部办公', followUpDate: '2025-03-26', sites: [land, tower],
    })
    // One transaction, one clock stamp.
    expect(new Set(log.map((l) => l.hlc)).size).toBe(1)
  })

  it('lists newest first, finds by company, staff or notes, and by a site shown', async () => {
    const a = (await app.ok('visits.create', { company: '华为技术有限公司', date: '2025-01-05', staff: '王磊', sites: [tower] })).id
    const b = (await app.ok('visits.create', { company: '沈阳机床集团', date: '2025-02-10', staff: '赵敏', notes: '考察浑南地块，关注 50% 容积率', sites: [land, park] })).id
    const c = (await app.ok('visits.create', { company: '东软集团', date: '2025-02-10', staff: '王磊', sites: [tower, park] })).id

    // Same date: the one recorded later comes first.
    expect((await app.ok('visits.list', {})).map((v) => v.id)).toEqual([c, b, a])
    expect((await app.ok('visits.list', { q: '华为' })).map((v) => v.id)).toEqual([a])
    expect((await app.ok('visits.list', { q: '王磊' })).map((v) => v.id)).toEqual([c, a])
    expect((await app.ok('visits.list', { q: '浑南地块' })).map((v) => v.id)).toEqual([b])
    // LIKE wildcards in the query are taken literally.
    expect((await app.ok('visits.list', { q: '50%' })).map((v) => v.id)).toEqual([b])
    expect(await app.ok('visits.list', { q: '_' })).toEqual([])
    expect((await app.ok('visits.list', { q: '%' })).map((v) => v.id)).toEqual([b])
    expect((await app.ok('visits.list', { site: tower })).map((v) => v.id)).toEqual([c, a])
    expect((await app.ok('visits.list', { site: park })).map((v) => v.id)).toEqual([c, b])
    expect((await app.ok('visits.list', { site: park, q: '东软' })).map((v) => v.id)).toEqual([c])
    // Each visit in the list carries its sites, named.
    const [listed] = await app.ok('visits.list', { site: land })
    expect(listed!.sites.map((s) => s.name)).toEqual(['浑南智造地块', '数字经济产业园'])
  })

  it('refuses sites that do not exist or were deleted, naming them, and writes nothing', async () => {
    const ghost = randomUUID()
    const missing = await app.call('visits.create', { company: '东软集团', date: '2025-02-10', sites: [tower, { kind: 'parcel', id: ghost }] })
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid', field: 'sites', message: `推介资源：第 2 处地块不存在（编号 ${ghost}），请重新选择` } })

    // A building id given as a park is no park.
    const wrongKind = await app.call('visits.create', { company: '东软集团', date: '2025-02-10', sites: [{ kind: 'park', id: tower.id }] })
    expect(wrongKind).toMatchObject({ ok: false, error: { field: 'sites', message: `推介资源：第 1 处园区不存在（编号 ${tower.id}），请重新选择` } })

    await app.ok('parks.delete', { id: park.id })
    const deleted = await app.call('visits.create', { company: '东软集团', date: '2025-02-10', sites: [park] })
    expect(deleted).toMatchObject({ ok: false, error: { field: 'sites', message: '推介资源：园区“数字经济产业园”已被删除，请先恢复或移除它' } })

    expect(await app.store.db.selectFrom('visits').select('id').execute()).toEqual([])
    expect(await app.store.db.selectFrom('visitSites').select('visitId').execute()).toEqual([])
    expect(await visitLog()).toEqual([])
  })

  it('says which field is wrong in Chinese', async () => {
    const empty = await app.call('visits.create', { company: '  ', date: '2025-13-01' })
    expect(empty.ok).toBe(false)
    const issues = !empty.ok ? empty.error.issues : []
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'company', message: '企业名称：必填' }),
      expect.objectContaining({ field: 'date', message: '接洽日期：不是有效日期' }),
    ]))
    const early = await app.call('visits.create', { company: '东软集团', date: '2025-02-10', followUpDate: '2025-02-01' })
    expect(early).toMatchObject({ ok: false, error: { field: 'followUpDate', message: '跟进日期：不能早于接洽日期（2025-02-10）' } })
    const phone = await app.call('visits.create', { company: '东软集团', date: '2025-02-10', contactPhone: '请拨总机' })
    expect(phone).toMatchObject({ ok: false, error: { field: 'contactPhone', message: '联系电话：只能包含数字、空格和 + - ( )' } })
  })

  it('updates fields and sites, logging old and new; keeps a site deleted since when editing notes', async () => {
    const { id } = await app.ok('visits.create', { company: '东软集团', date: '2025-02-10', sites: [tower, land], followUpDate: '2025-02-20' })
    const updated = await app.ok('visits.update', { id, sites: [park, tower], notes: '二次考察', followUpDate: null })
    expect(updated.sites.map((s) => s.name)).toEqual(['数字经济产业园', '茂业中心'])
    expect(updated).toMatchObject({ notes: '二次考察', followUpDate: null })
    const sitesLog = (await visitLog()).filter((l) => l.op === 'update' && l.field === 'sites')
    expect(sitesLog.map((l) => [JSON.parse(l.oldValue!), JSON.parse(l.newValue!)])).toEqual([[[tower, land], [park, tower]]])
    expect((await app.ok('visits.list', { site: land })).map((v) => v.id)).toEqual([])

    // The follow-up date is checked against the stored visit date.
    const early = await app.call('visits.update', { id, followUpDate: '2025-01-01' })
    expect(early).toMatchObject({ ok: false, error: { field: 'followUpDate' } })

    // The park is deleted after the visit: the visit still records it and can still be edited.
    await app.ok('parks.delete', { id: park.id })
    const noted = await app.ok('visits.update', { id, notes: '园区已撤销', sites: [park, tower] })
    expect(noted.sites).toEqual([
      { ...park, name: '数字经济产业园', deleted: true },
      { ...tower, name: '茂业中心', deleted: false },
    ])
    // …but it cannot be added again elsewhere, and a new missing site is refused.
    const { id: other } = await app.ok('visits.create', { company: '华为技术有限公司', date: '2025-03-01' })
    expect(await app.call('visits.update', { id: other, sites: [park] })).toMatchObject({ ok: false, error: { field: 'sites' } })
    expect((await app.ok('visits.get', { id: other })).sites).toEqual([])

    // Nothing changed: nothing logged.
    const before = (await visitLog()).length
    await app.ok('visits.update', { id, notes: '园区已撤销', sites: [park, tower] })
    expect((await visitLog()).length).toBe(before)
  })

  it('deletes and restores a visit; the site pages stop and start listing it', async () => {
    const { id } = await app.ok('visits.create', { company: '东软集团', date: '2025-02-10', sites: [tower] })
    await app.ok('visits.delete', { id })
    expect(await app.ok('visits.list', { site: tower })).toEqual([])
    expect((await app.ok('visits.get', { id })).deletedAt).not.toBeNull()
    expect((await app.ok('visits.list', { includeDeleted: true })).map((v) => v.id)).toEqual([id])
    expect(await app.call('visits.update', { id, notes: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found', message: '接洽记录：找不到该记录（可能已被删除）' } })
    expect(await app.call('visits.delete', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } })

    // Restored even though its building was deleted meanwhile: it is a record of what was shown.
    await app.ok('buildings.delete', { id: tower.id })
    await app.ok('visits.restore', { id })
    const restored = await app.ok('visits.get', { id })
    expect(restored).toMatchObject({ deletedAt: null, sites: [{ ...tower, name: '茂业中心', deleted: true }] })
    expect(await app.call('visits.restore', { id })).toMatchObject({ ok: false, error: { code: 'conflict', message: '接洽记录：该记录未被删除，无需恢复' } })
    expect((await visitLog()).map((l) => l.op)).toEqual(expect.arrayContaining(['delete', 'restore']))
    expect(await app.call('visits.get', { id: randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found', message: '接洽记录：找不到该记录' } })
  })
})
