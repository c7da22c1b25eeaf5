import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { freshAppPerTest, pickFile } from '../helpers/store'
import { runImportJob, sha256, writeWorkbook } from '../helpers/importSheets'

// The import as a job: progress, cancel (nothing written), a column mapped by hand, a default district.

describe('running an import', () => {
  const t = freshAppPerTest()

  it('cancelled while writing: rolled back, nothing written, no batch', { timeout: 60_000 }, async () => {
    const rows: Array<Array<string | number>> = [['楼宇名称', '所属区县', '可租面积', '空置面积']]
    for (let i = 0; i < 2000; i++) rows.push([`楼宇${i}`, '沈河区', 1000, 100])
    const file = await writeWorkbook(path.join(t.dir, '大表.xlsx'), { 楼宇: rows })
    t.app.store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const before = sha256(t.app.file)
    const uploadId = await pickFile(t.app, file)
    const { jobId } = await t.app.ok('imports.run', { uploadId })
    // Wait until the first rows are written, then cancel.
    for (;;) {
      const job = await t.app.ok('jobs.get', { id: jobId })
      if (job.done > 0 || job.state !== 'running') break
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    expect((await t.app.ok('jobs.get', { id: jobId })).state).toBe('running')
    await t.app.ok('jobs.cancel', { id: jobId })
    const job = await t.app.services.ctx.jobs.wait(jobId)
    expect(job).toMatchObject({ state: 'cancelled', message: '已取消', resultId: null })
    expect(await t.app.ok('buildings.list', {})).toEqual([])
    expect(await t.app.ok('imports.list', {})).toEqual([])
    t.app.store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    expect(sha256(t.app.file)).toBe(before)
    // The upload is kept: the person can run it again.
    const again = await t.app.ok('imports.run', { uploadId })
    const done = await t.app.services.ctx.jobs.wait(again.jobId)
    expect(done).toMatchObject({ state: 'done', done: 2000, total: 2000, message: '已导入：新增 2000，更新 0' })
    expect((await t.app.ok('stats.summary', {})).buildings).toBe(2000)
    // …and discarded once it has run.
    expect(await t.app.call('imports.preview', { uploadId })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('takes a column mapped by hand, ignores one mapped to nothing, and applies the default district', async () => {
    const file = await writeWorkbook(path.join(t.dir, '楼宇.xlsx'), {
      楼宇: [['物业名', '总建筑面积', '内部备注'], ['华府大厦', 20000, '不要导入'], ['国贸中心', '2.5万平方米', '不要导入']],
    })
    const uploadId = await pickFile(t.app, file)
    const inspection = await t.app.ok('imports.inspect', { uploadId })
    expect(inspection.sheets[0]!.columns).toEqual([
      { index: 0, header: '物业名', field: null },
      { index: 1, header: '总建筑面积', field: 'totalArea' },
      { index: 2, header: '内部备注', field: null },
    ])
    expect(inspection.fields.buildings.find((f) => f.key === 'name')).toEqual({ key: 'name', label: '楼宇名称', required: true })
    const options = { uploadId, kind: 'buildings' as const, mapping: { '0': 'name', '2': null }, districtCode: '210102' }
    const preview = await t.app.ok('imports.preview', options)
    expect(preview).toMatchObject({ created: 2, rejected: [] })
    const job = await runImportJob(t.app, file, { kind: 'buildings', mapping: { '0': 'name', '2': null }, districtCode: '210102' })
    expect(job.state).toBe('done')
    const buildings = await t.app.ok('buildings.list', {})
    expect(buildings.map((b) => [b.name, b.districtCode, b.totalArea, b.notes]).sort()).toEqual([
      ['华府大厦', '210102', 20000, null],
      ['国贸中心', '210102', 25000, null],
    ])
  })

  it('refuses a sheet whose kind cannot be told, and a run of an unknown upload', async () => {
    const file = await writeWorkbook(path.join(t.dir, '杂表.xlsx'), { 表: [['甲', '乙'], ['1', '2']] })
    const uploadId = await pickFile(t.app, file)
    expect(await t.app.call('imports.preview', { uploadId })).toMatchObject({
      ok: false, error: { message: '导入类型：无法从表头判断是楼宇、地块还是园区，请选择导入类型并核对表头' },
    })
    expect(await t.app.call('imports.run', { uploadId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false, error: { code: 'not_found', message: '导入文件：找不到该上传文件（可能已导入或已过期），请重新选择文件' },
    })
  })
})
