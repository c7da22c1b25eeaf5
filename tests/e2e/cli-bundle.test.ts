import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/store'

// `npm run cli` runs the prebuilt bundle (out/host/cli.js, built by the e2e global set-up as
// scripts/host.mjs builds it), not the source: what a person runs is checked here, from the
// project folder as npm runs it. The sheet command finds the renderer and its builder from there.

const root = path.resolve(__dirname, '../..')
const npmCli = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/host.mjs', 'cli', ...args], { cwd: root, encoding: 'utf8', timeout: 180_000 })

describe('npm run cli (the out/host bundle)', () => {
  const dir = tempDir()
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('prints a district sheet to PDF from the bundle', { timeout: 240_000 }, () => {
    const db = path.join(dir, 'demo.db')
    expect(npmCli('demo', '--db', db).status).toBe(0)
    const out = path.join(dir, 'sheet.pdf')
    const result = npmCli('sheet', '--db', db, '--district', '210112', '--out', out)
    expect(result.stderr).not.toContain('错误')
    expect(result.status).toBe(0)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    expect(text).toContain('浑南区')
  })
})
