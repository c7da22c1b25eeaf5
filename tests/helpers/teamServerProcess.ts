import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

// The team server as its own process (`npm run server`, without npm in between so that its pid is the
// server's: a test can kill it mid-sync). Resolves once it prints the line saying where it serves.

const root = path.resolve(import.meta.dirname, '../..')

export interface TeamServerProcess {
  url: string
  child: ChildProcess
  /** Everything it wrote to stderr so far. */
  stderr(): string
  /** SIGTERM, then waits for the exit; its exit code. */
  stop(): Promise<number | null>
  /** SIGKILL: the server dies mid-whatever it was doing. */
  kill(): Promise<void>
}

/** Runs `npm run server -- <args>`'s program; rejects with its output if it exits first. */
export function runTeamServerCommand(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/teamServer/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

export function startTeamServerProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<TeamServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/teamServer/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`team server exited (${code}) before serving:\n${stdout}\n${stderr}`)))
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8')
      const match = /团队服务器已启动：(\S+?)（/.exec(stdout)
      if (!match) return
      resolve({
        url: match[1]!,
        child,
        stderr: () => stderr,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
          return exited
        },
        async kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
          await exited
        },
      })
    })
  })
}
