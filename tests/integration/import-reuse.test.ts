import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsedUploads, runImport } from '../../src/main/services/imports/handlers'
import { planImport } from '../../src/main/services/imports/importer'
import type { Plan } from '../../src/main/services/imports/plan'
import { readTable } from '../../src/main/services/imports/read/index'
import { getSetting } from '../../src/main/store/settings'
import { HLC_KEY } from '../../src/main/store/writer'
import { runImportJob, writeWorkbook } from '../helpers/importSheets'
import { freshAppPerTest, pickFile } from '../helpers/store'

// The file is read once per upload (inspect, preview and run share the table) and a run after a
// preview writes the preview's plan, unless the store or the file changed in between.

const HEADER = ['楼宇名称', '所属区县', '可租面积', '空置面积']

/** The id a plan gives the building of its first row. */
function insertedId(plan: Plan): string {
  const op = plan.groups[0]!.ops[0]!
  if (op.op !== 'insert') throw new Error(`expected an insert, got ${op.op}`)
  return op.values.id as string
}

describe('reusing what an upload was read and planned as', () => {
  const t = freshAppPerTest()

  const fileStamp = (file: string) => {
    const stat = fs.statSync(file)
    return { size: stat.size, mtimeMs: stat.mtimeMs }
  }

  it('reads the file once for inspect, preview and run, and forgets it once imported', async () => {
    const file = await writeWorkbook(path.join(t.dir, '楼宇.xlsx'), { 楼宇: [HEADER, ['华府大厦', '沈河区', 1000, 100], ['国贸中心', '和平区', 2000, 0]] })
    const uploadId = await pickFile(t.app, file)
    await t.app.ok('imports.inspect', { uploadId })
    const kept = parsedUploads.table(uploadId, fileStamp(file))
    expect(kept?.sheets[0]?.rows.length).toBe(3)
    expect((await t.app.ok('imports.preview', { uploadId })).created).toBe(2)
    expect(parsedUploads.table(uploadId, fileStamp(file))).toBe(kept)
    const { jobId } = await t.app.ok('imports.run', { uploadId })
    expect(await t.app.services.ctx.jobs.wait(jobId)).toMatchObject({ state: 'done', message: '已导入：新增 2，更新 0' })
    expect(parsedUploads.table(uploadId, fileStamp(file))).toBeNull()
    expect((await t.app.ok('buildings.list', {})).map((b) => b.name).sort()).toEqual(['国贸中心', '华府大厦'].sort())
  })

  it('reads the file again when it changed on disk after inspect', async () => {
    const file = await writeWorkbook(path.join(t.dir, '楼宇.xlsx'), { 楼宇: [HEADER, ['华府大厦', '沈河区', 1000, 100]] })
    const uploadId = await pickFile(t.app, file)
    expect((await t.app.ok('imports.inspect', { uploadId })).sheets[0]!.rows).toBe(1)
    await writeWorkbook(file, { 楼宇: [HEADER, ['华府大厦', '沈河区', 1000, 100], ['国贸中心', '和平区', 2000, 0], ['金廊大厦', '皇姑区', 3000, 0]] })
    expect((await t.app.ok('imports.preview', { uploadId })).created).toBe(3)
  })

  it('plans again when the store was written between preview and run (no duplicate of a building added meanwhile)', async () => {
    const file = await writeWorkbook(path.join(t.dir, '楼宇.xlsx'), { 楼宇: [HEADER, ['华府大厦', '沈河区', 1000, 100]] })
    const uploadId = await pickFile(t.app, file)
    expect(await t.app.ok('imports.preview', { uploadId })).toMatchObject({ created: 1, updated: 0 })
    // Someone imports the same building (another upload of the file) before this run.
    expect(await runImportJob(t.app, file)).toMatchObject({ state: 'done', message: '已导入：新增 1，更新 0' })
    const { jobId } = await t.app.ok('imports.run', { uploadId })
    const job = await t.app.services.ctx.jobs.wait(jobId)
    expect(job?.message).not.toContain('新增 1')
    expect((await t.app.ok('buildings.list', {})).map((b) => b.name)).toEqual(['华府大厦'])
  })

  it('writes a kept plan only while the store stamp it was made at is still the last one', async () => {
    const file = await writeWorkbook(path.join(t.dir, '楼宇.xlsx'), { 楼宇: [HEADER, ['华府大厦', '沈河区', 1000, 100]] })
    const table = await readTable(file, '楼宇.xlsx')
    const { ctx } = t.app.services
    const plan = await planImport(ctx.store.db, ctx.resourcesDir, table, {})
    const stale = { key: 'k', storeStamp: 'a stamp from before', plan }
    await runImport(ctx, table, '楼宇.xlsx', {}, { planned: stale, skipInvalid: true })
    const [first] = await t.app.ok('buildings.list', {})
    expect(first!.id).not.toBe(insertedId(plan))

    const again = await writeWorkbook(path.join(t.dir, '国贸.xlsx'), { 楼宇: [HEADER, ['国贸中心', '和平区', 2000, 0]] })
    const second = await readTable(again, '国贸.xlsx')
    const fresh = await planImport(ctx.store.db, ctx.resourcesDir, second, {})
    const storeStamp = await getSetting(ctx.store.db, HLC_KEY)
    await runImport(ctx, second, '国贸.xlsx', {}, { planned: { key: 'k', storeStamp, plan: fresh } })
    const made = (await t.app.ok('buildings.list', {})).find((b) => b.name === '国贸中心')
    expect(made!.id).toBe(insertedId(fresh))
  })
})
