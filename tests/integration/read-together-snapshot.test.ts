import path from 'node:path'
import fs from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { readRowsTogether } from '../../src/main/store/handle'
import { openStore, type Store } from '../../src/main/store/open'
import { tempDir } from '../helpers/store'

// A building's page is several statements read together: a commit by another process (the writer)
// between two of them must not show half of it.

describe('readRowsTogether', () => {
  const cleanup: Array<() => Promise<void> | void> = []
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step()
  })

  it('reads every query from one snapshot, even when another connection commits between them', async () => {
    const dir = tempDir('site-atlas-snapshot-')
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const file = path.join(dir, 'atlas.db')
    const store: Store = await openStore(file)
    cleanup.push(() => store.close())
    store.sqlite.exec('CREATE TABLE probe (n INTEGER)')
    const other = new BetterSqlite3(file)
    cleanup.push(() => void other.close())
    // Evaluated by the first statement, after its read began: another connection commits a row.
    store.sqlite.function('commit_elsewhere', () => {
      other.prepare('INSERT INTO probe (n) VALUES (1)').run()
      return 1
    })

    const [[first], [second]] = await readRowsTogether(store.db, [
      sql<{ n: number; done: number }>`SELECT count(*) AS n, commit_elsewhere() AS done FROM probe`,
      sql<{ n: number }>`SELECT count(*) AS n FROM probe`,
    ] as const)

    expect(first!.n).toBe(0)
    expect(second!.n).toBe(first!.n)
    // The row was committed: a read after the pair sees it.
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM probe').get()).toEqual({ n: 1 })
  })
})
