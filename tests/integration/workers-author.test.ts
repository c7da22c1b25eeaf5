import { describe, expect, it, vi } from 'vitest'
import { runtimePerTest } from '../helpers/runtime'

// The store runtime: the writer process signs every change. A name set in the settings reaches
// the next change without a restart, whichever process answered the settings read before.

// Worker processes start from source through tsx here: seconds each on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

describe('store runtime: the display name', () => {
  const workers = runtimePerTest()

  it('a name set in the settings signs the next change made through the writer', async () => {
    const t = await workers.start({ actor: undefined })
    const { id } = await t.ok('buildings.create', { name: '财富中心', districtCode: '210103' })
    const first = await t.ok('changes.list', { rowId: id, limit: 1 })
    expect(first[0]!.actor).not.toBe('张三')

    await t.ok('settings.set', { key: 'user.name', value: '张三' })
    expect((await t.ok('settings.get', {}))['user.name']).toBe('张三')
    await t.ok('buildings.update', { id, grade: 'a' })
    const [latest] = await t.ok('changes.list', { rowId: id, limit: 1 })
    expect(latest).toMatchObject({ actor: '张三', field: 'grade', newValue: 'a' })
    expect((await t.ok('changes.actors', {})).map((a) => a.actor)[0]).toBe('张三')

    await t.ok('settings.set', { key: 'user.name', value: '李四' })
    await t.ok('buildings.delete', { id })
    const [trashed] = await t.ok('trash.list', {})
    expect(trashed).toMatchObject({ table: 'buildings', id, label: '财富中心', deletedBy: '李四' })
  })

  it('a writer started after the name was set signs with it', async () => {
    const t = await workers.start({ actor: undefined })
    await t.ok('settings.set', { key: 'user.name', value: '王五' })
    await t.runtime.shutdown()
    const { startStoreRuntime } = await import('../../src/main/runtime/pool')
    const again = await startStoreRuntime({ file: t.file, readers: 1 })
    try {
      const created = await again.dispatch('tenants.create', { name: '沈阳数智科技有限公司' })
      expect(created.ok).toBe(true)
      const listed = await again.dispatch('changes.list', { table: 'tenants', limit: 1 })
      expect(listed).toMatchObject({ ok: true, value: [{ actor: '王五', tableName: 'tenants' }] })
    } finally {
      await again.shutdown()
    }
  })
})
