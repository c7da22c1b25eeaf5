import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { addBuildings, backUp, buildingNames, integrityOk, overwritePages, snapshot, truncate } from '../helpers/restoreDrill'
import { tempDir } from '../helpers/store'

// `npm run cli -- restore --db F --from FILE`: the drill from the command line (a backup, the
// store damaged, the backup restored) and its refusals, which leave F byte for byte as it was.

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

let dir: string
let db: string
let backup: string
beforeEach(async () => {
  dir = tempDir('site-atlas-cli-restore-')
  db = path.join(dir, 'atlas.db')
  await addBuildings(db, ['甲楼', '乙楼'])
  backup = await backUp(db, path.join(dir, 'usb'))
  await addBuildings(db, ['丙楼'])
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('restore from the command line', () => {
  it('restores a backup over a damaged store, keeping the damaged file aside untouched', async () => {
    truncate(db)
    const damaged = fs.readFileSync(db)
    const { code, out, err } = await cli('restore', '--db', db, '--from', backup)
    expect(err).toBe('')
    expect(code).toBe(0)
    expect(out).toMatch(new RegExp(`^备份文件 ${backup}：楼宇 2、空间 0、企业 0、租约 0、地块 0、园区 0、照片 0；最近修改 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}（UTC），tester；数据结构版本 \\d+；`))
    expect(out).toContain(`当前数据文件 ${db}：不能使用：数据文件已损坏：文件被截断`)
    expect(out).toContain(`已恢复：${db} 现为 ${backup} 的内容（楼宇 2、`)
    const aside = /已损坏的原数据文件原样保留在 (\S+)$/m.exec(out)![1]!
    expect(fs.readFileSync(aside)).toEqual(damaged)
    expect(buildingNames(db)).toEqual(['甲楼', '乙楼'].sort())
    expect(integrityOk(db)).toBe(true)
  })

  it('backs up a sound store first and says where (also as JSON)', async () => {
    const { code, out } = await cli('restore', '--db', db, '--from', backup, '--json', '--yes')
    expect(code).toBe(0)
    const answer = JSON.parse(out) as { from: { ok: boolean }; current: { summary: { counts: { buildings: number } } }; restored: { counts: { buildings: number } }; safetyBackup: string; damagedCopy: null }
    expect(answer).toMatchObject({ from: { ok: true }, current: { ok: true, summary: { counts: { buildings: 3 } } }, restored: { counts: { buildings: 2 } }, damagedCopy: null })
    expect(path.dirname(answer.safetyBackup)).toBe(path.join(dir, 'backups'))
    expect(path.basename(answer.safetyBackup)).toMatch(/^site-atlas-\d{8}-\d{6}-before-restore\.db$/)
    expect(buildingNames(answer.safetyBackup)).toEqual(['甲楼', '乙楼', '丙楼'].sort())
    expect(buildingNames(db)).toEqual(['甲楼', '乙楼'].sort())

    // The plain text says the same: where the state it replaced went.
    const again = await cli('restore', '--db', db, '--from', answer.safetyBackup)
    expect(again.code).toBe(0)
    expect(again.out).toMatch(new RegExp(`^恢复前的数据已备份到 ${path.join(dir, 'backups')}/site-atlas-\\d{8}-\\d{6}(-\\d+)?-before-restore\\.db$`, 'm'))
    expect(buildingNames(db)).toEqual(['甲楼', '乙楼', '丙楼'].sort())
  })

  const refusals: Array<[string, () => void, RegExp]> = [
    ['a damaged backup', () => overwritePages(backup), /^错误：备份文件：数据文件已损坏/],
    ['a truncated backup', () => truncate(backup), /^错误：备份文件：数据文件已损坏：文件被截断/],
    ['a file that is not a database', () => fs.writeFileSync(backup, '楼宇,面积\n甲楼,100\n'), /^错误：备份文件：不是 Site Atlas 数据文件/],
  ]
  for (const [what, spoil, message] of refusals) {
    it(`refuses ${what} with exit 1, the store byte for byte unchanged`, async () => {
      spoil()
      const before = snapshot(dir)
      const { code, out, err } = await cli('restore', '--db', db, '--from', backup)
      expect(code).toBe(1)
      expect(err).toMatch(message)
      expect(err).toMatch(/当前数据文件未做任何改动$/)
      expect(out).toMatch(/^备份文件 .*：不能使用：/)
      expect(snapshot(dir)).toEqual(before)
    })
  }

  it('asks for --from, and refuses one that is not there', async () => {
    expect(await cli('restore', '--db', db)).toMatchObject({ code: 2, err: expect.stringMatching(/^错误：参数有误：缺少 --from BACKUP/) })
    expect(await cli('restore', '--db', db, '--from', path.join(dir, 'nope.db'))).toMatchObject({ code: 1, err: expect.stringMatching(/^错误：--from：找不到文件/) })
    expect(await cli('stats', '--db', db, '--from', backup)).toMatchObject({ code: 2, err: expect.stringMatching(/--from 只用于 restore/) })
  })
})
