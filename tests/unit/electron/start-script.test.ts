import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  BUILD_OUTPUTS, ELECTRON_MISSING_MESSAGE, buildIsStale, electronBinary, electronEnv, ensureElectron, tryFetchElectron,
} from '../../../scripts/electron-check.mjs'

let root: string

function write(relative: string, content = '', mtimeSeconds?: number): string {
  const file = path.join(root, relative)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, content)
  if (mtimeSeconds !== undefined) fs.utimesSync(file, mtimeSeconds, mtimeSeconds)
  return file
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-start-'))
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('whether npm start must build', () => {
  beforeEach(() => {
    write('src/main/index.ts', '', 1000)
    write('src/renderer/src/main.tsx', '', 1000)
    write('electron.vite.config.ts', '', 1000)
  })

  it('builds when any output is missing', () => {
    expect(buildIsStale(root)).toBe(true)
    for (const output of BUILD_OUTPUTS.slice(1)) write(output, '', 2000)
    expect(buildIsStale(root)).toBe(true)
  })

  it('does not build when every output is newer than the sources', () => {
    for (const output of BUILD_OUTPUTS) write(output, '', 2000)
    expect(buildIsStale(root)).toBe(false)
  })

  it('builds when a source file deep in src/ or the build config changed since', () => {
    for (const output of BUILD_OUTPUTS) write(output, '', 2000)
    write('src/renderer/src/features/home/Home.tsx', '', 3000)
    expect(buildIsStale(root)).toBe(true)
    write('src/renderer/src/features/home/Home.tsx', '', 1000)
    write('electron.vite.config.ts', '', 3000)
    expect(buildIsStale(root)).toBe(true)
  })
})

describe('finding Electron', () => {
  const electronDir = () => path.join(root, 'node_modules/electron')

  it('finds nothing when the binary was never downloaded', () => {
    write('node_modules/electron/index.js')
    expect(electronBinary(electronDir(), {})).toBeNull()
    write('node_modules/electron/path.txt', 'electron')
    expect(electronBinary(electronDir(), {})).toBeNull() // path.txt but no dist/
  })

  it('names the binary as electron/index.js would, or the override', () => {
    write('node_modules/electron/path.txt', 'electron')
    const binary = write('node_modules/electron/dist/electron')
    expect(electronBinary(electronDir(), {})).toBe(binary)
    const override = write('elsewhere/electron')
    expect(electronBinary(electronDir(), { ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'elsewhere') })).toBe(override)
  })

  it('tries one download when missing and reports what it got', () => {
    const fetchFails = vi.fn(() => false)
    expect(ensureElectron(electronDir(), { env: {}, fetch: fetchFails })).toBeNull()
    expect(fetchFails).toHaveBeenCalledTimes(1)

    const fetchWorks = vi.fn(() => {
      write('node_modules/electron/path.txt', 'electron')
      write('node_modules/electron/dist/electron')
      return true
    })
    expect(ensureElectron(electronDir(), { env: {}, fetch: fetchWorks })).toBe(path.join(electronDir(), 'dist/electron'))
    expect(ensureElectron(electronDir(), { env: {}, fetch: fetchFails })).not.toBeNull()
    expect(fetchFails).toHaveBeenCalledTimes(1) // present now: no second download
  })

  it('runs the install script with a time limit and judges it by its exit', () => {
    const spawn = vi.fn()
    spawn.mockReturnValueOnce({ status: 0 }).mockReturnValueOnce({ status: 1 }).mockReturnValueOnce({ status: null, error: new Error('ETIMEDOUT') })
    expect(tryFetchElectron('/e', 5000, spawn as never)).toBe(true)
    expect(tryFetchElectron('/e', 5000, spawn as never)).toBe(false)
    expect(tryFetchElectron('/e', 5000, spawn as never)).toBe(false)
    expect(spawn.mock.calls[0]![1]).toEqual([path.join('/e', 'install.js')])
    expect(spawn.mock.calls[0]![2]).toMatchObject({ timeout: 5000, stdio: 'ignore' })
  })

  it('never passes ELECTRON_RUN_AS_NODE on to Electron', () => {
    expect(electronEnv({ ELECTRON_RUN_AS_NODE: '1', PATH: '/bin' })).toEqual({ PATH: '/bin' })
  })
})

describe('npm start without an Electron binary', () => {
  it('says so in Chinese and English, points to npm run web, shows no stack trace, exits 1', () => {
    for (const file of ['start.mjs', 'electron-check.mjs']) {
      write(`scripts/${file}`, fs.readFileSync(path.resolve('scripts', file), 'utf8'))
    }
    // An install script that fails the way a blocked download does, stack trace and all.
    write('node_modules/electron/install.js', "console.error(new Error('fetch failed').stack); process.exit(1)")
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/start.mjs')], { encoding: 'utf8', timeout: 30_000 })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(ELECTRON_MISSING_MESSAGE)
    expect(run.stderr).toContain('npm run web')
    expect(run.stderr).toMatch(/无法在本机下载 Electron/)
    expect(run.stderr).not.toMatch(/fetch failed|\n\s+at /)
    expect(fs.existsSync(path.join(root, 'out'))).toBe(false) // nothing was built for nothing
  })
})
