import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import https from 'node:https'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PASSWORD_PARAMS } from '../../src/main/teamServer/passwords'
import { startPostgres, type TestPostgres } from '../helpers/postgres'
import { tempDir } from '../helpers/store'
import { api, login } from '../helpers/teamServerApi'
import { runTeamServerCommand, startTeamServerProcess, type TeamServerProcess } from '../helpers/teamServerProcess'
import { freePort } from '../helpers/freePort'

// `npm run server` as a person runs it: the admin commands (at the real scrypt cost), serving plain
// HTTP with its warning, and HTTPS with a self-signed certificate made here by the openssl CLI.

let cluster: TestPostgres
const running: TeamServerProcess[] = []

beforeAll(async () => {
  cluster = await startPostgres()
}, 60_000)
afterAll(async () => {
  for (const s of running) await s.kill()
  await cluster?.stop()
})


describe('npm run server -- user …', () => {
  it('adds, lists, re-roles, re-passwords and disables accounts; what it refuses it says why', async () => {
    const url = await cluster.createDatabase()
    const user = (args: string[], password?: string) =>
      runTeamServerCommand(['--pg', url, 'user', ...args], password === undefined ? { SITE_ATLAS_PASSWORD: '' } : { SITE_ATLAS_PASSWORD: password })

    const added = await user(['add', '张三', '--role', 'editor'], 'first-password')
    expect(added.stderr).toBe('')
    expect(added).toMatchObject({ code: 0, stdout: '已新建账号 张三（编辑）\n' })
    const db = new pg.Pool({ connectionString: url, max: 1 })
    try {
      const { rows } = await db.query('SELECT password_params, length(password_hash) AS len, length(password_salt) AS salt FROM users')
      expect(rows).toEqual([{ password_params: PASSWORD_PARAMS, len: 32, salt: 16 }])
      expect(PASSWORD_PARAMS.N).toBe(2 ** 17)

      // The refusals, side by side: each is a process of its own.
      const [taken, badRole, short, noTerminal] = await Promise.all([
        user(['add', '张三', '--role', 'viewer'], 'another-password'),
        user(['add', 'lisi', '--role', 'boss'], 'another-password'),
        user(['add', 'lisi', '--role', 'viewer'], 'short'),
        // No password in the environment and no terminal to ask on.
        user(['add', 'lisi', '--role', 'viewer']),
      ])
      expect(taken).toMatchObject({ code: 1, stderr: '账号 张三：已存在（改密码用 user passwd）\n' })
      expect(badRole).toMatchObject({ code: 1, stderr: '角色：「boss」不是 viewer、editor 或 admin\n' })
      expect(short).toMatchObject({ code: 1, stderr: '密码：至少 8 个字符\n' })
      expect(noTerminal).toMatchObject({ code: 1, stderr: '密码：请设置环境变量 SITE_ATLAS_PASSWORD，或在终端中运行以输入密码\n' })
      expect(await user(['add', 'lisi', '--role', 'viewer'], 'viewer-password')).toMatchObject({ code: 0 })

      const listed = await user(['list', '--json'])
      expect(listed.code).toBe(0)
      expect(JSON.parse(listed.stdout)).toMatchObject([
        { name: 'lisi', role: 'viewer', disabled: false, lastLoginAt: null },
        { name: '张三', role: 'editor', disabled: false, lastLoginAt: null },
      ])

      const server = await startTeamServerProcess(['--pg', url, '--port', String(await freePort())])
      running.push(server)
      const token = await login(server.url, '张三', 'first-password')
      expect((await api(server.url, '/whoami', { token })).body.role).toBe('editor')

      expect(await user(['role', '张三', '--role', 'admin'])).toMatchObject({ code: 0, stdout: '账号 张三 现为管理员\n' })
      expect((await api(server.url, '/whoami', { token })).body.role).toBe('admin')

      expect(await user(['passwd', '张三'], 'second-password')).toMatchObject({ code: 0 })
      expect((await api(server.url, '/whoami', { token })).status).toBe(401)
      expect((await api(server.url, '/login', { json: { user: '张三', password: 'first-password', device: 'd' } })).status).toBe(401)
      const again = await login(server.url, '张三', 'second-password')

      expect(await user(['disable', '张三'])).toMatchObject({ code: 0, stdout: '已停用账号 张三，其设备均已注销\n' })
      expect((await api(server.url, '/whoami', { token: again })).status).toBe(401)
      const refused = await api(server.url, '/login', { json: { user: '张三', password: 'second-password', device: 'd' } })
      expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden', message: '账号 张三：已停用，请联系管理员' } })
      expect(await user(['enable', '张三'])).toMatchObject({ code: 0 })
      await login(server.url, '张三', 'second-password')

      const plain = await user(['list'])
      expect(plain.stdout).toMatch(/^lisi\t只读\t从未登录\n张三\t管理员\t最近登录 \d{4}-/)
      const [nobody, unknown] = await Promise.all([user(['role', 'wangwu', 'viewer']), user(['frobnicate'])])
      expect(nobody).toMatchObject({ code: 1, stderr: expect.stringContaining('账号 wangwu：不存在') })
      expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('user frobnicate：不认识的命令') })

      // Serving without TLS says that passwords travel in clear; stopping is clean.
      expect(server.stderr()).toContain('警告：未启用 TLS')
      expect(await server.stop()).toBe(0)
    } finally {
      await db.end()
    }
    // A wait bound, not a timing assertion: a dozen processes, several hashing at the real cost, on a busy machine.
  }, 180_000)

  it('explains a database it cannot reach and a usage it does not know', async () => {
    const port = await freePort()
    const down = await runTeamServerCommand(['--pg', `postgres://nobody:secret@127.0.0.1:${port}/atlas`, 'user', 'list'])
    expect(down.code).toBe(1)
    expect(down.stderr).toBe(`团队服务器：连不上数据库 127.0.0.1:${port}/atlas：PostgreSQL 是否在运行？\n`)
    expect(down.stderr).not.toContain('secret')
    const usage = await runTeamServerCommand(['--port', '80'], { SITE_ATLAS_PG: '' })
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('数据库：请用 --pg postgres://… 给出 PostgreSQL 地址')
  })
})

describe('npm run server with TLS', () => {
  it('serves HTTPS with the certificate given; a laptop trusts it through NODE_EXTRA_CA_CERTS or a CA file', async () => {
    const dir = tempDir('site-atlas-tls-')
    try {
      const cert = path.join(dir, 'server.crt')
      const key = path.join(dir, 'server.key')
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert,
      ], { stdio: 'ignore' })
      const url = await cluster.createDatabase()
      const added = await runTeamServerCommand(['--pg', url, 'user', 'add', 'wang', '--role', 'viewer'], { SITE_ATLAS_PASSWORD: 'tls-password' })
      expect(added.code).toBe(0)
      const server = await startTeamServerProcess(['--pg', url, '--port', String(await freePort()), '--tls-cert', cert, '--tls-key', key])
      running.push(server)
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
      expect(server.stderr()).not.toContain('未启用 TLS')

      // A client given the certificate as its CA.
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const body = JSON.stringify({ user: 'wang', password: 'tls-password', device: 'd' })
        const req = https.request(
          `${server.url}/api/v1/login`,
          { method: 'POST', ca: fs.readFileSync(cert), headers: { 'content-type': 'application/json' } },
          (res) => {
            let text = ''
            res.on('data', (d: Buffer) => (text += d.toString('utf8')))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
          },
        )
        req.on('error', reject)
        req.end(body)
      })
      expect(answer.status).toBe(200)
      expect(JSON.parse(answer.body)).toMatchObject({ user: 'wang', role: 'viewer' })

      // fetch (as the laptop's sync uses) in a process started with NODE_EXTRA_CA_CERTS, and without it.
      const script = `fetch(${JSON.stringify(`${server.url}/api/v1/login`)}, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'wang', password: 'tls-password', device: 'd' }) })
        .then((r) => console.log(r.status), (e) => console.log('refused', e.cause?.code ?? e.message))`
      const run = (env: NodeJS.ProcessEnv) =>
        new Promise<string>((resolve) => {
          const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'] })
          let out = ''
          child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')))
          child.on('close', () => resolve(out.trim()))
        })
      expect(await run({ NODE_EXTRA_CA_CERTS: cert })).toBe('200')
      expect(await run({ NODE_EXTRA_CA_CERTS: '' })).toBe('refused DEPTH_ZERO_SELF_SIGNED_CERT')
      expect(await server.stop()).toBe(0)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 90_000)
})
