import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import pg from 'pg'
import { createApp } from './app'
import type { ScryptParams } from './passwords'
import { migrate } from './pg/schema'

// One team server instance: a PostgreSQL pool, the schema made current, and the protocol served over
// HTTP, or HTTPS when given a certificate. Several instances may serve one database.

export interface TeamServerOptions {
  pgUrl: string
  host?: string
  /** 0: any free port. */
  port?: number
  /** PEM certificate (chain) and key: HTTPS. */
  tls?: { cert: Buffer; key: Buffer }
  passwordParams?: ScryptParams
  /** Logins checked at once (app.ts MAX_CONCURRENT_LOGINS by default). */
  maxConcurrentLogins?: number
  log?: (line: string) => void
}

export interface TeamServer {
  url: string
  serverId: string
  close(): Promise<void>
}

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 8443

/** A pool on the URL; the caller ends it. Idle clients that fail (the database restarted) are logged, not fatal. */
export function openPool(pgUrl: string, log: (line: string) => void): pg.Pool {
  const pool = new pg.Pool({ connectionString: pgUrl, max: 10, connectionTimeoutMillis: 10_000 })
  pool.on('error', (error) => log(`PostgreSQL：连接出错（${error.message}），将在下次请求时重连`))
  return pool
}

export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const pool = openPool(options.pgUrl, log)
  let serverId: string
  try {
    const client = await pool.connect()
    try {
      ;({ serverId } = await migrate(client))
    } finally {
      client.release()
    }
  } catch (error) {
    await pool.end()
    throw error
  }
  const app = createApp({ pool, serverId, passwordParams: options.passwordParams, maxConcurrentLogins: options.maxConcurrentLogins, log })
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, app) : http.createServer(app)
  // A slow or stalled client cannot hold a connection (and a body being read) for ever.
  server.headersTimeout = 30_000
  server.requestTimeout = 10 * 60_000
  server.keepAliveTimeout = 10_000
  const host = options.host ?? DEFAULT_HOST
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const shownHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    serverId,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await pool.end()
    },
  }
}
