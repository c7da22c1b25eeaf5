import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STORE_FILE_PROBLEMS } from '../../src/shared/backup'
import { inspectStoreFile } from '../../src/main/store/backupFile'
import { openStore } from '../../src/main/store/open'
import { tempDir } from '../helpers/store'

// Files offered as a store to restore or open (issue 12): one with our application_id but someone
// else's views, triggers or tables is foreign — refused before the quick check reads its pages; a
// truncated one is damaged; a large one is bounded by the caller's byte limit; random damage always
// ends in a judgement, never a throw.

let dir: string
let pristine: string

beforeAll(async () => {
  dir = tempDir()
  pristine = path.join(dir, 'pristine.db')
  const store = await openStore(pristine)
  await store.close()
  // One file, no -wal beside it: the copies below are whole.
  const db = new Database(pristine)
  db.pragma('journal_mode = DELETE')
  db.close()
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

let copies = 0
/** A copy of a fresh store changed by `sql` (run with a plain connection, as an attacker would). */
function variant(sql: string): string {
  const file = path.join(dir, `variant-${++copies}.db`)
  fs.copyFileSync(pristine, file)
  if (sql) {
    const db = new Database(file)
    db.exec(sql)
    db.pragma('journal_mode = DELETE')
    db.close()
  }
  return file
}

describe('a hostile file offered as a store', () => {
  it('judges a fresh store ours and whole (the file the others are made from)', async () => {
    expect(await inspectStoreFile(variant(''))).toMatchObject({ ok: true, summary: { counts: { buildings: 0 } } })
  })

  it('calls a file with our application_id and a view, a trigger or an extra table foreign', async () => {
    const cases: Array<[string, RegExp]> = [
      ['CREATE VIEW v AS WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c) SELECT n FROM c', /多出 view v/],
      ["CREATE TRIGGER t AFTER INSERT ON buildings BEGIN DELETE FROM leases; END", /多出 trigger t/],
      ['CREATE TABLE loot (x)', /多出 table loot/],
      ['CREATE INDEX extra_idx ON buildings (name)', /多出 index extra_idx/],
    ]
    for (const [sql, reason] of cases) {
      const check = await inspectStoreFile(variant(sql))
      expect(check, sql).toMatchObject({ ok: false, problem: 'foreign', message: expect.stringMatching(reason) })
    }
  })

  it('calls a file whose own table was redefined foreign', async () => {
    const check = await inspectStoreFile(variant('DROP TABLE clusters; CREATE TABLE clusters (id TEXT)'))
    expect(check).toMatchObject({ ok: false, problem: 'foreign', message: expect.stringMatching(/table clusters 的定义不同/) })
  })

  it('refuses a foreign table of 200 MB without reading its pages, and a large file over the byte limit', async () => {
    // zeroblob rows are written fast; the quick check would read every one of their pages.
    const big = variant(`CREATE TABLE hoard (b BLOB);
      INSERT INTO hoard SELECT zeroblob(10 * 1024 * 1024) FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c LIMIT 20) SELECT n FROM c)`)
    expect(fs.statSync(big).size).toBeGreaterThan(200 * 1024 * 1024)
    expect(await inspectStoreFile(big)).toMatchObject({ ok: false, problem: 'foreign', message: expect.stringMatching(/多出 table hoard/) })
    expect(await inspectStoreFile(big, { maxBytes: 100 * 1024 * 1024 })).toMatchObject({ ok: false, problem: 'too_large' })
    fs.rmSync(big)
  })

  it('calls a truncated store damaged, not foreign', async () => {
    // Rows first, so the file has pages to lose.
    const file = variant(`INSERT INTO clusters (id, name, district_code, created_at, updated_at)
      SELECT 'c' || n, '聚集区' || n, '210103', '2026-01-01', '2026-01-01'
      FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c LIMIT 5000) SELECT n FROM c)`)
    const size = fs.statSync(file).size
    for (const keep of [Math.floor(size / 2), size - 4096, 4096]) {
      const cut = path.join(dir, `cut-${keep}.db`)
      fs.copyFileSync(file, cut)
      fs.truncateSync(cut, keep)
      expect(await inspectStoreFile(cut), `kept ${keep} of ${size}`).toMatchObject({ ok: false, problem: 'damaged' })
    }
  })

  it('always judges a store with random bytes overwritten: a known problem or a whole store, never a throw', async () => {
    const bytes = fs.readFileSync(pristine)
    let n = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat({ max: bytes.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 40 }),
        async (flips) => {
          const file = path.join(dir, `flipped-${++n}.db`)
          const copy = Buffer.from(bytes)
          for (const { at, value } of flips) copy[at] = value
          fs.writeFileSync(file, copy)
          const check = await inspectStoreFile(file)
          if (!check.ok) {
            expect(STORE_FILE_PROBLEMS).toContain(check.problem)
            expect(check.message).toMatch(/[\u4e00-\u9fff]/)
          }
          fs.rmSync(file)
        },
      ),
      { numRuns: 25 },
    )
  })
})
