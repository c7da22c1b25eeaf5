import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BackupEntry, BackupStatus, RestoreResult, StoreFileCheck } from '../../src/shared/backup'
import { type StoreRuntime, startStoreRuntime } from '../../src/main/runtime/pool'
import { addBuildings, backUp, buildingNames, integrityOk, overwritePages, truncate } from '../helpers/restoreDrill'
import { tempDir } from '../helpers/store'

// The drill of issue 12 through the store runtime: a store with data, a backup, the store damaged;
// the runtime starts in recovery mode (only backup.* answer, the damaged file untouched), the
// backup is restored through dispatch, and the app runs on it again. And a restore while calls
// are in flight: those sent before it finish first, those sent after wait for it; none is lost.

// Worker processes start from source through tsx here: seconds each on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 })

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function setUp(): Promise<{ dir: string; file: string; backup: BackupEntry['id'] }> {
  const dir = tempDir('site-atlas-drill-')
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, 'site-atlas.db')
  await addBuildings(file, ['甲楼', '乙楼'])
  const backup = path.basename(await backUp(file, path.join(dir, 'backups')))
  await addBuildings(file, ['丙楼'])
  return { dir, file, backup }
}

async function start(file: string): Promise<StoreRuntime> {
  const runtime = await startStoreRuntime({ file, actor: 'tester', testHooks: true, readers: 1 })
  cleanups.unshift(() => runtime.shutdown())
  return runtime
}

const value = async <T>(answer: Promise<unknown>): Promise<T> => {
  const result = (await answer) as { ok: boolean; value?: T; error?: unknown }
  if (!result.ok) throw new Error(`failed: ${JSON.stringify(result.error)}`)
  return result.value as T
}
const names = (list: unknown) => (list as Array<{ name: string }>).map((b) => b.name).sort()

describe('recovery mode and the restore drill', () => {
  it('starts on a truncated store in recovery, answers only backup.*, restores the backup and runs on it', async () => {
    const { dir, file, backup } = await setUp()
    truncate(file)
    const damaged = fs.readFileSync(file)

    const runtime = await start(file)
    expect(runtime.storeState()).toMatchObject({ state: 'unavailable', problem: 'damaged', message: expect.stringMatching(/^数据文件已损坏：文件被截断/), file })
    // The renderer asks meta.info first: it is told the store is unavailable, as is every other method.
    for (const method of ['meta.info', 'buildings.list', 'backup.create']) {
      expect(await runtime.dispatch(method, {})).toMatchObject({ ok: false, error: { code: 'store_unavailable', message: expect.stringMatching(/^数据文件暂时无法使用：数据文件已损坏：文件被截断.*。原文件保持原样未做改动，请从备份恢复$/) } })
    }
    expect(JSON.parse((await runtime.dispatchEncoded('buildings.list', {}, false)).body.toString())).toMatchObject({ ok: false, error: { code: 'store_unavailable' } })
    expect(await runtime.dispatch('no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    expect(await runtime.readAsset('photos/abc')).toBeNull()

    const status = await value<BackupStatus>(runtime.dispatch('backup.status', {}))
    expect(status).toMatchObject({ store: { state: 'unavailable', problem: 'damaged', file }, folder: path.join(dir, 'backups'), lastBackup: { id: backup, folder: 'local', reason: 'manual' } })
    expect((await value<BackupEntry[]>(runtime.dispatch('backup.list', {}))).map((b) => b.id)).toEqual([backup])
    const preview = await value<StoreFileCheck>(runtime.dispatch('backup.preview', { source: { folder: 'local', id: backup } }))
    expect(preview).toMatchObject({ ok: true, summary: { counts: { buildings: 2 }, newestChange: { actor: 'tester' } } })
    expect(fs.readFileSync(file)).toEqual(damaged) // nothing so far touched the damaged file

    const restored = await value<RestoreResult>(runtime.dispatch('backup.restore', { source: { folder: 'local', id: backup } }))
    expect(restored).toMatchObject({ safetyBackup: null, restored: { counts: { buildings: 2 } } })
    expect(fs.readFileSync(restored.damagedCopy!)).toEqual(damaged)

    // Out of recovery: the workers run on the restored file, reads and writes as before.
    expect(runtime.storeState()).toEqual({ state: 'ok' })
    expect(names(await value(runtime.dispatch('buildings.list', {})))).toEqual(['乙楼', '甲楼'])
    await value(runtime.dispatch('buildings.create', { name: '丁楼', districtCode: '210103' }))
    expect(names(await value(runtime.dispatch('buildings.list', {})))).toEqual(['丁楼', '乙楼', '甲楼'])
    expect(integrityOk(file)).toBe(true)
  })

  it('refuses a damaged backup in recovery: still in recovery, the damaged store untouched', async () => {
    const { dir, file, backup } = await setUp()
    overwritePages(file)
    const damaged = fs.readFileSync(file)
    overwritePages(path.join(dir, 'backups', backup))

    const runtime = await start(file)
    expect(runtime.storeState()).toMatchObject({ state: 'unavailable', problem: 'damaged' })
    expect(await value<StoreFileCheck>(runtime.dispatch('backup.preview', { source: { folder: 'local', id: backup } }))).toMatchObject({ ok: false, problem: 'damaged' })
    expect(await runtime.dispatch('backup.restore', { source: { folder: 'local', id: backup } })).toMatchObject({
      ok: false, error: { code: 'invalid', message: expect.stringMatching(/^备份文件：数据文件已损坏.*当前数据文件未做任何改动$/) },
    })
    expect(await runtime.dispatch('backup.restore', { source: { folder: 'local', id: 'site-atlas-20200101-000000-manual.db' } })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await runtime.dispatch('backup.restore', { source: { folder: 'local', id: '../site-atlas.db' } })).toMatchObject({ ok: false, error: { code: 'invalid' } })
    expect(runtime.storeState()).toMatchObject({ state: 'unavailable' })
    expect(fs.readFileSync(file)).toEqual(damaged)
    expect(fs.readdirSync(dir).filter((name) => name.includes('.damaged-') || name.includes('.restoring'))).toEqual([])
  })

  it('restores while reads and writes are in flight: earlier calls finish first, later ones wait, none is lost', async () => {
    const { dir, file, backup } = await setUp()
    const runtime = await start(file)
    expect(names(await value(runtime.dispatch('buildings.list', {})))).toEqual(['丙楼', '乙楼', '甲楼'])
    const generations = runtime.workers().map((w) => w.generation)

    const create = (name: string) => runtime.dispatch('buildings.create', { name, districtCode: '210103' })
    const before = ['前1', '前2', '前3', '前4'].map(create)
    const readBefore = runtime.dispatch('buildings.list', {})
    const restore = runtime.dispatch('backup.restore', { source: { folder: 'local', id: backup } })
    const after = ['后1', '后2', '后3'].map(create)
    const readAfter = runtime.dispatch('buildings.list', {})

    for (const answer of [...before, ...after]) expect(await answer).toMatchObject({ ok: true })
    const restored = await value<RestoreResult>(restore)
    // Sent before the restore: answered before it began, so in the backup of the state it replaced.
    expect(buildingNames(path.join(dir, 'backups', restored.safetyBackup!.id))).toEqual(['丙楼', '乙楼', '甲楼', '前1', '前2', '前3', '前4'].sort())
    // A read sent before it was answered from the store it replaced (beside the writes, in any order with them).
    const readEarlier = names(await value(readBefore))
    expect(readEarlier).toEqual(expect.arrayContaining(['丙楼', '乙楼', '甲楼']))
    expect(readEarlier.filter((name) => name.startsWith('后'))).toEqual([])
    // Sent after it: waited, then written to the restored store.
    expect(names(await value(readAfter))).toEqual(['乙楼', '甲楼', '后1', '后2', '后3'].sort())
    expect(names(await value(runtime.dispatch('buildings.list', {})))).toEqual(['乙楼', '甲楼', '后1', '后2', '后3'].sort())
    // Every worker was stopped and started again.
    expect(runtime.workers().map((w) => w.generation)).toEqual(generations.map((g) => g + 1))
    expect(restored.damagedCopy).toBeNull()
  })

  it('refuses a foreign upload with every worker back on the old store', async () => {
    const { dir, file } = await setUp()
    const runtime = await start(file)
    const foreign = path.join(dir, 'not-a-backup.db')
    fs.writeFileSync(foreign, 'SQLite format 2? no: a text file someone named .db')
    const picked = await runtime.registerFile(foreign)
    if (!picked.ok) throw new Error(picked.error.message)

    const before = fs.readFileSync(file)
    expect(await runtime.dispatch('backup.restore', { source: { uploadId: picked.value.uploadId } })).toMatchObject({
      ok: false, error: { code: 'invalid', field: 'source', message: expect.stringMatching(/^备份文件：不是 Site Atlas 数据文件.*当前数据文件未做任何改动$/) },
    })
    expect(fs.readFileSync(file)).toEqual(before)
    expect(fs.readFileSync(foreign, 'utf8')).toMatch(/^SQLite format 2/) // a picked file stays where it was
    expect(runtime.storeState()).toEqual({ state: 'ok' })
    expect(runtime.workers().every((w) => w.generation === 2)).toBe(true)
    await value(runtime.dispatch('buildings.create', { name: '戊楼', districtCode: '210103' }))
    expect(names(await value(runtime.dispatch('buildings.list', {})))).toEqual(['丙楼', '乙楼', '戊楼', '甲楼'].sort())
    expect(integrityOk(file)).toBe(true)
  })
})
