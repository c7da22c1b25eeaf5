// The browser host as a child process, for the host and writes parts of the bench: started as a
// command (npm run web's `node scripts/host.mjs web`, or a baseline), its serving line read, stopped.
// Also a consistent copy of a store file into a part's own folder, since the host writes to it.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'

export const root = path.resolve(import.meta.dirname, '../..')

/** npm run web, without npm's own start (its figures are the host's, not npm's). */
export const WEB_COMMAND = [process.execPath, 'scripts/host.mjs', 'web']

export interface HostProcess {
  child: ChildProcess
  origin: string
  token: string
  url: string
}

/** Starts a host command on a free port over `dataDir`; resolves at its serving line. */
export function startHost(command: string[], dataDir: string, extra: string[] = []): Promise<HostProcess> {
  const child = spawn(command[0]!, [...command.slice(1), '--port', '0', '--data-dir', dataDir, ...extra], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  let err = ''
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(out)
      if (match) resolve({ child, origin: match[1]!, token: match[2]!, url: `${match[1]}/?token=${match[2]}` })
    })
    child.once('exit', (code) => reject(new Error(`host exited (${code}) before serving: ${err.slice(-2000)}`)))
  })
}

export const stopHost = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

/** Builds out/host if stale (a warm-up start then builds the renderer if stale), so no timed start pays for a build. */
export function ensureHostBuilt(): void {
  const result = spawnSync(process.execPath, ['scripts/host.mjs', 'build'], { cwd: root, stdio: ['ignore', 2, 2] })
  if (result.status !== 0) throw new Error('building out/host failed')
}

/** A consistent copy of <from>/site-atlas.db (its WAL included) into <to>, through SQLite's backup. */
export async function copyStoreInto(fromDir: string, toDir: string): Promise<void> {
  const sqlite = new BetterSqlite3(path.join(fromDir, 'site-atlas.db'), { readonly: true, fileMustExist: true })
  try {
    await sqlite.backup(path.join(toDir, 'site-atlas.db'))
  } finally {
    sqlite.close()
  }
}

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN
}
