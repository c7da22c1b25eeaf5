import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { tempDir } from './store'

// Starts the real browser host as npm run web does (scripts/host.mjs: the out/host bundle, its
// store worker processes beside it) on a free port with its own data folder, and drives Debian's
// Chromium against it.

const root = path.resolve(import.meta.dirname, '../..')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface BrowserHost {
  url: string
  origin: string
  token: string
  dataDir: string
  stop(): Promise<void>
}

export async function startBrowserHost(options: { demo?: boolean; dataDir?: string } = {}): Promise<BrowserHost> {
  const dataDir = options.dataDir ?? tempDir('site-atlas-e2e-')
  const args = [path.join(root, 'scripts/host.mjs'), 'web', '--port', '0', '--data-dir', dataDir]
  if (options.demo) args.push('--demo')
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  const line = await firstLine(child)
  const match = /^Site Atlas is serving at (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)$/.exec(line)
  if (!match) throw new Error(`unexpected first line from the browser host: ${line}`)
  return {
    url: `${match[1]}/?token=${match[2]}`,
    origin: match[1]!,
    token: match[2]!,
    dataDir,
    stop: async () => {
      await stopChild(child)
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const newline = out.indexOf('\n')
      if (newline >= 0) resolve(out.slice(0, newline))
    })
    child.once('exit', (code) => reject(new Error(`browser host exited (${code}) before serving: ${err}`)))
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** Records every request the page makes, to prove none leaves 127.0.0.1. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (request) => urls.push(request.url()))
  return urls
}
