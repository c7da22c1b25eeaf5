import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'
import type { Result } from '../../src/shared/result'
import { createServices, type Services } from '../../src/main/services'
import { runServerSync, type ServerRunOptions } from '../../src/main/services/sync/serverRun'
import { ServerClient } from '../../src/main/services/sync/serverClient'
import { startServerSyncTimer } from '../../src/main/services/sync/serverTimer'
import { SERVER_CA_FILE } from '../../src/main/services/sync/serverTrust'
import { openStore, type Store } from '../../src/main/store/open'
import { readServerPeer } from '../../src/main/store/syncServer'
import { applyOps } from '../../src/main/store/syncApply'
import { opsSince } from '../../src/main/store/syncExport'
import { runCli } from '../../src/main/cli/main'
import { startPostgres, type TestPostgres } from '../helpers/postgres'
import { addUser, freePort, killAllServers, startServerChild } from '../helpers/teamServerChild'
import { tempDir } from '../helpers/store'
import { png1x1 } from '../helpers/tiles'

// A laptop's sync with the team server (issue 13) against real PostgreSQL and the real server run
// as `npm run server` does, in child processes killed outright to cut a sync off: three copies of
// one data file (three devices) sync through TWO server instances on one database and converge,
// conflicts included; a sync cut off mid-push and mid-pull resumes with nothing lost or doubled.

const PASSWORD = 'correct-horse-9'
const TODAY = '2026-12-02'
const DATA_TABLES = [
  'districts', 'clusters', 'buildings', 'spaces', 'tenants', 'leases', 'parcels', 'parks', 'sub_parks', 'park_hosts',
  'saved_searches', 'photos', 'visits', 'targets', 'target_entries',
]

interface Laptop {
  name: string
  store: Store
  services: Services
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  sync(options?: ServerRunOptions): ReturnType<typeof runServerSync>
  close(): Promise<void>
}

/** A device: its own copy of the data file and its own installation folder (device id). */
async function laptop(name: string, source: string, root: string): Promise<Laptop> {
  const dir = path.join(root, name)
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'atlas.db')
  fs.copyFileSync(source, file)
  const store = await openStore(file)
  const services = await createServices(store, name, { deviceDir: path.join(dir, 'device'), backupSchedule: false })
  const call = (async (method: MethodName, input: unknown) => services.dispatch(method, input)) as Laptop['call']
  const ok = (async (method: MethodName, input: unknown) => {
    const result = await services.dispatch(method, input)
    if (!result.ok) throw new Error(`${name}: ${method} failed: ${JSON.stringify(result.error)}`)
    return result.value
  }) as Laptop['ok']
  return {
    name,
    store,
    services,
    call,
    ok,
    sync: (options = {}) => runServerSync(services.ctx, { today: TODAY, ...options }),
    close: async () => {
      await services.shutdown()
      await store.close()
    },
  }
}

/** What a person sees of a store: every data row (bookkeeping times aside) and every open conflict. */
function stateOf(store: Store): { rows: string; conflicts: string } {
  const rows: Record<string, unknown[]> = {}
  for (const table of DATA_TABLES) {
    const list = store.sqlite.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>
    rows[table] = list
      .map((r) => {
        const { created_at: _c, updated_at: _u, ...rest } = r
        return JSON.stringify(rest, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))
      })
      .sort()
  }
  const conflicts = (store.sqlite.prepare('SELECT table_name, row_id, field, kind, "values" FROM sync_conflicts').all() as Array<Record<string, string>>)
    .map((c) => {
      const values = (JSON.parse(c.values!) as Array<{ hlc: string; shown?: boolean }>).map((v) => v.hlc).sort()
      return `${c.table_name}/${c.row_id}/${c.field}/${c.kind}/${values.join(',')}`
    })
    .sort()
  return { rows: JSON.stringify(rows), conflicts: JSON.stringify(conflicts) }
}

const opIds = (store: Store): string[] => (store.sqlite.prepare('SELECT op_id FROM change_log ORDER BY op_id').all() as Array<{ op_id: string }>).map((r) => r.op_id)

let postgres: TestPostgres
let root: string

beforeAll(async () => {
  postgres = await startPostgres()
  root = tempDir('site-atlas-sync-server-')
}, 120_000)

afterAll(async () => {
  await killAllServers()
  await postgres?.stop()
  if (root) fs.rmSync(root, { recursive: true, force: true })
})

/** A database with its accounts, and a data file every laptop starts from (a building, made on a fourth device). */
async function team(): Promise<{ pgUrl: string; base: string; buildingId: string }> {
  const pgUrl = await postgres.createDatabase()
  for (const [name, role] of [['alice', 'editor'], ['bob', 'editor'], ['carol', 'admin'], ['vic', 'viewer']] as const) addUser(pgUrl, name, role, PASSWORD)
  const dir = tempDir('site-atlas-sync-base-')
  const base = path.join(dir, 'base.db')
  const store = await openStore(base)
  const services = await createServices(store, '初始', { deviceDir: path.join(dir, 'device'), backupSchedule: false })
  const made = await services.dispatch('buildings.create', { name: '财富中心', districtCode: '210103', address: '青年大街 1 号' })
  if (!made.ok) throw new Error(JSON.stringify(made.error))
  await services.shutdown()
  await store.close()
  return { pgUrl, base, buildingId: (made.value as { id: string }).id }
}

async function signIn(l: Laptop, url: string, user: string): Promise<void> {
  await l.ok('sync.server.set', { url, user })
  const view = await l.ok('sync.server.signIn', { password: PASSWORD })
  expect(view.signedIn).toBe(true)
}

async function serverOps(pgUrl: string): Promise<{ total: number; distinct: number; ids: string[] }> {
  const client = new pg.Client({ connectionString: pgUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ op_id: string }>('SELECT op_id FROM ops ORDER BY op_id')
    return { total: rows.length, distinct: new Set(rows.map((r) => r.op_id)).size, ids: rows.map((r) => r.op_id) }
  } finally {
    await client.end()
  }
}

describe('sync with the team server', () => {
  it('three laptops converge through two server instances on one database, the same conflicts on each', async () => {
    const { pgUrl, base, buildingId } = await team()
    const one = await startServerChild(pgUrl)
    const two = await startServerChild(pgUrl)
    const dir = tempDir('site-atlas-sync-three-')
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((n) => laptop(n, base, dir)))
    try {
      await signIn(a!, one.url, 'alice')
      await signIn(b!, two.url, 'bob')
      await signIn(c!, one.url, 'carol')

      // A and B rename the same building differently (a conflict); C changes another field; A adds a building.
      await a!.ok('buildings.update', { id: buildingId, name: '财富中心A座' })
      await b!.ok('buildings.update', { id: buildingId, name: '财富中心B座' })
      await c!.ok('buildings.update', { id: buildingId, address: '青年大街 2 号' })
      const added = await a!.ok('buildings.create', { name: '新世界大厦', districtCode: '210103' })
      // A photo: its bytes go by PUT /blobs when the server names them missing, and come back by GET.
      const photoFile = path.join(dir, '大堂.png')
      fs.writeFileSync(photoFile, png1x1(200, 10, 10))
      const upload = await a!.services.registerFile(photoFile)
      if (!upload.ok) throw new Error(JSON.stringify(upload.error))
      await a!.ok('photos.add', { ownerKind: 'building', ownerId: buildingId, uploadId: upload.value.uploadId, caption: '大堂' })

      const first = await a!.sync()
      expect(first.pushed).toBeGreaterThan(0)
      expect(first.server.lastError).toBeNull()
      await b!.sync()
      // C talks to the other instance this time: either serves the same database.
      await c!.ok('sync.server.set', { url: two.url, user: 'carol' })
      await c!.ok('sync.server.signIn', { password: PASSWORD })
      await c!.sync()
      for (const l of [a!, b!, c!]) await l.sync()

      const states = [a!, b!, c!].map((l) => stateOf(l.store))
      expect(states[1]).toEqual(states[0])
      expect(states[2]).toEqual(states[0])
      const conflicts = JSON.parse(states[0]!.conflicts) as string[]
      expect(conflicts.some((k) => k.startsWith(`buildings/${buildingId}/name/field/`))).toBe(true)
      for (const l of [a!, b!, c!]) {
        const { building } = await l.ok('buildings.get', { id: buildingId })
        expect(building.address).toBe('青年大街 2 号')
        expect(['财富中心A座', '财富中心B座']).toContain(building.name)
        expect((await l.ok('buildings.get', { id: added.id })).building.name).toBe('新世界大厦')
        expect((await l.ok('photos.list', { ownerKind: 'building', ownerId: buildingId })).map((p) => p.caption)).toEqual(['大堂'])
      }
      // Every operation of every laptop is on the server once, and each laptop holds them all.
      const held = await serverOps(pgUrl)
      expect(held.total).toBe(held.distinct)
      for (const l of [a!, b!, c!]) expect(opIds(l.store)).toEqual(held.ids)
      // A sync with nothing new moves nothing.
      const idle = await a!.sync()
      expect([idle.pushed, idle.pulled]).toEqual([0, 0])
    } finally {
      for (const l of [a, b, c]) await l?.close()
      await one.stop()
      await two.stop()
    }
  }, 240_000)

  it('a sync cut off mid-push and mid-pull (the server killed) resumes: every operation once, the stores converge', async () => {
    const { pgUrl, base } = await team()
    const dir = tempDir('site-atlas-sync-kill-')
    const [a, b] = await Promise.all(['a', 'b'].map((n) => laptop(n, base, dir)))
    // A large set on A: generated buildings, spaces, tenants (one operation a row).
    const generated = await runCli(['generate', '--db', a!.store.file, '--buildings', '40', '--parcels', '20', '--spaces', '1500', '--tenants', '200', '--seed', '5', '--force'], {
      out: () => undefined,
      err: () => undefined,
    })
    expect(generated).toBe(0)
    const aOps = opIds(a!.store).length
    expect(aOps).toBeGreaterThan(1500)
    let one = await startServerChild(pgUrl)
    try {
      await signIn(a!, one.url, 'alice')
      await signIn(b!, one.url, 'bob')

      // Mid-push: the server is killed once the second page is acknowledged.
      let killing: Promise<void> | null = null
      const pushCut = a!.sync({ pushLimit: 300, onPage: (phase, done) => {
        if (phase === 'push' && done >= 600 && !killing) killing = one.kill()
      } })
      await expect(pushCut).rejects.toThrow(/无法连接服务器（离线？）/)
      await killing
      const afterCut = await readServerPeer(a!.store)
      expect(afterCut!.settings.lastError).toMatch(/无法连接服务器/)
      const partial = await serverOps(pgUrl)
      expect(partial.total).toBeGreaterThanOrEqual(600)
      expect(partial.total).toBeLessThan(aOps)

      one = await startServerChild(pgUrl, one.port)
      const resumed = await a!.sync({ pushLimit: 300 })
      expect(resumed.server.lastError).toBeNull()
      const all = await serverOps(pgUrl)
      expect(all.total).toBe(all.distinct)
      expect(all.ids).toEqual(opIds(a!.store))

      // Mid-pull: B takes pages of 250; the server is killed after the third is merged.
      killing = null
      const pullCut = b!.sync({ pullLimit: 250, onPage: (phase, done) => {
        if (phase === 'pull' && done >= 750 && !killing) killing = one.kill()
      } })
      await expect(pullCut).rejects.toThrow(/无法连接服务器（离线？）/)
      await killing
      const cursor = (await readServerPeer(b!.store))!.pullCursor
      expect(cursor).not.toBeNull()

      one = await startServerChild(pgUrl, one.port)
      await b!.sync({ pullLimit: 250 })
      // What B merged from the server is not pushed back: its pushed position is past all of it.
      const bLast = (b!.store.sqlite.prepare('SELECT max(seq) AS seq FROM change_log').get() as { seq: number }).seq
      expect((await readServerPeer(b!.store))!.pushedSeq).toBe(bLast)
      await a!.sync()
      expect(stateOf(b!.store)).toEqual(stateOf(a!.store))
      const end = await serverOps(pgUrl)
      expect(end.total).toBe(end.distinct)
      expect(opIds(b!.store)).toEqual(end.ids)
    } finally {
      for (const l of [a, b]) await l?.close()
      await one.stop()
    }
  }, 600_000)

  it('an unreachable server is a clear error, recorded, and local saves go on; an expired sign-in says so; a viewer only pulls', async () => {
    const { pgUrl, base, buildingId } = await team()
    const dir = tempDir('site-atlas-sync-edges-')
    const [a, v] = await Promise.all(['a', 'v'].map((n) => laptop(n, base, dir)))
    let server = await startServerChild(pgUrl)
    try {
      // Nobody listens on this port.
      const closed = `http://127.0.0.1:${await freePort()}`
      await a!.ok('sync.server.set', { url: closed, user: 'alice' })
      const refused = await a!.call('sync.server.signIn', { password: PASSWORD })
      expect(refused.ok).toBe(false)
      if (!refused.ok) expect(refused.error.message).toMatch(/^无法连接服务器（离线？）/)
      expect(await a!.ok('buildings.update', { id: buildingId, notes: '离线时的修改' })).toMatchObject({ notes: '离线时的修改' })

      // Changing the server starts afresh: the sign-in is gone.
      await signIn(a!, server.url, 'alice')
      await a!.ok('sync.server.set', { url: closed, user: 'alice' })
      const unsigned = await a!.call('sync.now', {})
      expect(unsigned.ok).toBe(false)
      if (!unsigned.ok) expect(unsigned.error.message).toBe('尚未登录团队服务器，请先登录')

      // Offline in the middle of a signed-in life: the run fails, says why, the saves go on.
      await signIn(a!, server.url, 'alice')
      await server.kill()
      const offline = await a!.call('sync.now', {})
      expect(offline.ok).toBe(false)
      if (!offline.ok) expect(offline.error.message).toMatch(/^无法连接服务器（离线？）/)
      expect((await readServerPeer(a!.store))!.settings.lastError).toMatch(/^无法连接服务器（离线？）/)
      expect(await a!.ok('buildings.update', { id: buildingId, notes: '服务器停机时的修改' })).toMatchObject({ notes: '服务器停机时的修改' })
      server = await startServerChild(pgUrl, server.port)

      // Wrong password.
      await a!.ok('sync.server.set', { url: server.url, user: 'alice' })
      const wrong = await a!.call('sync.server.signIn', { password: 'not-the-password' })
      expect(wrong.ok).toBe(false)
      if (!wrong.ok) expect(wrong.error.message).toBe('账号或密码不正确')

      // Signed in, then the token expires on the server.
      await a!.ok('sync.server.signIn', { password: PASSWORD })
      await a!.ok('sync.now', {})
      const client = new pg.Client({ connectionString: pgUrl })
      await client.connect()
      await client.query(`UPDATE tokens SET expires_at = now() - interval '1 hour'`)
      await client.end()
      await a!.ok('buildings.update', { id: buildingId, notes: '过期后的修改' })
      const expired = await a!.call('sync.now', {})
      expect(expired.ok).toBe(false)
      if (!expired.ok) expect(expired.error).toMatchObject({ code: 'unauthorized', message: '登录已过期，请重新登录' })
      const status = await readServerPeer(a!.store)
      expect(status!.settings.lastError).toBe('登录已过期，请重新登录')
      expect(status!.settings.token).toBeNull()
      expect(await a!.ok('sync.server.signIn', { password: PASSWORD })).toMatchObject({ signedIn: true, lastError: '登录已过期，请重新登录' })
      expect((await a!.ok('sync.now', {})).server.lastError).toBeNull()

      // A viewer pulls everything and pushes nothing; the server refuses a viewer's push outright.
      await signIn(v!, server.url, 'vic')
      await v!.ok('buildings.update', { id: buildingId, address: '只读账号的本地修改' })
      const before = await serverOps(pgUrl)
      const viewed = await v!.ok('sync.now', {})
      expect(viewed.pushed).toBe(0)
      expect(viewed.server.role).toBe('viewer')
      expect((await v!.ok('buildings.get', { id: buildingId })).building.notes).toBe('过期后的修改')
      expect((await serverOps(pgUrl)).total).toBe(before.total)
      const token = JSON.parse((v!.store.sqlite.prepare(`SELECT settings FROM sync_peers WHERE id = 'server'`).get() as { settings: string }).settings).token as string
      await expect(new ServerClient({ url: server.url, token }).push([])).rejects.toThrow('没有上传权限（只读账号）')
      // The token never leaves the main side: no view holds it.
      expect(JSON.stringify(viewed)).not.toContain(token)
    } finally {
      for (const l of [a, v]) await l?.close()
      await server.stop()
    }
  }, 240_000)

  it('a push stuck on a photo nobody holds still pulls, and says what waits and why', async () => {
    const { pgUrl, base, buildingId } = await team()
    const dir = tempDir('site-atlas-sync-photo-')
    const [a, b, x] = await Promise.all(['a', 'b', 'x'].map((n) => laptop(n, base, dir)))
    const server = await startServerChild(pgUrl)
    try {
      // x photographs the building; b receives x's operations without the bytes (x never syncs).
      const image = path.join(dir, '大堂.png')
      fs.writeFileSync(image, png1x1(10, 200, 10))
      const picked = await x!.services.registerFile(image)
      if (!picked.ok) throw new Error('pick')
      await x!.ok('photos.add', { ownerKind: 'building', ownerId: buildingId, uploadId: picked.value.uploadId, caption: '大堂' })
      await applyOps(b!.store, await opsSince(x!.store, null), { blob: () => undefined, today: TODAY })

      await signIn(a!, server.url, 'alice')
      await a!.ok('buildings.update', { id: buildingId, notes: '甲的修改' })
      await a!.sync()
      await signIn(b!, server.url, 'bob')
      const run = await b!.sync()
      expect(run.pushBlocked).toMatch(/条修改未能上传：服务器缺少 \d+ 张照片，本机也没有/)
      expect(run.server.lastError).toBe(run.pushBlocked)
      expect((await b!.ok('buildings.get', { id: buildingId })).building.notes).toBe('甲的修改')
    } finally {
      for (const l of [a, b, x]) await l?.close()
      await server.stop()
    }
  }, 120_000)

  it('cli sync: the password from SITE_ATLAS_PASSWORD (refused clearly without it), the counts printed', async () => {
    const { pgUrl, base } = await team()
    const server = await startServerChild(pgUrl)
    const dir = tempDir('site-atlas-sync-cli-')
    const file = path.join(dir, 'atlas.db')
    fs.copyFileSync(base, file)
    const saved = process.env.SITE_ATLAS_PASSWORD
    try {
      const run = async (...argv: string[]) => {
        const out: string[] = []
        const err: string[] = []
        const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
        return { code, out: out.join('\n'), err: err.join('\n') }
      }
      delete process.env.SITE_ATLAS_PASSWORD
      const missing = await run('sync', '--db', file, '--server', server.url, '--user', 'alice')
      expect(missing.code).toBe(2)
      expect(missing.err).toContain('SITE_ATLAS_PASSWORD')
      process.env.SITE_ATLAS_PASSWORD = PASSWORD
      const done = await run('sync', '--db', file, '--server', server.url, '--user', 'alice', '--json')
      expect(done.err).toBe('')
      expect(done.code).toBe(0)
      const counts = JSON.parse(done.out) as Record<string, number>
      expect(Object.keys(counts).sort()).toEqual(['applied', 'conflicts', 'pulled', 'pushed'])
      expect(counts.pushed).toBeGreaterThan(0)
      const text = await run('sync', '--db', file, '--server', server.url, '--user', 'alice')
      expect(text.code).toBe(0)
      expect(text.out).toMatch(/上传 0 条修改/)
      process.env.SITE_ATLAS_PASSWORD = 'wrong-password'
      await run('sync', '--db', file, '--server', server.url, '--user', 'bob').then((r) => {
        expect(r.code).toBe(1)
        expect(r.err).toContain('账号或密码不正确')
      })
    } finally {
      if (saved === undefined) delete process.env.SITE_ATLAS_PASSWORD
      else process.env.SITE_ATLAS_PASSWORD = saved
      await server.stop()
    }
  }, 120_000)

  it("https with the team's own certificate: refused until its CA is in the data folder's server-ca.pem; the timer syncs in the background", async () => {
    const { pgUrl, base, buildingId } = await team()
    const dir = tempDir('site-atlas-sync-tls-')
    const cert = path.join(dir, 'server.crt')
    const key = path.join(dir, 'server.key')
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert,
    ], { stdio: 'ignore' })
    const server = await startServerChild(pgUrl, undefined, ['--tls-cert', cert, '--tls-key', key])
    const a = await laptop('a', base, dir)
    let stopTimer = () => undefined as void
    try {
      expect(server.url).toMatch(/^https:/)
      await a.ok('sync.server.set', { url: server.url, user: 'alice' })
      const untrusted = await a.call('sync.server.signIn', { password: PASSWORD })
      expect(untrusted.ok).toBe(false)
      if (!untrusted.ok) expect(untrusted.error.message).toMatch(/^服务器证书不受信任.*server-ca\.pem/)
      fs.copyFileSync(cert, path.join(a.services.ctx.dataDir, SERVER_CA_FILE))
      expect((await a.ok('sync.server.signIn', { password: PASSWORD })).signedIn).toBe(true)

      await a.ok('buildings.update', { id: buildingId, notes: '后台同步' })
      stopTimer = startServerSyncTimer(a.services.ctx, { firstMs: 10, everyMs: 60_000 })
      await expect.poll(async () => (await readServerPeer(a.store))!.settings.lastSyncAt, { timeout: 30_000 }).not.toBeNull()
      expect((await readServerPeer(a.store))!.settings.lastError).toBeNull()
      expect((await serverOps(pgUrl)).ids).toEqual(opIds(a.store))
    } finally {
      stopTimer()
      await a.close()
      await server.stop()
    }
  }, 120_000)
})
