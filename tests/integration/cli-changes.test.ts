import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { cliDeviceDir } from '../../src/main/cli/device'
import { createServices } from '../../src/main/services'
import { openStore } from '../../src/main/store/open'
import { tempDir } from '../helpers/store'

// The command line's sync commands (issue 13 §5): two copies of one file are two devices once each
// runs with its own SITE_ATLAS_HOME; changes export/import carry edits between them, and conflicts
// lists what both changed.

async function cli(home: string, ...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const saved = process.env.SITE_ATLAS_HOME
  process.env.SITE_ATLAS_HOME = home
  try {
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
    return { code, out: out.join('\n'), err: err.join('\n') }
  } finally {
    if (saved === undefined) delete process.env.SITE_ATLAS_HOME
    else process.env.SITE_ATLAS_HOME = saved
  }
}

/** Renames the building in a store as the device whose folder is `home`. */
async function rename(db: string, home: string, id: string, name: string): Promise<void> {
  const store = await openStore(db)
  const services = await createServices(store, path.basename(home), { deviceDir: home, backupSchedule: false })
  const result = await services.dispatch('buildings.update', { id, name })
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  await services.shutdown()
  await store.close()
}

describe('cli changes and conflicts', () => {
  let dir: string
  let a: string
  let b: string
  let homeA: string
  let homeB: string
  let id: string

  beforeAll(async () => {
    dir = tempDir('site-atlas-cli-changes-')
    homeA = path.join(dir, 'home-a')
    homeB = path.join(dir, 'home-b')
    a = path.join(dir, 'a', 'atlas.db')
    b = path.join(dir, 'b', 'atlas.db')
    fs.mkdirSync(path.dirname(a))
    fs.mkdirSync(path.dirname(b))
    const store = await openStore(a)
    const services = await createServices(store, '张三', { deviceDir: homeA, backupSchedule: false })
    const created = await services.dispatch('buildings.create', { name: '财富中心', districtCode: '210112', lng: 123.45, lat: 41.72 })
    if (!created.ok) throw new Error('create')
    id = (created.value as { id: string }).id
    await services.shutdown()
    await store.close()
    fs.copyFileSync(a, b)
    await rename(a, homeA, id, '财富大厦')
    await rename(b, homeB, id, '财富中心A座')
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('reads the device folder from SITE_ATLAS_HOME, else ~/.site-atlas', () => {
    expect(cliDeviceDir({ SITE_ATLAS_HOME: homeA })).toBe(homeA)
    expect(cliDeviceDir({ SITE_ATLAS_HOME: '  ' })).toMatch(/\.site-atlas$/)
    expect(cliDeviceDir({})).toMatch(/\.site-atlas$/)
  })

  it('exports, imports (twice: the second applies nothing) and lists the conflict, as JSON', async () => {
    const out = path.join(dir, 'from-a.sitechanges')
    const exported = await cli(homeA, 'changes', 'export', '--db', a, '--out', out, '--json')
    expect(exported.err).toBe('')
    expect(exported.code).toBe(0)
    const written = JSON.parse(exported.out) as { path: string; ops: number; device: string }
    expect(written.path).toBe(out)
    expect(written.ops).toBeGreaterThan(0)
    // The package is written as the device of SITE_ATLAS_HOME.
    expect(written.device).toBe(fs.readFileSync(path.join(homeA, 'device-id'), 'utf8').trim())

    const imported = await cli(homeB, 'changes', 'import', '--db', b, out, '--json')
    expect(imported.code).toBe(0)
    const summary = JSON.parse(imported.out) as { applied: number; conflicts: number; skipped: number }
    expect(summary).toMatchObject({ applied: 1, conflicts: 1 })
    expect(summary.applied + summary.skipped).toBe(written.ops)
    const again = JSON.parse((await cli(homeB, 'changes', 'import', '--db', b, out, '--json')).out) as { applied: number; conflicts: number }
    expect(again).toMatchObject({ applied: 0, conflicts: 1 })

    const listed = await cli(homeB, 'conflicts', '--db', b, '--json')
    expect(listed.code).toBe(0)
    const conflicts = JSON.parse(listed.out) as Array<{ table: string; rowId: string; field: string; values: Array<{ value: unknown; shown: boolean }> }>
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]).toMatchObject({ table: 'buildings', rowId: id, field: 'name' })
    expect(conflicts[0]!.values.map((v) => v.value).sort()).toEqual(['财富中心A座', '财富大厦'].sort())
    expect(conflicts[0]!.values.filter((v) => v.shown)).toHaveLength(1)

    const text = await cli(homeB, 'conflicts', '--db', b)
    expect(text.out).toContain('待处理的冲突 1 处')
    expect(text.out).toContain('名称')
    expect(text.out).toContain('当前显示')

    // Back the other way, only what A lacks: B's rename.
    const back = path.join(dir, 'from-b.sitechanges')
    const deviceA = written.device
    const sent = JSON.parse((await cli(homeB, 'changes', 'export', '--db', b, '--out', back, '--peer', deviceA, '--json')).out) as { ops: number }
    expect(sent.ops).toBe(1)
    const intoA = await cli(homeA, 'changes', 'import', '--db', a, back)
    expect(intoA.code).toBe(0)
    expect(intoA.out).toContain('合并了 1 条新修改')
    expect(intoA.out).toContain('待处理的冲突 1 处')
  })

  it('answers usage errors in words, with exit code 2', async () => {
    expect((await cli(homeA, 'changes', '--db', a)).code).toBe(2)
    const noOut = await cli(homeA, 'changes', 'export', '--db', a)
    expect(noOut.code).toBe(2)
    expect(noOut.err).toContain('--out')
    const exists = await cli(homeA, 'changes', 'export', '--db', a, '--out', a)
    expect(exists.code).toBe(1)
    expect(exists.err).toContain('已存在')
    expect((await cli(homeA, 'changes', 'import', '--db', a)).code).toBe(2)
    expect((await cli(homeA, 'conflicts', '--db', a, '--peer', 'x')).code).toBe(2)
    const missing = await cli(homeA, 'changes', 'import', '--db', a, path.join(dir, 'nothing.sitechanges'))
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('找不到')
    const help = await cli(homeA, 'help')
    expect(help.out).toContain('changes export')
    expect(help.out).toContain('conflicts --db')
  })

  it('refuses a damaged package, writing nothing', async () => {
    const bad = path.join(dir, 'bad.sitechanges')
    fs.writeFileSync(bad, 'not a package')
    const before = fs.readFileSync(b)
    const result = await cli(homeB, 'changes', 'import', '--db', b, bad, '--json')
    expect(result.code).toBe(1)
    expect(result.err).toContain('修改包：')
    expect(fs.readFileSync(b).equals(before)).toBe(true)
  })
})
