import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { openTestApp, tempDir } from '../helpers/store'

// `cli stats --land`: the JSON issue 11 fixes (land use and status as identifiers, only these keys)
// and a table a person reads, over parcels whose figures are worked out by hand.

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('cli stats --land', () => {
  let dir: string
  let db: string
  beforeAll(async () => {
    dir = tempDir()
    db = path.join(dir, 'land.db')
    const app = await openTestApp(db)
    const parcel = (code: string, fields: Record<string, unknown>) => app.ok('parcels.create', { code, name: `${code} 地块`, districtCode: '210112', ...fields } as never)
    await parcel('L1', { landUse: 'industrial', status: 'reserve', area: 6000 }) // 9 亩
    await parcel('L2', { landUse: 'industrial', status: 'reserve', area: 4000 }) // 6 亩
    await parcel('L3', { landUse: 'commercial', status: 'transferred', area: 2000 }) // 3 亩
    await parcel('L4', { landUse: 'commercial', status: 'listed' }) // no area
    await app.close()
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('prints the rows and total as JSON with exactly the keys the issue fixes', async () => {
    const { code, out, err } = await cli('stats', '--db', db, '--land', '--json')
    expect(err).toBe('')
    expect(code).toBe(0)
    expect(JSON.parse(out)).toEqual({
      rows: [
        { landUse: 'commercial', status: 'listed', parcels: 1, areaM2: 0, areaMu: 0 },
        { landUse: 'commercial', status: 'transferred', parcels: 1, areaM2: 2000, areaMu: 2000 / (10000 / 15) },
        { landUse: 'industrial', status: 'reserve', parcels: 2, areaM2: 10_000, areaMu: 10_000 / (10000 / 15) },
      ],
      total: { parcels: 4, areaM2: 12_000, areaMu: 12_000 / (10000 / 15) },
    })
  })

  it('prints a readable Chinese table with the same figures', async () => {
    const { code, out } = await cli('stats', '--db', db, '--land')
    expect(code).toBe(0)
    const lines = out.split('\n')
    expect(lines[0]).toBe('用地性质\t状态\t宗数\t面积\t亩')
    expect(lines).toContain('商业用地\t出让公示\t1 宗\t0 m²\t0.00 亩')
    expect(lines).toContain('工业用地\t储备\t2 宗\t1万 m²\t15.00 亩')
    expect(lines).toContain('合计\t\t4 宗\t1.2万 m²\t18.00 亩')
    expect(lines.at(-1)).toBe('（其中 1 宗未填面积，只计宗数）')
  })
})
