// npm start: build if needed, then run the desktop app in Electron. Where the Electron binary
// cannot be had (no download possible), say so briefly and point to `npm run web`.
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ELECTRON_MISSING_MESSAGE, buildIsStale, electronEnv, ensureElectron, tryFetchElectron } from './electron-check.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const electronDir = path.join(root, 'node_modules/electron')

// Look for Electron first: when it cannot be had, building would only waste a minute.
const binary = ensureElectron(electronDir, {
  fetch: (dir) => {
    console.error('未找到 Electron，正在尝试下载… / Electron not found, trying to download it…')
    return tryFetchElectron(dir)
  },
})
if (!binary) {
  console.error(`\n${ELECTRON_MISSING_MESSAGE}`)
  process.exit(1)
}

if (buildIsStale(root)) {
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (build.status !== 0) {
    console.error('构建失败（electron-vite build），请查看上面的输出。 / The build failed; see the output above.')
    process.exit(1)
  }
}

const child = spawn(binary, [root], { cwd: root, stdio: 'inherit', env: electronEnv() })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('error', (error) => {
  console.error(`无法启动 Electron / Could not start Electron: ${error.message}`)
  process.exit(1)
})
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))

