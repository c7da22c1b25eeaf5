import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it, vi } from 'vitest'
import { launchStoreRuntime } from '../../src/main/runtime/pool'
import { ENDLESS_QUERY, runtimePerTest } from '../helpers/runtime'
import { tempDir } from '../helpers/store'
import { png1x1 } from '../helpers/tiles'

// The store runtime (src/main/runtime): one writer and two reader processes behind the services'
// surface. Long and stuck work is stopped without stopping anything else.

// Worker processes start from source through tsx here: seconds each on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const t = runtimePerTest()
const settled = <T>(promise: Promise<T>) => {
  const state = { done: false }
  void promise.finally(() => (state.done = true))
  return state
}

describe('the store runtime', () => {
  it('answers reads from readers that see every write the writer committed', async () => {
    const app = await t.start()
    for (let i = 1; i <= 5; i++) {
      await app.ok('clusters.create', { name: `聚集区${i}`, districtCode: '210103' })
      // Each list is answered by a reader (a read-only connection of its own) right after the write.
      expect(await app.ok('clusters.list', {})).toHaveLength(i)
    }
    // The browser host's path: the same envelope, as the body made in the worker.
    const body = async (method: string, input: unknown) => JSON.parse((await app.runtime.dispatchEncoded(method, input, false)).body.toString('utf8')) as unknown
    expect(await body('clusters.list', {})).toEqual(await app.call('clusters.list', {}))
    expect(await body('clusters.create', { name: '' })).toMatchObject({ ok: false, error: { code: 'invalid' } })
    const [writer, ...readers] = app.runtime.workers()
    expect(writer!.role).toBe('writer')
    expect(readers.map((r) => r.role)).toEqual(['reader', 'reader'])
    expect(new Set(app.runtime.workers().map((w) => w.pid)).size).toBe(3)
  })

  it('refuses a write on a reader connection, so a write filed as a read fails instead of racing the writer', async () => {
    const app = await t.start({ readers: 1 })
    const result = await app.runtime.test('reader', { kind: 'sql', statements: ["INSERT INTO settings (key, value, updated_at) VALUES ('x', 'y', 'z')"] })
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/readonly/) } })
  })

  it('lets writes and other reads through while a reader runs a long query, then stops the query and replaces the reader', async () => {
    const app = await t.start({ readTimeoutMs: 4000, pingGraceMs: 500 })
    await app.ok('meta.info', {}) // both readers up before the clock matters
    await app.ok('meta.info', {})
    const long = app.runtime.test('reader', { kind: 'sql', statements: [ENDLESS_QUERY] })
    const state = settled(long)
    const busy = () => app.runtime.workers().find((w) => w.role === 'reader' && w.load > 0)
    await vi.waitFor(() => expect(busy()).toBeDefined())
    const stuck = busy()!

    for (let i = 1; i <= 3; i++) await app.ok('clusters.create', { name: `聚集区${i}`, districtCode: '210103' })
    expect(await app.ok('clusters.list', {})).toHaveLength(3)
    expect(state.done).toBe(false) // all of that happened while the query ran

    const answer = await long
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^操作超时：超过 4 秒仍未完成，已停止/) } })
    await vi.waitFor(() => {
      const replaced = app.runtime.workers().find((w) => w.role === 'reader' && w.pid !== stuck.pid && w.generation === 2)
      expect(replaced?.pid).toBeDefined()
    }, { timeout: 60_000 })
    expect(await app.ok('clusters.list', {})).toHaveLength(3)
    expect(await app.ok('clusters.list', {})).toHaveLength(3)
  })

  it('stops a stuck write and rolls it back: nothing of it is kept and the file stays sound', async () => {
    const app = await t.start({ writeTimeoutMs: 3000, pingGraceMs: 500 })
    await app.ok('clusters.create', { name: '聚集区1', districtCode: '210103' })
    const stuck = app.runtime.test('writer', {
      kind: 'sql',
      inWriteTransaction: true,
      statements: ["INSERT INTO settings (key, value, updated_at) VALUES ('half.done', '1', '2026-01-01T00:00:00Z')", ENDLESS_QUERY],
    })
    // A write sent meanwhile waits behind it and is told it did not happen: interrupted, or timed
    // out itself when its own deadline came first (both are answered, neither is kept).
    const queued = app.call('clusters.create', { name: '聚集区2', districtCode: '210103' })
    // Reads go on meanwhile.
    expect(await app.ok('clusters.list', {})).toHaveLength(1)

    expect(await stuck).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^保存超时：超过 3 秒仍未完成，已中止，数据库中尚未提交的修改已撤销/) } })
    expect(await queued).toMatchObject({ ok: false, error: { message: expect.stringMatching(/中断，请重试|尚未提交的修改已撤销/) } })

    expect(await app.sql('reader', "SELECT count(*) AS n FROM settings WHERE key = 'half.done'")).toEqual([{ n: 0 }])
    await app.ok('clusters.create', { name: '聚集区3', districtCode: '210103' })
    expect((await app.ok('clusters.list', {})).map((c) => c.name).sort()).toEqual(['聚集区1', '聚集区3'])
    expect(await app.sql('writer', 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
  })

  it('answers the calls of a worker that crashed and starts another', async () => {
    const app = await t.start({ readers: 1 })
    await app.ok('meta.info', {})
    const [, reader] = app.runtime.workers()
    const inFlight = app.runtime.test('reader', { kind: 'sql', statements: [ENDLESS_QUERY] })
    await vi.waitFor(() => expect(app.runtime.workers()[1]!.load).toBeGreaterThan(0))
    process.kill(reader!.pid!, 'SIGKILL') // as the system would, out of memory
    expect(await inFlight).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^后台数据进程意外退出，操作未完成，请重试/) } })
    expect(await app.ok('clusters.list', {})).toEqual([])
    expect(app.runtime.workers()[1]).toMatchObject({ generation: 2 })

    // The writer too: a crash answers, and the next write goes to a fresh writer.
    expect(await app.runtime.test('writer', { kind: 'crash' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/意外退出/) } })
    await app.ok('clusters.create', { name: '聚集区', districtCode: '210103' })
    expect(await app.ok('clusters.list', {})).toHaveLength(1)
  })

  it('answers with an error, never hangs, after the runtime is shut down', async () => {
    const app = await t.start({ readers: 1 })
    await app.runtime.shutdown()
    expect(await app.call('clusters.list', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/已关闭/) } })
    expect(await app.call('clusters.create', { name: 'x', districtCode: '210103' })).toMatchObject({ ok: false })
  })

  it('receives an upload on the host whose id the writer then uses (a photo), and serves the photo from a reader', async () => {
    const app = await t.start()
    const building = await app.ok('buildings.create', { name: '测试大厦', districtCode: '210103', lng: 123.45, lat: 41.8 })
    const received = await app.runtime.receiveUpload(Readable.from([Buffer.from(png1x1(200, 10, 10))]), 'front.png')
    if (!received.ok) throw new Error(received.error.message)
    const photo = await app.ok('photos.add', { ownerKind: 'building', ownerId: building.id, uploadId: received.value.uploadId })
    // The writer process downscaled it with sharp (a native module) and re-encoded it as JPEG.
    const asset = await app.runtime.readAsset(`/photos/${photo.id}`)
    expect(asset).toMatchObject({ contentType: 'image/jpeg' })
    expect((asset as { bytes: Uint8Array }).bytes.byteLength).toBe(photo.size)
    expect(await app.runtime.readAsset(`/${photo.thumbnailPath}`)).toMatchObject({ contentType: 'image/jpeg' })
    expect(await app.call('photos.add', { ownerKind: 'building', ownerId: building.id, uploadId: received.value.uploadId })).toMatchObject({ ok: false })
  })

  it('answers calls made before the store is open once it is (the browser host serves meanwhile)', async () => {
    const dir = tempDir('site-atlas-workers-')
    const runtime = launchStoreRuntime({ file: path.join(dir, 'atlas.db'), actor: 'tester' })
    try {
      // Sent at once, before the writer has made the file: the read waits for the writer too.
      const [created, listed] = await Promise.all([
        runtime.dispatch('clusters.create', { name: '聚集区', districtCode: '210103' }),
        runtime.dispatch('meta.info', {}),
      ])
      expect(created).toMatchObject({ ok: true })
      expect(listed).toMatchObject({ ok: true })
      await runtime.ready
      expect(await runtime.dispatch('clusters.list', {})).toMatchObject({ ok: true, value: [{ name: '聚集区' }] })
    } finally {
      await runtime.shutdown()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('answers calls made before the store is open with why it cannot be, when it cannot', async () => {
    const dir = tempDir('site-atlas-workers-')
    const file = path.join(dir, 'atlas.db')
    fs.writeFileSync(file, 'this is a spreadsheet, not a database'.repeat(200))
    const runtime = launchStoreRuntime({ file })
    try {
      const read = runtime.dispatch('meta.info', {})
      const write = runtime.dispatch('clusters.create', { name: '聚集区', districtCode: '210103' })
      await expect(runtime.ready).rejects.toThrow(/不是 Site Atlas 数据文件/)
      expect(await read).toMatchObject({ ok: false, error: { message: expect.stringMatching(/不是 Site Atlas 数据文件/) } })
      expect(await write).toMatchObject({ ok: false, error: { message: expect.stringMatching(/不是 Site Atlas 数据文件/) } })
      // Nothing was written to the file that is not ours.
      expect(fs.readFileSync(file, 'utf8')).toBe('this is a spreadsheet, not a database'.repeat(200))
    } finally {
      await runtime.shutdown()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
