import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { type Migration, sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, migrations } from '../../src/main/store/migrations'
import { openStore } from '../../src/main/store/open'
import { schemaOf } from '../helpers/crashCheck'
import { tempDir } from '../helpers/store'

// Migrations are all or nothing (open.ts migrateAtomically): Kysely runs SQLite migrations without a
// transaction, so a migration that stopped halfway (an error here; a kill in the crash drill) left
// its first statements behind. These fail without the one transaction around the whole upgrade.

const dirs: string[] = []
const fileIn = () => {
  const dir = tempDir('site-atlas-crash-migrations-')
  dirs.push(dir)
  return path.join(dir, 'atlas.db')
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

interface Shape {
  schema: string
  version: number
  applied: number
  applicationId: number
}

function shapeOf(file: string): Shape {
  const db = new BetterSqlite3(file, { readonly: true })
  try {
    const schema = schemaOf(db)
    const hasLog = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'kysely_migration'").get() !== undefined
    return {
      schema,
      version: db.pragma('user_version', { simple: true }) as number,
      applied: hasLog ? (db.prepare('SELECT count(*) AS n FROM kysely_migration').get() as { n: number }).n : 0,
      applicationId: db.pragma('application_id', { simple: true }) as number,
    }
  } finally {
    db.close()
  }
}

/** The app's first `count` migrations, then one that writes part of its change and fails. */
function brokenAfter(count: number): Record<string, Migration> {
  const kept = Object.fromEntries(Object.entries(migrations).slice(0, count))
  return {
    ...kept,
    [`${String(count + 1).padStart(3, '0')}_stops_halfway`]: {
      up: async (db) => {
        await sql`CREATE TABLE halfway (id TEXT PRIMARY KEY)`.execute(db)
        if (count > 0) await sql`ALTER TABLE buildings ADD COLUMN halfway TEXT`.execute(db)
        throw new Error('stopped halfway')
      },
    },
  }
}

describe('migrations stopped halfway', () => {
  it('leave an upgraded store exactly at its old version, and the next open upgrades it cleanly', async () => {
    const file = fileIn()
    await (await openStore(file, { migrateTo: '007_sites_version' })).close()
    const before = shapeOf(file)
    expect(before).toMatchObject({ version: 7, applied: 7 })

    await expect(openStore(file, { migrations: brokenAfter(7) })).rejects.toThrow(/数据结构升级失败（008_stops_halfway）：stopped halfway/)
    expect(shapeOf(file)).toEqual(before)

    const store = await openStore(file)
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    await store.close()
    const fresh = fileIn()
    await (await openStore(fresh)).close()
    expect(shapeOf(file)).toEqual(shapeOf(fresh))
  })

  it('leave a new file empty, so the next open makes it a store instead of refusing it as not ours', async () => {
    const file = fileIn()
    await expect(openStore(file, { migrations: brokenAfter(0) })).rejects.toThrow(/001_stops_halfway/)
    expect(shapeOf(file)).toEqual({ schema: '[]', version: 0, applied: 0, applicationId: 0 })

    const store = await openStore(file)
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    await store.close()
  })

  it('leave no partial before-migration copy under a backup name', async () => {
    const file = fileIn()
    await (await openStore(file, { migrateTo: '007_sites_version' })).close()
    await expect(openStore(file, { migrations: brokenAfter(7) })).rejects.toThrow(/stopped halfway/)
    // Beside the file (<file>.v7-….bak) or in the data folder's backups/, whichever this version uses.
    const folders = [path.dirname(file), path.join(path.dirname(file), 'backups')].filter((f) => fs.existsSync(f))
    const names = folders.flatMap((folder) => fs.readdirSync(folder).map((name) => path.join(folder, name)))
    const copies = names.filter((name) => name.endsWith('.bak') || (name.endsWith('.db') && name !== file))
    // The copy was made before the failed upgrade: whole, at the old version.
    expect(copies).toHaveLength(1)
    expect(names.filter((name) => name.endsWith('.part'))).toEqual([])
    expect(shapeOf(copies[0]!)).toMatchObject({ version: 7, applied: 7 })
  })
})
