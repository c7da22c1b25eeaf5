import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

// `npm run web` builds the renderer only when its sources are newer than the last build, so the
// second start is instant. Build output goes to stderr: stdout carries just the serving line.

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full))
    else newest = Math.max(newest, fs.statSync(full).mtimeMs)
  }
  return newest
}

export function rendererIsStale(projectRoot: string): boolean {
  const built = path.join(projectRoot, 'out/renderer/index.html')
  if (!fs.existsSync(built)) return true
  const sources = ['src/renderer', 'src/shared'].map((d) => newestMtime(path.join(projectRoot, d)))
  const config = fs.statSync(path.join(projectRoot, 'electron.vite.config.ts')).mtimeMs
  return Math.max(...sources, config) > fs.statSync(built).mtimeMs
}

export function buildRenderer(projectRoot: string): void {
  const bin = path.join(projectRoot, 'node_modules/.bin/electron-vite')
  const result = spawnSync(bin, ['build'], { cwd: projectRoot, stdio: ['ignore', 2, 2] })
  if (result.status !== 0) {
    const why = result.error ? `：${result.error.message}` : result.signal ? `：进程被信号 ${result.signal} 结束` : ''
    throw new Error(`构建界面失败（electron-vite build）${why}，请查看上面的输出`)
  }
}
