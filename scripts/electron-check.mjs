// The decisions behind `npm start`, kept apart from the side effects so they can be tested:
// is the build stale, where is the Electron binary, and what to say when there is none.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** What electron-vite build produces; all three must exist and be newer than the sources. */
export const BUILD_OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']
export const BUILD_INPUTS = ['src', 'electron.vite.config.ts']

/** Newest modification time of a file or, recursively, of a folder's files; 0 if missing. */
export function newestMtime(target) {
  let stat
  try {
    stat = fs.statSync(target)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

export function buildIsStale(root) {
  const outputs = BUILD_OUTPUTS.map((file) => path.join(root, file))
  if (outputs.some((file) => !fs.existsSync(file))) return true
  const oldestOutput = Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs))
  const newestInput = Math.max(...BUILD_INPUTS.map((input) => newestMtime(path.join(root, input))))
  return newestInput > oldestOutput
}

/**
 * The Electron executable as node_modules/electron/index.js would name it, or null when it is
 * not on disk. Unlike require('electron'), this never starts a download.
 */
export function electronBinary(electronDir, env = process.env) {
  let relative = null
  try {
    relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim()
  } catch {
    relative = null
  }
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative
      ? path.join(electronDir, 'dist', relative)
      : null
  return candidate && fs.existsSync(candidate) ? candidate : null
}

/**
 * Runs electron's own install script (it downloads the binary) with a time limit, its output
 * swallowed so a failure shows no stack trace. Returns whether it succeeded.
 */
export function tryFetchElectron(electronDir, timeoutMs = 20_000, spawn = spawnSync) {
  const result = spawn(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: 'ignore',
    timeout: timeoutMs,
  })
  return !result.error && result.status === 0
}

/** Finds the binary, trying one download when it is missing. */
export function ensureElectron(electronDir, options = {}) {
  const env = options.env ?? process.env
  const found = electronBinary(electronDir, env)
  if (found) return found
  const fetch = options.fetch ?? ((dir) => tryFetchElectron(dir, options.timeoutMs))
  if (!fetch(electronDir)) return null
  return electronBinary(electronDir, env)
}

export const ELECTRON_MISSING_MESSAGE = [
  '无法在本机下载 Electron 桌面外壳，桌面版无法启动。',
  '请改用 `npm run web`：它在浏览器中提供同样的 Site Atlas。',
  '',
  'The Electron desktop shell could not be downloaded on this machine, so the desktop app cannot start.',
  'Run `npm run web` instead: it serves the same Site Atlas app in your browser.',
].join('\n')

/** The environment for the Electron child: never in plain-Node mode, whatever the shell had. */
export function electronEnv(env = process.env) {
  const copy = { ...env }
  delete copy.ELECTRON_RUN_AS_NODE
  return copy
}
