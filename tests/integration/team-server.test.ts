import { createHash } from 'node:crypto'
import http from 'node:http'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { SyncOp } from '../../src/shared/sync'
import { EXISTENCE_FIELD, rowState, shownValues } from '../../src/shared/syncMerge'
import { PUSH_MAX_OPS, SERVER_MAX_BODY_BYTES, type ServerRole } from '../../src/shared/syncProtocol'
import { hashPassword, type ScryptParams } from '../../src/main/teamServer/passwords'
import { insertUser } from '../../src/main/teamServer/pg/accounts'
import { startTeamServer, type TeamServer } from '../../src/main/teamServer/server'
import { startPostgres, type TestPostgres } from '../helpers/postgres'
import { api, FakeDevice, login, pullAll } from '../helpers/teamServerApi'

// The team server against a real PostgreSQL (a throwaway cluster for this file, a database per test).
// Passwords are hashed at a lower scrypt cost here to keep the file quick; team-server-cli.test.ts
// runs the real cost through the admin commands.

const CHEAP: ScryptParams = { N: 2 ** 12, r: 8, p: 1, keylen: 32 }
const PASSWORD = 'correct horse 9'

let cluster: TestPostgres
const open: Array<{ close(): Promise<void> }> = []

beforeAll(async () => {
  cluster = await startPostgres()
}, 60_000)
afterAll(async () => {
  await cluster?.stop()
})
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close()
})

function pool(url: string): pg.Pool {
  const p = new pg.Pool({ connectionString: url, max: 4 })
  open.push({ close: () => p.end() })
  return p
}

async function server(pgUrl: string): Promise<TeamServer> {
  const s = await startTeamServer({ pgUrl, port: 0, passwordParams: CHEAP, log: () => {} })
  open.push(s)
  return s
}

async function addUser(db: pg.Pool, name: string, role: ServerRole): Promise<void> {
  expect(await insertUser(db, name, role, await hashPassword(PASSWORD, CHEAP))).toBe(true)
}

/** A fresh database with a server on it and an editor, a viewer and an admin. */
async function setUp() {
  const url = await cluster.createDatabase()
  const s = await server(url)
  const db = pool(url)
  await addUser(db, 'editor1', 'editor')
  await addUser(db, 'viewer1', 'viewer')
  await addUser(db, 'admin1', 'admin')
  return { url, server: s, db }
}

describe('accounts and tokens', () => {
  it('signs in with the right password only, and names nothing about which part was wrong', async () => {
    const { server: s } = await setUp()
    const ok = await api(s.url, '/login', { json: { user: 'editor1', password: PASSWORD, device: 'd1' } })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ user: 'editor1', role: 'editor', serverId: s.serverId })
    expect(ok.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const hours = (Date.parse(ok.body.expiresAt) - Date.now()) / 3600_000
    expect(hours).toBeGreaterThan(11.9)
    expect(hours).toBeLessThanOrEqual(12)

    const who = await api(s.url, '/whoami', { token: ok.body.token })
    expect(who.status).toBe(200)
    expect(who.body).toMatchObject({ user: 'editor1', role: 'editor', serverId: s.serverId })

    const wrong = await api(s.url, '/login', { json: { user: 'editor1', password: 'nope-nope', device: 'd1' } })
    const nobody = await api(s.url, '/login', { json: { user: 'ghost', password: PASSWORD, device: 'd1' } })
    expect(wrong.status).toBe(401)
    expect(nobody.status).toBe(401)
    expect(wrong.body).toEqual({ error: 'unauthorized', message: '账号或密码不正确' })
    expect(nobody.body).toEqual(wrong.body)
  })

  it('keeps only a hash of each token, and refuses missing, forged and expired ones', async () => {
    const { server: s, db } = await setUp()
    const token = await login(s.url, 'viewer1', PASSWORD)
    const { rows } = await db.query<{ token_sha256: Buffer; device: string }>('SELECT token_sha256, device FROM tokens')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.token_sha256.equals(createHash('sha256').update(token).digest())).toBe(true)
    expect(rows[0]!.device).toBe('dev-test')
    const dump = JSON.stringify((await db.query('SELECT * FROM tokens')).rows)
    expect(dump).not.toContain(token)

    expect((await api(s.url, '/whoami')).body.error).toBe('unauthorized')
    expect((await api(s.url, '/whoami', { token: 'x'.repeat(43) })).status).toBe(401)
    expect((await api(s.url, '/pull', { token: `${token.slice(0, -1)}A` })).status).toBe(401)

    await db.query("UPDATE tokens SET expires_at = now() - interval '1 second'")
    const expired = await api(s.url, '/pull', { token })
    expect(expired.status).toBe(401)
    expect(expired.body).toEqual({ error: 'token_expired', message: '登录已过期：请重新登录' })
  })

  it('slows logins down after five wrong passwords in a row, even for the right one, across instances', async () => {
    const { url, server: s } = await setUp()
    const other = await server(url)
    for (let i = 0; i < 5; i++) {
      const res = await api(i % 2 ? other.url : s.url, '/login', { json: { user: 'editor1', password: `wrong-${i}`, device: 'd' } })
      expect(res.body.message).toBe('账号或密码不正确')
    }
    // The sixth wrong one is still checked (and counted); after it, even the right password waits.
    expect((await api(s.url, '/login', { json: { user: 'editor1', password: 'wrong-5', device: 'd' } })).status).toBe(401)
    const held = await api(other.url, '/login', { json: { user: 'editor1', password: PASSWORD, device: 'd' } })
    expect(held.status).toBe(401)
    expect(held.body.message).toMatch(/^登录失败次数过多：请 \d+ 秒后再试$/)
  })

  it('lets a viewer pull but not push or upload photos; editors and admins push', async () => {
    const { server: s } = await setUp()
    const viewer = await login(s.url, 'viewer1', PASSWORD)
    const device = new FakeDevice('dev-a')
    const ops = [device.op('buildings', 'b1', 'insert', 'name', '财富中心')]
    const refused = await api(s.url, '/push', { token: viewer, json: { ops } })
    expect(refused.status).toBe(403)
    expect(refused.body).toEqual({ error: 'forbidden', message: '权限不足：只读账号不能上传修改，请联系管理员' })
    const bytes = new TextEncoder().encode('photo')
    const digest = createHash('sha256').update(bytes).digest('hex')
    expect((await api(s.url, `/blobs/${digest}`, { method: 'PUT', token: viewer, bytes })).status).toBe(403)
    expect((await api(s.url, '/pull', { token: viewer })).body).toEqual({ ops: [], cursor: '0', more: false })

    for (const user of ['editor1', 'admin1']) {
      const token = await login(s.url, user, PASSWORD)
      const res = await api(s.url, '/push', { token, json: { ops: [device.op('buildings', 'b1', 'update', 'notes', user)] } })
      expect(res.body).toEqual({ accepted: 1, duplicates: 0, missingBlobs: [] })
    }
    const pulled = await pullAll(s.url, viewer)
    expect(pulled.ops.map((op) => JSON.parse(op.value!))).toEqual(['editor1', 'admin1'])
    expect(pulled.cursor).not.toBe('0')
  })
})

describe('operations', () => {
  it('stores a push once however often it is sent, and pages the pull by cursor', async () => {
    const { server: s, db } = await setUp()
    const token = await login(s.url, 'editor1', PASSWORD)
    const device = new FakeDevice('dev-a')
    const insert = device.op('buildings', 'b1', 'insert', 'name', '财富中心')
    const ops: SyncOp[] = [insert]
    for (let i = 0; i < 24; i++) ops.push(device.op('buildings', 'b1', 'update', 'floorsAbove', i, [ops.at(-1)!.id]))
    expect((await api(s.url, '/push', { token, json: { ops } })).body).toEqual({ accepted: 25, duplicates: 0, missingBlobs: [] })
    expect((await api(s.url, '/push', { token, json: { ops } })).body).toEqual({ accepted: 0, duplicates: 25, missingBlobs: [] })
    // Half old, half new, and one sent twice in the same page.
    const more = [device.op('buildings', 'b2', 'insert', 'name', '金融大厦')]
    const mixed = [...ops.slice(10), ...more, more[0]!]
    expect((await api(s.url, '/push', { token, json: { ops: mixed } })).body).toEqual({ accepted: 1, duplicates: 16, missingBlobs: [] })
    expect(Number((await db.query('SELECT count(*) FROM ops')).rows[0].count)).toBe(26)

    const paged = await pullAll(s.url, token, '0', 7)
    expect(paged.ops).toEqual([...ops, ...more])
    const first = await api(s.url, '/pull?after=0&limit=7', { token })
    expect(first.body.ops).toHaveLength(7)
    expect(first.body.more).toBe(true)
    const rest = await pullAll(s.url, token, first.body.cursor)
    expect(rest.ops).toEqual([...ops, ...more].slice(7))
    // Nothing new: the cursor stays where it is.
    expect((await api(s.url, `/pull?after=${paged.cursor}`, { token })).body).toEqual({ ops: [], cursor: paged.cursor, more: false })
    expect((await api(s.url, '/pull?after=-1', { token })).status).toBe(400)
    expect((await api(s.url, '/pull?limit=0', { token })).status).toBe(400)
  })

  it('takes photo bytes only by their digest, and an operation naming a photo only once the server holds it', async () => {
    const { server: s, db } = await setUp()
    const token = await login(s.url, 'editor1', PASSWORD)
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 31) % 251)
    const digest = createHash('sha256').update(bytes).digest('hex')
    const device = new FakeDevice('dev-a')
    const ops = [
      device.op('photos', 'p1', 'insert', 'ownerId', 'b1'),
      device.op('photos', 'p1', 'insert', 'bytes', { bytes: bytes.length, sha256: digest }),
    ]
    const first = await api(s.url, '/push', { token, json: { ops } })
    expect(first.body).toEqual({ accepted: 0, duplicates: 0, missingBlobs: [digest] })
    expect(Number((await db.query('SELECT count(*) FROM ops')).rows[0].count)).toBe(0)

    const corrupt = bytes.slice()
    corrupt[5] = corrupt[5]! ^ 1
    const bad = await api(s.url, `/blobs/${digest}`, { method: 'PUT', token, bytes: corrupt })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toBe('照片内容：与其 sha256 不符（传输中损坏？请重试）')
    expect((await api(s.url, `/blobs/${digest}`, { token })).status).toBe(404)
    expect((await api(s.url, '/blobs/not-a-digest', { token })).status).toBe(400)

    expect((await api(s.url, `/blobs/${digest}`, { method: 'PUT', token, bytes })).status).toBe(204)
    expect((await api(s.url, `/blobs/${digest}`, { method: 'PUT', token, bytes })).status).toBe(204)
    expect((await api(s.url, '/push', { token, json: { ops } })).body).toEqual({ accepted: 2, duplicates: 0, missingBlobs: [] })
    const back = await api<Uint8Array>(s.url, `/blobs/${digest}`, { token: await login(s.url, 'viewer1', PASSWORD) })
    expect(back.status).toBe(200)
    expect(Buffer.from(back.body).equals(Buffer.from(bytes))).toBe(true)
    const view = await db.query('SELECT owner_id, bytes_sha256 FROM site_photos')
    expect(view.rows).toEqual([{ owner_id: 'b1', bytes_sha256: digest }])
  })

  it('refuses hostile bodies whole, before writing anything', async () => {
    const { server: s, db } = await setUp()
    const token = await login(s.url, 'editor1', PASSWORD)
    const device = new FakeDevice('dev-a')
    const good = device.op('buildings', 'b1', 'insert', 'name', '财富中心')
    const push = (body: unknown) => api(s.url, '/push', { token, json: body })
    const cases: Array<[unknown, string]> = [
      [{ ops: 'all of them' }, '操作：应为列表'],
      [{ ops: [good], extra: 1 }, '请求内容：'],
      [{ ops: [good, { ...good, id: 'x', hlc: 'yesterday' }] }, '第 2 条操作：时钟：格式不对'],
      [{ ops: [good, { ...good, id: `${good.hlc}:x1` }] }, '第 2 条操作：操作编号：应为「时钟:序号」'],
      [{ ops: [{ ...good, value: '{"name": ' }] }, '第 1 条操作：新值：不是有效的 JSON'],
      [{ ops: [{ ...good, value: '"a\\u0000b"' }] }, '第 1 条操作：新值：不能包含空字符'],
      [{ ops: [{ ...good, value: '"a\\ud800b"' }] }, '第 1 条操作：新值：含有无效的字符'],
      [{ ops: [{ ...good, actor: 'a\ud800' }] }, '第 1 条操作：人员：含有无效的字符'],
      [{ ops: [{ ...good, table: 'buildings; DROP TABLE ops' }] }, '第 1 条操作：表：应为字母和数字组成的名称'],
      [{ ops: [{ ...good, op: 'truncate' }] }, '第 1 条操作：操作：应为 insert/update/delete/restore'],
      [{ ops: [{ ...good, op: 'delete', field: 'name' }] }, '第 1 条操作：字段：删除与恢复应写 deletedAt'],
      [{ ops: [{ ...good, field: null, value: '[1]' }] }, '第 1 条操作：新值：整行插入应为一个对象'],
      [{ ops: [{ ...good, pred: 'p' }] }, '第 1 条操作：前序操作：应为列表'],
      [{ ops: Array.from({ length: PUSH_MAX_OPS + 1 }, () => good) }, `操作：一次最多 ${PUSH_MAX_OPS} 条`],
    ]
    for (const [body, message] of cases) {
      const res = await push(body)
      expect(res.status, message).toBe(400)
      expect(res.body.error).toBe('invalid')
      expect(res.body.message.startsWith(message), `${res.body.message} ≠ ${message}`).toBe(true)
    }
    const notJson = await api(s.url, '/push', { token, bytes: new TextEncoder().encode('{"ops": ['), headers: { 'content-type': 'application/json' } })
    expect(notJson.body).toEqual({ error: 'invalid', message: '请求内容：不是有效的 JSON' })
    const login400 = await api(s.url, '/login', { json: { user: 'editor1' } })
    expect(login400.status).toBe(400)
    expect(login400.body.message).toBe('密码：必填')
    expect((await api(s.url, '/nowhere', { token })).status).toBe(404)
    expect(Number((await db.query('SELECT count(*) FROM ops')).rows[0].count)).toBe(0)

    // Too large, declared up front: refused before the body is read.
    const declared = await rawRequest(s.url, '/api/v1/push', token, { 'content-length': String(SERVER_MAX_BODY_BYTES + 1) }, 'x')
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body)).toEqual({ error: 'too_large', message: '请求内容：超过 64 MB 的上限' })
    // Too large, streamed without a length: refused once the limit is passed.
    const streamed = await rawRequest(s.url, '/api/v1/push', token, { 'transfer-encoding': 'chunked' }, 'x'.repeat(SERVER_MAX_BODY_BYTES + 1024))
    expect(streamed.status, streamed.body).toBe(413)
    expect(Number((await db.query('SELECT count(*) FROM ops')).rows[0].count)).toBe(0)
    // The server still answers afterwards.
    expect((await push({ ops: [good] })).body.accepted).toBe(1)
  })
})

function rawRequest(base: string, path: string, token: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      `${base}${path}`,
      { method: 'POST', headers: { ...headers, authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
      (res) => {
        let text = ''
        res.on('data', (d: Buffer) => (text += d.toString('utf8')))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      },
    )
    // The server may answer (and stop reading) before the whole body is sent.
    req.on('error', reject)
    req.end(body)
  })
}

describe('several instances on one database', () => {
  it('two instances started at once make the schema once; concurrent pushes from several laptops are stored once and a puller following the cursor sees each exactly once', async () => {
    const url = await cluster.createDatabase()
    const [a, b] = await Promise.all([server(url), server(url)])
    expect(a.serverId).toBe(b.serverId)
    const db = pool(url)
    for (const name of ['u1', 'u2', 'u3', 'u4']) await addUser(db, name, 'editor')
    await addUser(db, 'reader', 'viewer')

    // Four laptops, each with its own operations plus a shared set every one of them pushes (as
    // laptops that exchanged packages would), in pages of varied size, alternating instances.
    const shared = new FakeDevice('dev-shared')
    const sharedOps = Array.from({ length: 60 }, (_, i) => shared.op('tenants', `t${i % 6}`, 'update', 'staff', i))
    const laptops = await Promise.all(
      ['u1', 'u2', 'u3', 'u4'].map(async (user, k) => {
        const device = new FakeDevice(`dev-${user}`)
        const own = Array.from({ length: 150 }, (_, i) => device.op('buildings', `b${i % 10}`, 'update', 'notes', `${user}-${i}`))
        const all = [...own]
        sharedOps.forEach((op, i) => all.splice((i * 7 + k * 13) % all.length, 0, op))
        const tokens = [await login(a.url, user, PASSWORD, `dev-${user}`), await login(b.url, user, PASSWORD, `dev-${user}`)]
        return { user, all, tokens }
      }),
    )
    const reader = await login(a.url, 'reader', PASSWORD)
    const urls = [a.url, b.url]

    let pushing = true
    const seen: string[] = []
    const follow = (async () => {
      let cursor = '0'
      let turn = 0
      for (;;) {
        const done = !pushing
        const res = await api<{ ops: SyncOp[]; cursor: string; more: boolean }>(urls[turn++ % 2]!, `/pull?after=${cursor}&limit=37`, {
          token: reader,
        })
        expect(res.status).toBe(200)
        seen.push(...res.body.ops.map((op) => op.id))
        cursor = res.body.cursor
        // One full pass after the last push finished, to collect what it committed.
        if (done && !res.body.more) return
      }
    })()
    await Promise.all(
      laptops.map(async ({ all, tokens }, k) => {
        let i = 0
        let page = 0
        while (i < all.length) {
          const size = 5 + ((page * 11 + k * 3) % 40)
          const slice = all.slice(i, i + size)
          const res = await api(urls[(page + k) % 2]!, '/push', { token: tokens[(page + k) % 2], json: { ops: slice } })
          expect(res.status).toBe(200)
          // Pushed twice, as a laptop whose answer was lost would.
          if (page % 4 === 0) expect((await api(urls[(page + k + 1) % 2]!, '/push', { token: tokens[(page + k + 1) % 2], json: { ops: slice } })).body.accepted).toBe(0)
          i += size
          page += 1
        }
      }),
    )
    pushing = false
    await follow

    const expected = new Set([...sharedOps, ...laptops.flatMap((l) => l.all)].map((op) => op.id))
    expect(expected.size).toBe(60 + 4 * 150)
    expect(seen).toHaveLength(expected.size)
    expect(new Set(seen)).toEqual(expected)
    const { rows } = await db.query<{ count: string; distinct: string }>('SELECT count(*), count(DISTINCT op_id) AS distinct FROM ops')
    expect(rows[0]).toEqual({ count: String(expected.size), distinct: String(expected.size) })
    await expectMergedStateMatches(db)
  })
})

describe('merged state', () => {
  it('keeps every row as rowState computes it from the operations held, queryable by entity views', async () => {
    const { server: s, db } = await setUp()
    const token = await login(s.url, 'editor1', PASSWORD)
    const a = new FakeDevice('dev-a')
    const b = new FakeDevice('dev-b')
    const c = new FakeDevice('dev-c')
    const name = a.op('buildings', 'b1', 'insert', 'name', '财富中心')
    const area = a.op('buildings', 'b1', 'insert', 'totalArea', 52000.5)
    const base = [
      name,
      area,
      a.op('buildings', 'b1', 'insert', 'districtCode', '210106'),
      a.op('buildings', 'b1', 'insert', 'floorsAbove', 38),
      a.op('buildings', 'b2', 'insert', null, { name: '金融大厦', totalArea: 30000, kind: 'office' }),
      a.op('spaces', 's1', 'insert', 'area', 120),
      a.op('spaces', 's1', 'insert', 'divisible', true),
      a.op('leases', 'l1', 'insert', 'spaceIds', ['s2', 's1']),
    ]
    // b and c both rename b1 from what they saw (a conflict); b deletes s1 while c edits it (deleted vs
    // edited); c deletes b2 having seen everything (a plain delete); both set the same area (no conflict).
    const later = [
      b.op('buildings', 'b1', 'update', 'name', '财富中心A座', [name.id]),
      c.op('buildings', 'b1', 'update', 'name', '财富中心 A 座', [name.id]),
      b.op('buildings', 'b1', 'update', 'totalArea', 52100, [area.id]),
      c.op('buildings', 'b1', 'update', 'totalArea', 52100, [area.id]),
      b.op('spaces', 's1', 'delete', EXISTENCE_FIELD, '2026-11-20T00:00:00.000Z', [base[5]!.id, base[6]!.id]),
      c.op('spaces', 's1', 'update', 'area', 125, [base[5]!.id]),
      c.op('buildings', 'b2', 'delete', EXISTENCE_FIELD, '2026-11-21T00:00:00.000Z', [base[4]!.id]),
      c.op('leases', 'l1', 'update', 'spaceIds', ['s1', 's2'], [base[7]!.id]),
    ]
    // Pushed in an order unlike the writing, in two pages.
    await api(s.url, '/push', { token, json: { ops: [...later.slice(4), ...base.slice(0, 3)] } })
    await api(s.url, '/push', { token, json: { ops: [...later.slice(0, 4), ...base.slice(3)] } })
    await expectMergedStateMatches(db)

    const b1 = (await db.query("SELECT * FROM merged_rows WHERE table_name = 'buildings' AND row_id = 'b1'")).rows[0]
    expect(b1.conflicted_fields).toEqual(['name'])
    expect(b1.fields.totalArea).toBe(52100)
    const s1 = (await db.query("SELECT * FROM merged_rows WHERE table_name = 'spaces' AND row_id = 's1'")).rows[0]
    expect(s1).toMatchObject({ deleted: true, conflicted_fields: [EXISTENCE_FIELD] })

    const report = await db.query('SELECT id, name, total_area, floors_above, district_code FROM site_buildings WHERE NOT deleted ORDER BY id')
    const shown = rowState(
      [...base, ...later].filter((op) => op.row === 'b1').map((op) => ({ ...op, value: op.value })),
    ).fields.get('name')!.winner
    expect(report.rows).toEqual([
      { id: 'b1', name: JSON.parse(shown.value!), total_area: 52100, floors_above: 38, district_code: '210106' },
    ])
    const spaces = await db.query('SELECT id, deleted, area, divisible FROM site_spaces')
    expect(spaces.rows).toEqual([{ id: 's1', deleted: true, area: 125, divisible: true }])
    const leases = await db.query('SELECT space_ids FROM site_leases')
    expect(leases.rows[0].space_ids).toEqual(['s1', 's2'])
    expect(Number((await db.query("SELECT count(*) FROM merged_rows WHERE cardinality(conflicted_fields) > 0")).rows[0].count)).toBe(2)
  })
})

/** merged_rows equal, row by row, what shared/syncMerge computes from the server's own operations. */
async function expectMergedStateMatches(db: pg.Pool): Promise<void> {
  const { rows: ops } = await db.query('SELECT op_id, hlc, op, field, new_value, pred, table_name, row_id FROM ops')
  const byRow = new Map<string, typeof ops>()
  for (const op of ops) {
    const key = `${op.table_name}/${op.row_id}`
    byRow.set(key, [...(byRow.get(key) ?? []), op])
  }
  const { rows: merged } = await db.query('SELECT table_name, row_id, deleted, fields, conflicted_fields FROM merged_rows')
  expect(merged).toHaveLength(byRow.size)
  for (const row of merged) {
    const list = byRow.get(`${row.table_name}/${row.row_id}`)!
    const state = rowState(list.map((r) => ({ id: r.op_id, hlc: r.hlc, op: r.op, field: r.field, value: r.new_value, pred: r.pred })))
    const values = Object.fromEntries(Object.entries(shownValues(state)).map(([f, v]) => [f, v === null ? null : JSON.parse(v)]))
    const conflicted = [...state.fields.values()].filter((f) => f.conflicted).map((f) => f.field)
    if (state.deleteConflict && !conflicted.includes(EXISTENCE_FIELD)) conflicted.push(EXISTENCE_FIELD)
    expect(row.fields).toEqual(values)
    expect(row.deleted).toBe(state.deleted)
    expect([...row.conflicted_fields].sort()).toEqual(conflicted.sort())
  }
}
