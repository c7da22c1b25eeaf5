import { spawnSync } from 'node:child_process'
import path from 'node:path'

// Build the app once before the browser tests, so each test's host starts without building.
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '../..')
  const result = spawnSync(path.join(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (result.status !== 0) throw new Error('electron-vite build failed before the e2e tests')
  // The browser host's own bundle (out/host), which every test's host then starts from, as npm run web does.
  const host = spawnSync(process.execPath, [path.join(root, 'scripts/host.mjs'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (host.status !== 0) throw new Error('building out/host failed before the e2e tests')
}
