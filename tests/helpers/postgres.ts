import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { freePort } from './freePort'

// A throwaway PostgreSQL for the team server's tests: a cluster made by initdb in a mkdtemp folder,
// listening on 127.0.0.1 and a free port (its unix socket in the folder, never /var/run), stopped
// and removed by stop(). One cluster per test file (initdb costs seconds), a database per test.
// PostgreSQL refuses to run as root: when the tests run as root, the folder is handed to the
// `postgres` user and initdb/pg_ctl run under `runuser -u postgres`.

const INSTALL_HINT =
  '找不到 PostgreSQL（initdb）：请安装 Debian/Ubuntu 的 postgresql 软件包（apt-get install postgresql），' +
  '或把其 bin 目录（如 /usr/lib/postgresql/15/bin）放进 PATH / set PG_BIN'

/** The folder holding initdb and pg_ctl: $PG_BIN, Debian's newest /usr/lib/postgresql/<v>/bin, or PATH. */
export function findPgBin(): string {
  const candidates: string[] = []
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN)
  const debian = '/usr/lib/postgresql'
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
    for (const v of versions) candidates.push(path.join(debian, v, 'bin'))
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(dir)
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')))
  if (!found) throw new Error(INSTALL_HINT)
  return found
}


export interface TestPostgres {
  /** Superuser URL of the cluster's `postgres` database. */
  adminUrl: string
  port: number
  /** A new empty database; its URL. */
  createDatabase(): Promise<string>
  stop(): Promise<void>
}

/** Starts a fresh cluster. Fails (never skips) when PostgreSQL is not installed. */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = findPgBin()
  const asRoot = process.getuid?.() === 0
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-pg-'))
  const data = path.join(dir, 'data')
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : path.join(bin, tool)
    const argv = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args
    const result = spawnSync(command, argv, { cwd: dir, encoding: 'utf8' })
    if (result.status !== 0) {
      throw new Error(`${tool} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout || result.error?.message}`)
    }
  }
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir])
  fs.chmodSync(dir, 0o700)
  // trust on 127.0.0.1 and the socket: a throwaway cluster only this test's processes reach.
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'])
  const port = await freePort()
  // fsync off: a test cluster that a crash may lose; it is removed after the test anyway.
  const options = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start'])
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`
  let stopped = false
  return {
    adminUrl,
    port,
    async createDatabase() {
      const name = `t_${randomBytes(6).toString('hex')}`
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name}`)
      } finally {
        await client.end()
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`
    },
    async stop() {
      if (stopped) return
      stopped = true
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
