import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { type Kysely, sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, migrations } from '../../src/main/store/migrations'
import { openStore, StoreOpenError } from '../../src/main/store/open'
import { tempDir } from '../helpers/store'

const dirs: string[] = []
const fileIn = (name = 'atlas.db') => {
  const dir = tempDir()
  dirs.push(dir)
  return path.join(dir, name)
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** The schema as SQL text, sorted: a snapshot catches any edit to a landed migration. */
function schemaOf(file: string): string {
  const db = new BetterSqlite3(file, { readonly: true })
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'search_index_%' ORDER BY type, name").all() as Array<{ sql: string }>
  db.close()
  return rows.map((r) => `${r.sql.replace(/\s+/g, ' ')};`).join('\n')
}

describe('store migrations', () => {
  it('creates the latest schema from empty, marks the file as ours and sets its version', async () => {
    const file = fileIn()
    const store = await openStore(file)
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(store.backupPath).toBeNull()
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(store.sqlite.pragma('application_id', { simple: true })).toBe(0x53415441)
    const districts = await store.db.selectFrom('districts').select('name').where('code', '=', '210103').execute()
    expect(districts).toEqual([{ name: '沈河区' }])
    await store.close()
    await expect(schemaOf(file)).toMatchFileSnapshot('./__snapshots__/schema.sql')
  })

  it('keeps data across a reopen without migrating or backing up again', async () => {
    const file = fileIn()
    const first = await openStore(file)
    await sql`INSERT INTO clusters (id, created_at, updated_at, name, district_code) VALUES ('c1', 'now', 'now', '彩塔商务楼宇集聚区', '210103')`.execute(first.db)
    await first.close()
    const second = await openStore(file)
    expect(second.backupPath).toBeNull()
    expect(await second.db.selectFrom('clusters').select('name').execute()).toEqual([{ name: '彩塔商务楼宇集聚区' }])
    await second.close()
  })

  // Migration 001 is the only one so far; this exercises the upgrade path every later migration
  // takes: N-1 with data → N, data kept, the old file copied aside first.
  it('upgrades an earlier version with its data kept and a backup of the old file', async () => {
    const file = fileIn()
    const v1 = await openStore(file, { migrateTo: '001_initial' })
    expect(v1.schemaVersion).toBe(1)
    await sql`INSERT INTO clusters (id, created_at, updated_at, name, district_code) VALUES ('c1', 'now', 'now', '惠工方圆金融楼宇集聚区', '210103')`.execute(v1.db)
    await v1.close()

    const next = {
      ...migrations,
      '002_test_cluster_colour': {
        up: async (db: Kysely<any>) => {
          await db.schema.alterTable('clusters').addColumn('colour', 'text', (c) => c.notNull().defaultTo('#888')).execute()
        },
      },
    }
    const v2 = await openStore(file, { migrations: next })
    expect(v2.schemaVersion).toBe(2)
    expect(v2.sqlite.pragma('user_version', { simple: true })).toBe(2)
    const rows = await sql<{ name: string; colour: string }>`SELECT name, colour FROM clusters`.execute(v2.db)
    expect(rows.rows).toEqual([{ name: '惠工方圆金融楼宇集聚区', colour: '#888' }])
    expect(v2.backupPath).toMatch(/\.v1-.*\.bak$/)
    await v2.close()

    const backup = new BetterSqlite3(v2.backupPath!, { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(1)
    expect(backup.prepare('SELECT name FROM clusters').all()).toEqual([{ name: '惠工方圆金融楼宇集聚区' }])
    backup.close()

    // The app (which knows only migration 001) refuses the newer file instead of damaging it.
    await expect(openStore(file)).rejects.toMatchObject({ problem: 'newer_schema' })
  })

  it('refuses files that are not Site Atlas stores and writes nothing to them', async () => {
    const foreign = fileIn('other.db')
    const other = new BetterSqlite3(foreign)
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)')
    other.close()
    const before = fs.readFileSync(foreign)
    await expect(openStore(foreign)).rejects.toBeInstanceOf(StoreOpenError)
    await expect(openStore(foreign)).rejects.toMatchObject({ problem: 'not_site_atlas' })
    expect(fs.readFileSync(foreign).equals(before)).toBe(true)

    const text = fileIn('notes.db')
    fs.writeFileSync(text, 'this is not a database at all, just some text that is long enough '.repeat(20))
    await expect(openStore(text)).rejects.toMatchObject({ problem: 'not_site_atlas' })

    await expect(openStore(fileIn('missing.db'), { mustExist: true })).rejects.toMatchObject({ problem: 'missing' })
  })
})
