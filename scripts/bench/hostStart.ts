// npx tsx scripts/bench/hostStart.ts [--runs N] [--demo] [name=command …]
// How long the browser host takes to start: from spawning the command to its serving line, and to
// the map screen drawn in headless Chromium (.site-map[data-buildings-shown]). Each command runs
// with the same data folder (made once, with the demo data when --demo), printed as figures.
// Default commands: `npm run web` (the prebuilt bundle, scripts/host.mjs) and the same host from
// source through tsx.
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { launchBrowser } from '../../tests/helpers/browserHost'

const root = path.resolve(import.meta.dirname, '../..')
const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, demo: { type: 'boolean', default: true } },
  allowPositionals: true,
})
const commands: Array<[string, string[]]> = positionals.length
  ? positionals.map((p) => [p.split('=')[0]!, p.slice(p.indexOf('=') + 1).split(' ')])
  : [
      ['bundle (npm run web)', [process.execPath, 'scripts/host.mjs', 'web']],
      ['source (tsx)', [process.execPath, 'node_modules/tsx/dist/cli.mjs', 'src/main/web/main.ts']],
    ]

function start(command: string[], dataDir: string, demo: boolean): { child: ChildProcess; line: Promise<string> } {
  const args = [...command.slice(1), '--port', '0', '--data-dir', dataDir, ...(demo ? ['--demo'] : [])]
  const child = spawn(command[0]!, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  const line = new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')))
    })
    child.once('exit', (code) => reject(new Error(`exited ${code} before serving`)))
  })
  return { child, line }
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const browser = await launchBrowser()
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-start-'))
try {
  // Warm-up: the data (demo) and any stale build are made before anything is timed.
  for (const [, command] of commands) {
    const warm = start(command, dataDir, values.demo)
    await warm.line
    await stop(warm.child)
  }
  console.log(`host start, ${values.runs} runs each (min / median / max, ms) — ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`)
  for (const [name, command] of commands) {
    const serving: number[] = []
    const loaded: number[] = []
    for (let i = 0; i < Number(values.runs); i++) {
      const t0 = performance.now()
      const host = start(command, dataDir, values.demo)
      const url = /(http:\/\/\S+)/.exec(await host.line)![1]!
      serving.push(performance.now() - t0)
      const page = await browser.newPage()
      await page.goto(url)
      await page.locator('.site-map[data-buildings-shown]').waitFor({ timeout: 60_000 })
      loaded.push(performance.now() - t0)
      await page.close()
      await stop(host.child)
    }
    const fmt = (xs: number[]) => `${Math.round(Math.min(...xs))} / ${Math.round(median(xs))} / ${Math.round(Math.max(...xs))}`
    console.log(`${name.padEnd(24)} serving line ${fmt(serving).padEnd(18)} page loaded ${fmt(loaded)}`)
  }
} finally {
  await browser.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
}
