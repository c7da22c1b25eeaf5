import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it, vi } from 'vitest'
import type { Job } from '../../src/shared/types'
import type { ExportFile } from '../../src/shared/exports'
import { writeWorkbook } from '../helpers/importSheets'
import { runtimePerTest, type TestRuntime } from '../helpers/runtime'

// Imports and exports through the store runtime: the file is checked by a reader, the import and
// the export run as jobs in the writer — longer than the writer's deadline, with a write waiting
// behind the import — and the export's file is served by a reader from disk.

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 })

const t = runtimePerTest()

const HEADER = ['楼宇名称', '所在区', '经度', '纬度', '楼层', '房号', '面积', '使用状态']

async function finished(app: TestRuntime, jobId: string): Promise<Job> {
  let job: Job | undefined
  await vi.waitFor(
    async () => {
      job = await app.ok('jobs.get', { id: jobId })
      expect(job.state).not.toBe('running')
    },
    { timeout: 150_000, interval: 100 },
  )
  return job!
}

describe('import and export jobs in the store runtime', () => {
  it('runs an import and an export in the writer past its write deadline without restarting it, and serves the file from a reader', async () => {
    // A deadline far below what the import takes: an overdue call on a writer that still answers
    // a ping is given more time, so a long job (and a write queued behind it) is never cut off.
    const app = await t.start({ writeTimeoutMs: 300 })
    const rows: Array<Array<string | number>> = [HEADER]
    for (let b = 0; b < 150; b++) {
      for (let s = 0; s < 20; s++) rows.push([`测试大厦${b}`, '沈河区', 123.4 + b / 1000, 41.8, `${1 + (s % 10)}F`, `${100 + s}`, String(100 + s), '空置'])
    }
    const file = await writeWorkbook(path.join(app.dir, '空间.xlsx'), { 空间: rows })
    const upload = await app.runtime.receiveUpload(Readable.from([fs.readFileSync(file)]), '空间.xlsx')
    if (!upload.ok) throw new Error(upload.error.message)
    const { uploadId } = upload.value

    // Checked by a reader (read-only: a write there would fail).
    const preview = await app.ok('imports.preview', { uploadId })
    expect(preview).toMatchObject({ created: 150, rejected: [] })

    const writerBefore = app.runtime.workers().find((w) => w.role === 'writer')!
    const { jobId } = await app.ok('imports.run', { uploadId })
    const queued = app.call('clusters.create', { name: '导入时新建的聚集区', districtCode: '210103' })
    expect(await finished(app, jobId)).toMatchObject({ state: 'done', message: expect.stringMatching(/^已导入：新增 150/) })
    expect(await queued).toMatchObject({ ok: true })
    expect(await app.ok('buildings.list', {})).toHaveLength(150)
    expect(await app.ok('imports.list', {})).toHaveLength(1)

    const exported = await app.ok('exports.start', { format: 'xlsx' })
    expect(await finished(app, exported.jobId)).toMatchObject({ state: 'done' })
    const writerAfter = app.runtime.workers().find((w) => w.role === 'writer')!
    expect(writerAfter).toMatchObject({ pid: writerBefore.pid, generation: writerBefore.generation })

    const job = await app.ok('jobs.get', { id: exported.jobId })
    const made: ExportFile = await app.ok('exports.get', { id: job.resultId! })
    const asset = await app.runtime.readAsset(`/${made.assetPath}`)
    expect(asset).toMatchObject({ filePath: expect.any(String), size: made.size, downloadName: made.fileName })
    expect(fs.statSync((asset as { filePath: string }).filePath).size).toBe(made.size)
  })
})
