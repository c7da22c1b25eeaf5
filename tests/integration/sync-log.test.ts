import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/main/store/open'
import { write } from '../../src/main/store/writer'
import { insertRow, softDeleteRow, updateRow } from '../../src/main/store/writer'
import { rowOps } from '../../src/main/store/syncLog'
import { rowState } from '../../src/shared/syncMerge'
import { tempDir } from '../helpers/store'

const author = { deviceId: '11111111-1111-4111-8111-111111111111', actor: '张三' }
const dirs: string[] = []
afterEach(() => dirs.splice(0))

async function districtAndBuilding(file: string, options: { migrateTo?: string } = {}) {
  const store = await openStore(file, options)
  const id = await write(store.db, author, (w) =>
    insertRow(w, 'buildings', { name: '财富中心', kind: 'office', districtCode: '210112', lng: 123.4, lat: 41.7, address: '浑南大道 1 号' }),
  )
  await write(store.db, author, (w) => updateRow(w, 'buildings', id, { name: '财富大厦' }))
  await write(store.db, author, (w) => updateRow(w, 'buildings', id, { name: '财富大厦二期', address: '浑南大道 2 号' }))
  await write(store.db, author, (w) => softDeleteRow(w, 'buildings', id))
  return { store, id }
}

describe('the change log as sync operations', () => {
  it('gives every local operation an id and what it supersedes', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const { store, id } = await districtAndBuilding(path.join(dir, 'a.db'))
    const ops = await rowOps(store.db, 'buildings', id)
    expect(new Set(ops.map((o) => o.id)).size).toBe(ops.length)
    for (const o of ops) expect(o.id.startsWith(`${o.hlc}:`)).toBe(true)
    const names = ops.filter((o) => o.field === 'name')
    expect(names[1]!.pred).toEqual([names[0]!.id])
    expect(names[2]!.pred).toEqual([names[1]!.id])
    const deletion = ops.find((o) => o.op === 'delete')!
    const state = rowState(ops)
    expect(state.deleted).toBe(true)
    expect(state.deleteConflict).toBeNull()
    expect(deletion.pred).toContain(names[2]!.id)
    await store.close()
  })

  it('backfills ids and preds into a log written before sync existed', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const file = path.join(dir, 'old.db')
    const old = await openStore(file, { migrateTo: '010_stats_targets' })
    // The log as the writer of schema 10 left it: no op_id, no pred.
    const log = old.sqlite.prepare(`INSERT INTO change_log (hlc, device_id, actor, table_name, row_id, op, field, old_value, new_value, at)
      VALUES (?, 'd', '张三', 'buildings', 'b1', ?, ?, NULL, ?, '2026-01-01T00:00:00.000Z')`)
    log.run('0001-0000-d', 'insert', null, JSON.stringify({ name: '甲', floors: 3 }))
    log.run('0002-0000-d', 'update', 'name', '"乙"')
    log.run('0003-0000-d', 'update', 'name', '"丙"')
    log.run('0003-0000-d', 'update', 'floors', '4')
    log.run('0004-0000-d', 'delete', 'deletedAt', '"2026-01-02T00:00:00.000Z"')
    await old.close()
    const migrated = await openStore(file, { skipMigrationBackup: true })
    const ops = await rowOps(migrated.db, 'buildings', 'b1')
    expect(ops.map((o) => o.id)).toEqual(ops.map((o) => `${o.hlc}:${o.seq}`))
    const [insert, second, third, floors, deletion] = ops
    expect(second!.pred).toEqual([insert!.id])
    expect(third!.pred).toEqual([second!.id])
    expect(floors!.pred).toEqual([insert!.id])
    expect(new Set(deletion!.pred)).toEqual(new Set([third!.id, floors!.id]))
    const state = rowState(ops)
    expect(state.deleted).toBe(true)
    expect(state.deleteConflict).toBeNull()
    await migrated.close()
  })

})
