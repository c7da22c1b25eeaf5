import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodInput } from '../../src/shared/api'
import { creditCodeCheckChar } from '../../src/shared/creditCode'
import { openTestApp, type TestApp } from '../helpers/store'

/** A valid code for a Shenhe-registered company (prefix 91 210103) with the given 9-character body. */
const validCode = (body: string) => {
  const first17 = `91210103${body}`
  return first17 + creditCodeCheckChar(first17)!
}

describe('tenants', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await openTestApp()
  })
  afterEach(async () => {
    await app.close()
  })

  const tenantRows = () => app.store.db.selectFrom('tenants').selectAll().execute()

  it('creates a tenant, keeps booleans as 0/1 and answers with booleans', async () => {
    const code = validCode('MA0U1A2B3')
    const { id } = await app.ok('tenants.create', {
      name: '沈阳数智科技有限公司',
      creditCode: code.toLowerCase(),
      industry: 'I',
      aboveScale: true,
      annualTax: 3_200_000,
      staff: 120,
    })
    const [row] = await tenantRows()
    expect(row).toMatchObject({ creditCode: code, aboveScale: 1, registeredInDistrict: 0 })

    const { tenant, leases } = await app.ok('tenants.get', { id })
    expect(tenant).toMatchObject({ name: '沈阳数智科技有限公司', creditCode: code, aboveScale: true, registeredInDistrict: false, isDemo: false })
    expect(leases).toEqual([])

    const updated = await app.ok('tenants.update', { id, registeredInDistrict: true, aboveScale: false })
    expect(updated).toMatchObject({ aboveScale: false, registeredInDistrict: true })
    const log = await app.store.db.selectFrom('changeLog').selectAll().where('rowId', '=', id).where('op', '=', 'update').execute()
    expect(log.map((l) => [l.field, l.oldValue, l.newValue]).sort()).toEqual([
      ['aboveScale', '1', '0'],
      ['registeredInDistrict', '0', '1'],
    ])
  })

  it('asks the person to accept a credit code whose check character does not match, and keeps it once accepted', async () => {
    const code = validCode('123456789')
    const wrongCheck = code.slice(0, 17) + (code[17] === '0' ? '1' : '0')
    const asked = await app.call('tenants.create', { name: '某企业', creditCode: wrongCheck })
    expect(asked).toMatchObject({
      ok: false,
      error: { code: 'needs_confirmation', field: 'creditCode', warnings: [{ code: 'creditCode.checkDigit', field: 'creditCode' }] },
    })
    expect(await tenantRows()).toHaveLength(0)

    const { id } = await app.ok('tenants.create', { name: '某企业', creditCode: wrongCheck, accept: ['creditCode.checkDigit'] })
    expect((await app.ok('tenants.get', { id })).tenant.creditCode).toBe(wrongCheck)
    // Stored and accepted once: editing another field does not ask again.
    await app.ok('tenants.update', { id, creditCode: wrongCheck, staff: 12 })
    // Typing another such code asks again.
    const other = validCode('987654321')
    const otherWrong = other.slice(0, 17) + (other[17] === '0' ? '1' : '0')
    expect(await app.call('tenants.update', { id, creditCode: otherWrong })).toMatchObject({ ok: false, error: { code: 'needs_confirmation' } })
  })

  it('stores an early pilot-area code (91350211M00013FA1N) once accepted; wrong length or letters stay refused', async () => {
    const pilot = '91350211M00013FA1N'
    expect(await app.call('tenants.create', { name: '厦门试点企业', creditCode: pilot })).toMatchObject({ ok: false, error: { code: 'needs_confirmation' } })
    const { id } = await app.ok('tenants.create', { name: '厦门试点企业', creditCode: pilot.toLowerCase(), accept: ['creditCode.checkDigit'] })
    expect((await app.ok('tenants.get', { id })).tenant.creditCode).toBe(pilot)

    const short = await app.call('tenants.create', { name: '某企业', creditCode: pilot.slice(0, 17), accept: ['creditCode.checkDigit'] })
    expect(short).toMatchObject({ ok: false, error: { code: 'invalid', field: 'creditCode', message: '统一社会信用代码：应为 18 位' } })
    const letter = await app.call('tenants.create', { name: '某企业', creditCode: `${pilot.slice(0, 17)}O`, accept: ['creditCode.checkDigit'] })
    expect(letter).toMatchObject({ ok: false, error: { code: 'invalid', field: 'creditCode' } })
    expect(await tenantRows()).toHaveLength(1)
  })

  it('keeps a credit code to one live tenant, across create, update and restore', async () => {
    const code = validCode('A1B2C3D4E')
    const first = await app.ok('tenants.create', { name: '辽宁甲公司', creditCode: code })
    const second = await app.ok('tenants.create', { name: '辽宁乙公司', creditCode: validCode('000000001') })

    const duplicate = await app.call('tenants.create', { name: '辽宁丙公司', creditCode: code })
    expect(duplicate).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'creditCode', message: '统一社会信用代码：已被企业“辽宁甲公司”使用' },
    })
    expect(await tenantRows()).toHaveLength(2)

    const stolen = await app.call('tenants.update', { id: second.id, creditCode: code })
    expect(stolen).toMatchObject({ ok: false, error: { code: 'conflict', field: 'creditCode' } })
    expect((await app.ok('tenants.get', { id: second.id })).tenant.creditCode).toBe(validCode('000000001'))

    // Saving a tenant with its own code is no conflict.
    await app.ok('tenants.update', { id: first.id, creditCode: code, staff: 10 })

    // Once the holder is deleted the code is free; restoring the holder then collides.
    await app.ok('tenants.delete', { id: first.id })
    await app.ok('tenants.update', { id: second.id, creditCode: code })
    const restore = await app.call('tenants.restore', { id: first.id })
    expect(restore).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'creditCode', message: '统一社会信用代码：已被企业“辽宁乙公司”使用' },
    })
    expect((await app.ok('tenants.get', { id: first.id })).tenant.deletedAt).not.toBeNull()
  })

  it('lists by search text and by building', async () => {
    const tower = await app.ok('buildings.create', { name: '茂业中心', districtCode: '210103' })
    const other = await app.ok('buildings.create', { name: '新地中心', districtCode: '210103' })
    const space = await app.ok('spaces.create', { buildingId: tower.id, floorLabel: '12', area: 800, status: 'vacant' })
    const a = await app.ok('tenants.create', { name: '沈阳云图信息技术有限公司', creditCode: validCode('Y00000001') })
    await app.ok('tenants.create', { name: '辽宁金廊商贸有限公司' })
    await app.ok('leases.create', { tenantId: a.id, spaceIds: [space.id] })

    const names = async (input: MethodInput<'tenants.list'>) => (await app.ok('tenants.list', input)).map((t) => t.name).sort()
    expect(await names({ q: '云图' })).toEqual(['沈阳云图信息技术有限公司'])
    expect(await names({ q: '有限公司' })).toEqual(['沈阳云图信息技术有限公司', '辽宁金廊商贸有限公司'].sort())
    expect(await names({ q: validCode('Y00000001') })).toEqual(['沈阳云图信息技术有限公司'])
    expect(await names({ buildingId: tower.id })).toEqual(['沈阳云图信息技术有限公司'])
    expect(await names({ buildingId: other.id })).toEqual([])
  })

  it('refuses to delete a tenant with a current lease, and deletes and restores it once the lease has ended', async () => {
    const b = await app.ok('buildings.create', { name: '财富中心', districtCode: '210103' })
    const space = await app.ok('spaces.create', { buildingId: b.id, floorLabel: '20', area: 1500, status: 'vacant' })
    const { id } = await app.ok('tenants.create', { name: '盛京金融服务有限公司' })
    const lease = await app.ok('leases.create', { tenantId: id, spaceIds: [space.id], startDate: '2024-01-01', endDate: '2099-12-31' })

    const refused = await app.call('tenants.delete', { id })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'not_empty', message: '企业：“盛京金融服务有限公司”还有 1 份未到期的租约，请先删除租约或填写到期日期后再删除企业' },
    })
    expect(await app.ok('tenants.list', {})).toHaveLength(1)

    await app.ok('leases.update', { id: lease.id, endDate: '2024-12-31' })
    await app.ok('tenants.delete', { id })
    expect(await app.ok('tenants.list', {})).toHaveLength(0)
    expect((await app.ok('tenants.list', { includeDeleted: true })).map((t) => t.id)).toEqual([id])
    expect(await app.ok('tenants.list', { q: '盛京金融' })).toHaveLength(0)

    await app.ok('tenants.restore', { id })
    expect((await app.ok('tenants.list', { q: '盛京金融' })).map((t) => t.id)).toEqual([id])
    const again = await app.call('tenants.restore', { id })
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('counts in a building\'s annual tax only the tenants registered in the district', async () => {
    const { id: buildingId } = await app.ok('buildings.create', { name: '财富中心', districtCode: '210103' })
    const unit = async (u: string) => (await app.ok('spaces.create', { buildingId, floorLabel: '12', unit: u, area: 300, status: 'vacant' })).id
    const here = await app.ok('tenants.create', { name: '沈阳本地科技有限公司', registeredInDistrict: true, annualTax: 3_000_000 })
    const away = await app.ok('tenants.create', { name: '外地分公司', registeredInDistrict: false, annualTax: 50_000_000 })
    await app.ok('leases.create', { tenantId: here.id, spaceIds: [await unit('01')] })
    await app.ok('leases.create', { tenantId: away.id, spaceIds: [await unit('02')] })
    const [listed] = await app.ok('buildings.list', {})
    expect(listed).toMatchObject({ tenantCount: 2, annualTax: 3_000_000 })
    expect((await app.ok('buildings.get', { id: buildingId })).building.annualTax).toBe(3_000_000)
  })

})
