import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { freePort } from './freePort'

export { freePort }

// The team server as `npm run server` runs it (tsx src/main/teamServer/main.ts), in a child process
// the tests can kill outright (SIGKILL: no goodbye, connections cut mid-answer), and its accounts
// made with the server's own `user add`. tsx runs the server in a node process of its own: the pair
// is started as a process group and signalled as one, or a killed tsx would leave the server serving.

const ROOT = path.resolve(import.meta.dirname, '../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const MAIN = path.join(ROOT, 'src/main/teamServer/main.ts')


/** Waits until nothing listens on the port any more (the server's own process may outlive tsx by a moment). */
async function portFree(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const listening = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (!listening) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`port ${port} still answers after the team server was stopped`)
}

export interface ServerChild {
  url: string
  port: number
  process: ChildProcess
  /** SIGKILL, and wait until it is gone. */
  kill(): Promise<void>
  /** SIGTERM, and wait until it is gone. */
  stop(): Promise<void>
}

const started = new Set<ServerChild>()

/** Kills every server this process started and has not stopped (a test's afterAll: none left behind on a failure). */
export async function killAllServers(): Promise<void> {
  for (const server of [...started]) await server.kill()
}

/** Starts `npm run server -- --pg URL --port PORT` and waits for its "started" line. */
export async function startServerChild(pgUrl: string, port?: number, extraArgs: string[] = []): Promise<ServerChild> {
  const usePort = port ?? (await freePort())
  const child = spawn(TSX, [MAIN, '--pg', pgUrl, '--port', String(usePort), ...extraArgs], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`team server did not start: ${output}`)), 60_000)
    const seen = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('团队服务器已启动')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', seen)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`team server exited (${code}): ${output}`))
    })
  })
  const end = async (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // the group is gone already
    }
    await exited
    await portFree(usePort)
  }
  const scheme = extraArgs.includes('--tls-cert') ? 'https' : 'http'
  const server: ServerChild = { url: `${scheme}://127.0.0.1:${usePort}`, port: usePort, process: child, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') }
  started.add(server)
  void exited.then(() => started.delete(server))
  return server
}

/** `npm run server -- --pg URL user add NAME --role ROLE`, the password from SITE_ATLAS_PASSWORD. */
export function addUser(pgUrl: string, name: string, role: 'viewer' | 'editor' | 'admin', password: string): void {
  const result = spawnSync(TSX, [MAIN, '--pg', pgUrl, 'user', 'add', name, '--role', role], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SITE_ATLAS_PASSWORD: password },
  })
  if (result.status !== 0) throw new Error(`user add ${name} failed: ${result.stderr}${result.stdout}`)
}
