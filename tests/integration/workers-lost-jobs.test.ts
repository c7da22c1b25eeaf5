import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it, vi } from 'vitest'
import { writeWorkbook } from '../helpers/importSheets'
import { runtimePerTest } from '../helpers/runtime'

// A job runs in the writer's memory: when the writer is lost mid-job, the wizard polling it is told
// the job failed and why, not "not found".

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 })

const t = runtimePerTest()
const HEADER = ['楼宇名称', '所在区', '经度', '纬度', '楼层', '房号', '面积', '使用状态']

describe('a job whose writer was lost', () => {
  it('is reported by jobs.get as failed with a Chinese sentence, on both paths, and cancelling it is a no-op', async () => {
    const app = await t.start({ readers: 1 })
    const rows: Array<Array<string | number>> = [HEADER]
    for (let b = 0; b < 300; b++) for (let s = 0; s < 20; s++) rows.push([`测试大厦${b}`, '沈河区', 123.4 + b / 1000, 41.8, `${1 + (s % 10)}F`, `${100 + s}`, 100 + s, '空置'])
    const file = await writeWorkbook(path.join(app.dir, '空间.xlsx'), { 空间: rows })
    const upload = await app.runtime.receiveUpload(Readable.from([fs.readFileSync(file)]), '空间.xlsx')
    if (!upload.ok) throw new Error(upload.error.message)

    const { jobId } = await app.ok('imports.run', { uploadId: upload.value.uploadId })
    process.kill(app.runtime.workers()[0]!.pid!, 'SIGKILL') // as the system would, out of memory
    await vi.waitFor(() => expect(app.runtime.workers()[0]).toMatchObject({ generation: 2, pid: expect.any(Number) }), { timeout: 60_000 })

    const job = await app.ok('jobs.get', { id: jobId })
    expect(job).toMatchObject({ id: jobId, kind: 'import', state: 'failed', message: expect.stringMatching(/^导入任务中断：后台数据进程已重启/) })
    const body = JSON.parse((await app.runtime.dispatchEncoded('jobs.get', { id: jobId }, false)).body.toString('utf8')) as unknown
    expect(body).toEqual({ ok: true, value: job })
    expect(await app.call('jobs.cancel', { id: jobId })).toEqual({ ok: true, value: null })
    // Nothing of it was written; an unknown id is still not found.
    expect(await app.ok('buildings.list', {})).toEqual([])
    expect(await app.call('jobs.get', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
