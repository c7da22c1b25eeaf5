import { describe, expect, it } from 'vitest'
import { changedFields } from '../../src/renderer/src/lib/form'
import { buildingFormOf, buildingInputOf } from '../../src/renderer/src/features/buildings/buildingForm'
import { parkFormOf, parkInputOf } from '../../src/renderer/src/features/parks/parkForm'
import { freshAppPerTest } from '../helpers/store'

// Areas stored before the 1 m² minimum (issue 12): 占地面积 took 0, every other area anything
// above 0. Editing such a record must still work: an optional area's 0 means "not known", and an
// edit form sends only the fields the person changed.

describe('records with areas stored before the 1 m² minimum', () => {
  const t = freshAppPerTest()
  /** Writes areas straight into the file, as an older version could have stored them. */
  const legacy = (table: 'buildings' | 'parks' | 'spaces', id: string, values: Record<string, number>) => {
    const sets = Object.keys(values).map((column) => `${column} = @${column}`).join(', ')
    t.app.store.sqlite.prepare(`UPDATE ${table} SET ${sets} WHERE id = @id`).run({ ...values, id })
  }
  const building = async () => (await t.app.ok('buildings.create', { name: '财富中心', districtCode: '210103' })).id

  it('takes 0 in an optional area as not known, and still refuses 0.5 and negatives', async () => {
    const id = await building()
    const saved = await t.app.ok('buildings.update', { id, landArea: 0, totalArea: 0 })
    expect(saved).toMatchObject({ landArea: null, totalArea: null })
    const { id: parkId } = await t.app.ok('parks.create', { name: '智造园', theme: '智能制造', districtCode: '210103', status: 'planned', landArea: 0, totalArea: 0, subParks: [{ name: '一期', area: 0 }] })
    expect(await t.app.ok('parks.get', { id: parkId })).toMatchObject({ landArea: null, totalArea: null, subParks: [{ area: null }] })
    const refused = await t.app.call('buildings.update', { id, landArea: 0.5 })
    expect(refused).toMatchObject({ ok: false, error: { message: '占地面积：不能小于 1 m²' } })
    expect(await t.app.call('buildings.update', { id, landArea: -3 })).toMatchObject({ ok: false, error: { message: '占地面积：不能为负数' } })
  })

  it('saves an edit of a building whose stored areas are 0 and 0.5 m², leaving them as they were', async () => {
    const id = await building()
    legacy('buildings', id, { land_area: 0, total_area: 0.5 })
    const loaded = (await t.app.ok('buildings.get', { id })).building
    expect(loaded).toMatchObject({ landArea: 0, totalArea: 0.5 })
    const form = buildingFormOf(loaded)
    const before = buildingInputOf(form)
    const edited = buildingInputOf({ ...form, name: '财富中心A座' })
    // The whole form sent back is refused for the untouched 0.5 m²; what changed alone is saved.
    expect(await t.app.call('buildings.update', { id, ...edited })).toMatchObject({ ok: false, error: { message: '总建筑面积：不能小于 1 m²' } })
    expect(changedFields(edited, before)).toEqual({ name: '财富中心A座' })
    const saved = await t.app.ok('buildings.update', { id, ...changedFields(edited, before) })
    expect(saved).toMatchObject({ name: '财富中心A座', landArea: 0, totalArea: 0.5 })
  })

  it('saves an edit of a park whose stored 占地面积 is 0 and total area 0.5 m²', async () => {
    const park = await t.app.ok('parks.create', { name: '智造园', theme: '智能制造', districtCode: '210103', status: 'planned' })
    legacy('parks', park.id, { land_area: 0, total_area: 0.5 })
    const form = parkFormOf(await t.app.ok('parks.get', { id: park.id }))
    expect(form).toMatchObject({ landArea: '0', totalArea: '0.5' })
    const edited = parkInputOf({ ...form, status: 'operating' })
    const saved = await t.app.ok('parks.update', { id: park.id, ...changedFields(edited, parkInputOf(form)) })
    expect(saved).toMatchObject({ status: 'operating', landArea: 0, totalArea: 0.5 })
  })

  it('sends a changed area, so a new value is still held to the minimum', () => {
    const before = { name: 'a', area: 0.5, rows: [{ id: '1', area: 2 }] }
    expect(changedFields({ ...before, area: 0.6 }, before)).toEqual({ area: 0.6 })
    expect(changedFields({ ...before, rows: [{ id: '1', area: 3 }] }, before)).toEqual({ rows: [{ id: '1', area: 3 }] })
    expect(changedFields({ ...before }, before)).toEqual({})
  })
})
