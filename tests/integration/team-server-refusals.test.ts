import { createHash } from 'node:crypto'
import path from 'node:path'
import fs from 'node:fs'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { SyncOp } from '../../src/shared/sync'
import { EXISTENCE_FIELD } from '../../src/shared/syncMerge'
import { encodeHlc } from '../../src/main/store/hlc'
import { openStore, type Store } from '../../src/main/store/open'
import { tableInfos, type TableInfo, writableField } from '../../src/main/store/syncTables'
import { validateOps } from '../../src/main/store/syncValidate'
import type { LoggedTable } from '../../src/main/store/schema'
import { hashPassword, type ScryptParams } from '../../src/main/teamServer/passwords'
import { insertUser } from '../../src/main/teamServer/pg/accounts'
import { startTeamServer, type TeamServer } from '../../src/main/teamServer/server'
import { startPostgres, type TestPostgres } from '../helpers/postgres'
import { tempDir } from '../helpers/store'
import { api, FakeDevice, login, pullAll } from '../helpers/teamServerApi'
import { runTeamServerCommand } from '../helpers/teamServerProcess'

// What the team server refuses so that a laptop never pulls what its merge refuses (one such
// operation served would stop every laptop's pull: a page is merged all or nothing), judged against
// the laptop's own check (store/syncValidate.ts) on a real store; and logins that cannot be hurried
// past the throttle or used to flood the server.

const CHEAP: ScryptParams = { N: 2 ** 12, r: 8, p: 1, keylen: 32 }
const PASSWORD = 'correct horse 9'

let cluster: TestPostgres
let laptop: Store
let infos: Map<LoggedTable, TableInfo>
let dir: string
const open: Array<{ close(): Promise<void> }> = []

beforeAll(async () => {
  cluster = await startPostgres()
  dir = tempDir()
  laptop = await openStore(path.join(dir, 'atlas.db'))
  infos = tableInfos(laptop.sqlite)
}, 60_000)
afterAll(async () => {
  await laptop?.close()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
  await cluster?.stop()
})
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close()
})

async function setUp(options: { maxConcurrentLogins?: number; passwordParams?: ScryptParams } = {}) {
  const url = await cluster.createDatabase()
  const start = () => startTeamServer({ pgUrl: url, port: 0, passwordParams: options.passwordParams ?? CHEAP, maxConcurrentLogins: options.maxConcurrentLogins, log: () => {} })
  const s: TeamServer = await start()
  open.push(s)
  const db = new pg.Pool({ connectionString: url, max: 2 })
  open.push({ close: () => db.end() })
  expect(await insertUser(db, 'editor1', 'editor', await hashPassword(PASSWORD, options.passwordParams ?? CHEAP))).toBe(true)
  const another = async () => {
    const t = await start()
    open.push(t)
    return t
  }
  return { url, server: s, db, another }
}

/** The laptop's refusal of `ops` ('同步数据第 N 条：…'), or null when its merge would take them. */
function laptopRefusal(ops: SyncOp[]): string | null {
  try {
    validateOps(ops, infos, Date.now())
    return null
  } catch (error) {
    return (error as Error).message
  }
}

const count = async (db: pg.Pool) => Number((await db.query('SELECT count(*) FROM ops')).rows[0].count)

describe('operations a laptop would refuse', () => {
  it('are refused whole with their place, nothing stored, each one a laptop refuses too', async () => {
    const { server: s, db } = await setUp()
    const token = await login(s.url, 'editor1', PASSWORD)
    const device = new FakeDevice('dev-a')
    const good = device.op('buildings', 'b1', 'insert', 'name', '财富中心')
    const stamp = (wall: number) => {
      const hlc = encodeHlc({ wall, counter: 1 }, 'dev-a')
      return { hlc, id: `${hlc}:9` }
    }
    const yearsAhead = stamp(Date.now() + 2 * 366 * 24 * 3600_000)
    const cases: Array<[Partial<SyncOp>, string]> = [
      [{ hlc: '1764547200000-0001-dev-a', id: '1764547200000-0001-dev-a:1' }, '时钟：'],
      [{ hlc: `${good.hlc.slice(0, -5)}dev-b`, id: `${good.hlc.slice(0, -5)}dev-b:1` }, '时钟：与设备号不一致'],
      [{ device: 'dev-b' }, '时钟：与设备号不一致'],
      [yearsAhead, '时钟：远在未来'],
      [{ actor: '' }, '人员：必填'],
      [{ at: '2026-11-01T08:00:00+08:00' }, '时间：应为 UTC 时间'],
      [{ table: 'ghosts' }, '表：不认识的表 ghosts'],
      [{ table: 'changeLog' }, '表：不认识的表 changeLog'],
      [{ field: 'colour' }, '字段：表 buildings 没有可写的字段 colour'],
      [{ field: 'createdAt' }, '字段：表 buildings 没有可写的字段 createdAt'],
      [{ field: 'spaceIds', value: '["s1"]' }, '字段：表 buildings 没有可写的字段 spaceIds'],
      [{ op: 'update', field: EXISTENCE_FIELD, value: '"2026-11-20T00:00:00.000Z"' }, `字段：${EXISTENCE_FIELD} 只能由删除或恢复写入`],
      [{ op: 'delete', field: EXISTENCE_FIELD, value: '"yesterday"' }, '新值：删除应带删除时间'],
      [{ op: 'restore', field: EXISTENCE_FIELD, value: '"2026-11-20T00:00:00.000Z"' }, '新值：恢复的值应为空'],
      [{ row: 'b 1' }, '记录：编号含不允许的字符'],
      [{ table: 'districts', row: 'shenhe', field: 'name' }, '记录：区县代码应为 6 位数字'],
      [{ value: '{"zh": "财富中心"}' }, '新值：name 应为文字、数字或空'],
      [{ value: '["财富中心"]' }, '新值：name 应为文字、数字或空'],
      [{ field: null, value: '{"name": "财富中心", "colour": "red"}' }, '字段：表 buildings 没有可写的字段 colour'],
      [{ field: null, value: '{"name": "财富中心", "deletedAt": null}' }, `字段：${EXISTENCE_FIELD} 只能由删除或恢复写入`],
      [{ table: 'leases', field: 'spaceIds', value: '"s1"' }, '新值：spaceIds 应为房源编号的列表'],
      [{ table: 'visits', field: 'sites', value: '[{"kind": "moon", "id": "m1"}]' }, '新值：sites 应为 { kind, id } 的列表'],
      [{ table: 'spaces', field: 'mergedInto', value: '["s2"]' }, '新值：mergedInto 应为房源编号'],
      [{ table: 'photos', field: 'thumbnail', value: '{"bytes": 3, "sha256": "abc"}' }, '新值：thumbnail 应为 { bytes, sha256 }'],
      [{ pred: ['not-an-op'] }, '前序操作：应为操作编号'],
      [{ pred: Array.from({ length: 10_001 }, () => good.id) }, '前序操作：最多 10000 条'],
    ]
    for (const [change, message] of cases) {
      const bad = { ...good, ...change }
      // The case is real: a laptop's merge refuses it.
      expect(laptopRefusal([good, bad]), message).toMatch(/^同步数据第 2 条：/)
      const res = await api(s.url, '/push', { token, json: { ops: [good, bad] } })
      expect(res.status, `${message}: ${JSON.stringify(res.body)}`).toBe(400)
      expect(res.body.error).toBe('invalid')
      expect(res.body.message.startsWith(`第 2 条操作：${message}`), `${res.body.message} ≠ ${message}`).toBe(true)
    }
    expect(await count(db)).toBe(0)
    expect((await api(s.url, '/push', { token, json: { ops: [good] } })).body.accepted).toBe(1)
  })

  it('takes every field a laptop writes, on every table it logs', async () => {
    const { server: s, db } = await setUp()
    const token = await login(s.url, 'editor1', PASSWORD)
    const photo = new TextEncoder().encode('a photo')
    const sha256 = createHash('sha256').update(photo).digest('hex')
    expect((await api(s.url, `/blobs/${sha256}`, { method: 'PUT', token, bytes: photo })).status).toBe(204)
    const device = new FakeDevice('dev-a')
    const ops: SyncOp[] = []
    for (const [table, info] of infos) {
      const row = table === 'districts' ? '210106' : `${table}-1`
      const fields = [...info.columns.values()].filter((c) => writableField(info, c.field) && c.field !== EXISTENCE_FIELD)
      // Read from the laptop's own schema: its virtual fields as well as its columns (isDemo too).
      const virtual = ({ leases: ['spaceIds'], visits: ['sites'], spaces: ['mergedInto'] } as Record<string, string[]>)[table] ?? []
      const value = (field: string, blob: boolean): unknown =>
        blob
          ? { bytes: photo.length, sha256 }
          : field === 'spaceIds'
            ? ['spaces-1']
            : field === 'sites'
              ? [{ kind: 'building', id: 'buildings-1' }]
              : field === 'mergedInto'
                ? 'spaces-2'
                : 1
      for (const c of fields) ops.push(device.op(table, row, 'insert', c.field, value(c.field, c.blob)))
      for (const field of virtual) ops.push(device.op(table, row, 'update', field, value(field, false)))
      ops.push(device.op(table, `${row.slice(0, -1)}2`, 'insert', null, Object.fromEntries(fields.map((c) => [c.field, value(c.field, c.blob)]))))
      ops.push(device.op(table, row, 'delete', EXISTENCE_FIELD, '2026-11-20T00:00:00.000Z'))
      ops.push(device.op(table, row, 'restore', EXISTENCE_FIELD, null))
    }
    expect(ops.some((op) => op.field === 'isDemo')).toBe(true)
    expect(laptopRefusal(ops)).toBeNull()
    const res = await api(s.url, '/push', { token, json: { ops } })
    expect(res.body).toEqual({ accepted: ops.length, duplicates: 0, missingBlobs: [] })
    expect(await count(db)).toBe(ops.length)
  })
})

describe('logins', () => {
  it('made in parallel across instances cannot pass the throttle on the same count', async () => {
    const { server: a, db, another } = await setUp({ maxConcurrentLogins: 50 })
    const b = await another()
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) => api([a, b][i % 2]!.url, '/login', { json: { user: 'editor1', password: `wrong-${i}`, device: 'd' } })),
    )
    expect(answers.every((r) => r.status === 401)).toBe(true)
    const checked = answers.filter((r) => r.body.message === '账号或密码不正确').length
    const held = answers.filter((r) => /^登录失败次数过多：请 \d+ 秒后再试$/.test(r.body.message)).length
    expect(checked + held).toBe(16)
    // Five free attempts; a sixth only if a second passed since the fifth (the first wait is 1 s).
    expect(checked).toBeGreaterThanOrEqual(5)
    expect(checked).toBeLessThanOrEqual(6)
    const { rows } = await db.query('SELECT failed_logins FROM users WHERE name = $1', ['editor1'])
    expect(rows[0].failed_logins).toBe(checked)
  })

  it('are turned away with 503 and Retry-After past the instance\'s cap, and read at most 4 KB of body', async () => {
    const { server: s } = await setUp({ maxConcurrentLogins: 1, passwordParams: { N: 2 ** 14, r: 8, p: 1, keylen: 32 } })
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(`${s.url}/api/v1/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: 'editor1', password: PASSWORD, device: 'd' }),
        }),
      ),
    )
    const busy = answers.filter((r) => r.status === 503)
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1)
    expect(busy.length).toBeGreaterThanOrEqual(1)
    expect(busy.length + answers.filter((r) => r.status === 200).length).toBe(6)
    expect(busy[0]!.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await busy[0]!.json()).toEqual({ error: 'internal', message: '服务器繁忙：登录的人太多，请稍后重试' })
    await Promise.all(answers.filter((r) => r.status === 200).map((r) => r.arrayBuffer()))

    const big = await api(s.url, '/login', { json: { user: 'editor1', password: PASSWORD, device: 'd'.repeat(5000) } })
    expect(big).toEqual({ status: 413, body: { error: 'too_large', message: '请求内容：超过 4 KB 的上限' } })
    expect((await api(s.url, '/login', { json: { user: 'editor1', password: PASSWORD, device: 'd' } })).status).toBe(200)
  })
})

describe('npm run server -- ops …', () => {
  it('finds an operation stored before the server refused it, and quarantines it: kept and listed, never served again', async () => {
    const { url, server: s, db } = await setUp()
    const token = await login(s.url, 'editor1', PASSWORD)
    const device = new FakeDevice('dev-a')
    const name = device.op('buildings', 'b1', 'insert', 'name', '财富中心')
    const notes = device.op('buildings', 'b1', 'update', 'notes', '南门')
    expect((await api(s.url, '/push', { token, json: { ops: [name, notes] } })).body.accepted).toBe(2)
    // Stored by an earlier server that did not check fields: the laptops refuse the page holding it.
    const bad = device.op('buildings', 'b1', 'update', 'colour', 'red')
    await db.query(
      `INSERT INTO ops (op_id, hlc, device, actor, at, table_name, row_id, op, field, old_value, new_value, pred, received_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, '[]', 'editor1')`,
      [bad.id, bad.hlc, bad.device, bad.actor, bad.at, bad.table, bad.row, bad.op, bad.field, bad.old, bad.value],
    )
    await db.query(`UPDATE merged_rows SET fields = fields || '{"colour": "red"}' WHERE row_id = 'b1'`)
    const later = device.op('buildings', 'b1', 'update', 'floorsAbove', 38)
    expect((await api(s.url, '/push', { token, json: { ops: [later] } })).body.accepted).toBe(1)
    expect(laptopRefusal((await pullAll(s.url, token)).ops)).toMatch(/^同步数据第 3 条：/)

    const ops = (args: string[]) => runTeamServerCommand(['--pg', url, 'ops', ...args])
    const checked = await ops(['check', '--json'])
    expect(checked.code, checked.stderr).toBe(0)
    expect(JSON.parse(checked.stdout)).toEqual([{ id: bad.id, problem: '字段：表 buildings 没有可写的字段 colour' }])
    const done = await ops(['quarantine', bad.id])
    expect(done).toMatchObject({ code: 0, stdout: `已隔离操作 ${bad.id}：不再发给笔记本\n` })
    expect((await ops(['quarantine', bad.id])).stdout).toBe(`操作 ${bad.id} 早已隔离\n`)
    expect(await ops(['quarantine', 'nothing:1'])).toMatchObject({ code: 1, stderr: '操作 nothing:1：不存在\n' })

    const pulled = await pullAll(s.url, token)
    expect(pulled.ops.map((op) => op.id)).toEqual([name.id, notes.id, later.id])
    expect(laptopRefusal(pulled.ops)).toBeNull()
    expect(JSON.parse((await ops(['check', '--json'])).stdout)).toEqual([])
    const listed = await ops(['quarantined', '--json'])
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id: bad.id, table: 'buildings', row: 'b1', field: 'colour', device: 'dev-a', receivedBy: 'editor1' }])
    // Kept, out of the merged state, and not let back in by a push of the same operation.
    expect(await count(db)).toBe(4)
    const fields = (await db.query(`SELECT fields FROM merged_rows WHERE row_id = 'b1'`)).rows[0].fields
    expect(fields).toEqual({ name: '财富中心', notes: '南门', floorsAbove: 38 })
    expect((await api(s.url, '/push', { token, json: { ops: [name] } })).body).toEqual({ accepted: 0, duplicates: 1, missingBlobs: [] })
  }, 60_000)
})
