import path from 'node:path'
import type { Kysely } from 'kysely'
import { describe, expect, it, vi } from 'vitest'
import type { Database } from '../../src/main/store/schema'
import { freshAppPerTest } from '../helpers/store'
import { runImportJob, writeWorkbook } from '../helpers/importSheets'

// An import's plan (seconds for a large sheet) is made before its write takes the store's write
// lock, so other saves are not held up meanwhile; a save landing in between makes it plan again,
// never apply a plan of an older store.

const planned = vi.hoisted(() => ({ inTransaction: [] as boolean[], after: null as null | (() => Promise<void>) }))

vi.mock('../../src/main/services/imports/importer', async (original) => {
  const actual = await original<typeof import('../../src/main/services/imports/importer')>()
  return {
    ...actual,
    planImport: async (db: Kysely<Database>, ...rest: unknown[]) => {
      planned.inTransaction.push(db.isTransaction)
      const plan = await (actual.planImport as (...args: unknown[]) => ReturnType<typeof actual.planImport>)(db, ...rest)
      const after = planned.after
      planned.after = null
      await after?.()
      return plan
    },
  }
})

const HEADER = ['楼宇名称', '所在区', '经度', '纬度', '楼层', '房号', '面积', '使用状态']
const sheet = () => [HEADER, ['财富中心', '沈河区', 123.4512, 41.8021, '12F', '1201', 320, '空置'], ['长春国贸', '长春市朝阳区', 125.3245, 43.8868, '5', 'A', 1000, '待租']]

describe('an import run', () => {
  const t = freshAppPerTest()

  it('plans outside the write transaction', async () => {
    planned.inTransaction.length = 0
    const file = await writeWorkbook(path.join(t.dir, '空间.xlsx'), { 空间: sheet() })
    const job = await runImportJob(t.app, file)
    expect(job).toMatchObject({ state: 'done' })
    expect(planned.inTransaction).toEqual([false])
    expect((await t.app.ok('buildings.list', {})).map((b) => b.name).sort()).toEqual(['财富中心', '长春国贸'].sort())
  })

  it('plans again, outside, when a save lands between its plan and its write', async () => {
    planned.inTransaction.length = 0
    const file = await writeWorkbook(path.join(t.dir, '空间.xlsx'), { 空间: sheet() })
    // The first plan's store is changed before the write: a building of the same name appears.
    planned.after = async () => void (await t.app.ok('buildings.create', { name: '财富中心', districtCode: '210103', lng: 123.44, lat: 41.79 }))
    const job = await runImportJob(t.app, file)
    expect(job).toMatchObject({ state: 'done' })
    expect(planned.inTransaction).toEqual([false, false])
    // Planned against the store with that building: updated, not made twice.
    expect((await t.app.ok('buildings.list', {})).filter((b) => b.name === '财富中心')).toHaveLength(1)
  })
})
