import { describe, expect, it, vi } from 'vitest'
import { runtimePerTest } from '../helpers/runtime'

// A call past its deadline is really stopped: the process running it is replaced, so the next
// call never lands behind it, even when the work yields and still answers pings (an async parse).

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const t = runtimePerTest()

describe('a reader past its deadline', () => {
  it('is killed and replaced even while it still answers pings, and the next read goes to a fresh process', async () => {
    const app = await t.start({ readers: 1, readTimeoutMs: 1500, pingGraceMs: 500 })
    await app.ok('meta.info', {})
    const [, before] = app.runtime.workers()
    const answer = await app.runtime.test('reader', { kind: 'busy', ms: 20_000 })
    expect(answer).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^操作超时：超过 1.5 秒仍未完成，已停止/) } })
    // The process that ran it is gone (no longer a process at all), replaced by a fresh one.
    await vi.waitFor(() => expect(() => process.kill(before!.pid!, 0)).toThrow(), { timeout: 10_000 })
    await vi.waitFor(() => expect(app.runtime.workers()[1]).toMatchObject({ generation: 2, pid: expect.any(Number) }), { timeout: 60_000 })
    expect(app.runtime.workers()[1]!.pid).not.toBe(before!.pid)
    expect(await app.ok('clusters.list', {})).toEqual([])
  })

  it('refuses, unsent, a call that waited for a place on the host past its deadline', async () => {
    const app = await t.start({ readers: 1, writeTimeoutMs: 1500, pingGraceMs: 500 })
    // Long writes (a job's worth) fill every place the writer has; still answering pings, they are given more time.
    const long = Array.from({ length: 8 }, () => app.runtime.test('writer', { kind: 'busy', ms: 6000 }))
    await vi.waitFor(() => expect(app.runtime.workers()[0]!.load).toBe(8))
    const queued = await app.call('clusters.create', { name: '聚集区', districtCode: '210103' })
    expect(queued).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^后台忙：等待超过 1.5 秒仍未轮到，操作未执行/) } })
    for (const answer of await Promise.all(long)) expect(answer).toMatchObject({ ok: true })
    // It was never sent: nothing was written, and the writer takes the next call at once.
    expect(await app.ok('clusters.list', {})).toEqual([])
    await app.ok('clusters.create', { name: '聚集区', districtCode: '210103' })
  })
})
