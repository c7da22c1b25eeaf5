import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { migrate, SchemaError } from './pg/schema'
import { DEFAULT_HOST, DEFAULT_PORT, openPool, startTeamServer } from './server'
import { OPS_USAGE, opsCommand, OpsCommandError } from './opsCommands'
import { NoTerminalError } from './terminal'
import { USER_USAGE, userCommand, UserCommandError } from './userCommands'

// npm run server -- --pg postgres://… [--port N] [--host H] [--tls-cert F --tls-key F]
// npm run server -- --pg postgres://… user add|passwd|role|disable|enable|list …
// npm run server -- --pg postgres://… ops check|quarantine|quarantined …
// The team server (issue 13): see the README's "Team server (团队服务器)".

const USAGE = `用法 / usage:
  npm run server -- --pg postgres://USER[:PASSWORD]@HOST[:PORT]/DB [--port N] [--host H] [--tls-cert FILE --tls-key FILE]
      提供团队同步服务（默认只听 ${DEFAULT_HOST}:${DEFAULT_PORT}；--host 0.0.0.0 供局域网访问，此时务必配 TLS）
  npm run server -- --pg URL user …
${USER_USAGE}
  npm run server -- --pg URL ops …
${OPS_USAGE}
  数据库地址也可放在环境变量 SITE_ATLAS_PG 中；其密码可放在 PGPASSWORD 中（不出现在进程列表里）`

class UsageError extends Error {}

/** The database as a person may see it in a log: no password. */
function describeDatabase(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`
  } catch {
    return '（地址无法解析）'
  }
}

function readPem(file: string, label: string): Buffer {
  try {
    return fs.readFileSync(file)
  } catch (error) {
    throw new UsageError(`${label}：无法读取 ${file}（${(error as NodeJS.ErrnoException).code ?? String(error)}）`)
  }
}

export async function runServerCli(argv: string[]): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`)
  const err = (line: string) => process.stderr.write(`${line}\n`)
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    out(USAGE)
    return 0
  }
  const pgUrl = values.pg ?? process.env.SITE_ATLAS_PG
  if (!pgUrl || !/^postgres(ql)?:\/\//.test(pgUrl)) {
    err(`数据库：请用 --pg postgres://… 给出 PostgreSQL 地址\n${USAGE}`)
    return 2
  }
  try {
    if (positionals[0] === 'user' || positionals[0] === 'ops') {
      const pool = openPool(pgUrl, err)
      try {
        const client = await pool.connect()
        try {
          await migrate(client)
        } finally {
          client.release()
        }
        if (positionals[0] === 'ops') await opsCommand(pool, { args: positionals.slice(1), json: values.json, out })
        else await userCommand(pool, { args: positionals.slice(1), role: values.role, json: values.json, out })
      } finally {
        await pool.end()
      }
      return 0
    }
    if (positionals.length > 0) throw new UsageError(`不认识的命令：${positionals.join(' ')}`)
    return await serve(pgUrl, values, out, err)
  } catch (error) {
    if (error instanceof UsageError) {
      err(`${error.message}\n${USAGE}`)
      return 2
    }
    if (error instanceof UserCommandError || error instanceof OpsCommandError || error instanceof NoTerminalError || error instanceof SchemaError) {
      err(error.message)
      return 1
    }
    err(`团队服务器：${describeFailure(error, pgUrl)}`)
    return 1
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      pg: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      role: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}

function describeFailure(error: unknown, pgUrl: string): string {
  const e = error as NodeJS.ErrnoException & { code?: string }
  if (e.code === 'ECONNREFUSED') return `连不上数据库 ${describeDatabase(pgUrl)}：PostgreSQL 是否在运行？`
  if (e.code === '28P01' || e.code === '28000') return `数据库 ${describeDatabase(pgUrl)}：用户名或密码不对`
  if (e.code === '3D000') return `数据库 ${describeDatabase(pgUrl)}：不存在，请先 createdb`
  if (e.code === 'EADDRINUSE') return '端口已被占用：请用 --port 换一个'
  if (e.code === 'EACCES') return '端口无权监听：1024 以下的端口需要管理员权限，请用 --port 换一个'
  return e instanceof Error ? e.message : String(error)
}

async function serve(
  pgUrl: string,
  values: ReturnType<typeof parse>['values'],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  let port = DEFAULT_PORT
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) throw new UsageError(`--port：「${values.port}」不是 0–65535 的端口号`)
    port = Number(values.port)
  }
  const certFile = values['tls-cert']
  const keyFile = values['tls-key']
  if ((certFile === undefined) !== (keyFile === undefined)) throw new UsageError('TLS：--tls-cert 与 --tls-key 需同时给出')
  const tls = certFile && keyFile ? { cert: readPem(certFile, '--tls-cert'), key: readPem(keyFile, '--tls-key') } : undefined
  const server = await startTeamServer({ pgUrl, port, host: values.host ?? DEFAULT_HOST, tls, log: err })
  out(`团队服务器已启动：${server.url}（数据库 ${describeDatabase(pgUrl)}，服务器编号 ${server.serverId}）`)
  if (!tls) {
    err(
      '警告：未启用 TLS（--tls-cert/--tls-key），账号密码和数据在网络上明文传输，任何能看到网络流量的人都能读到。' +
        '只在本机测试时这样运行。\nWARNING: no TLS: passwords travel in clear on the network.',
    )
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await server.close()
  out('团队服务器已停止')
  return 0
}

if (process.argv[1] && /teamServer[\\/]main\.[tj]s$/.test(process.argv[1])) {
  process.exitCode = await runServerCli(process.argv.slice(2))
}
