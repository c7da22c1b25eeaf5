import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EVENT_BACKUPS_KEPT } from '../../src/shared/backup'
import { backupFileName } from '../../src/shared/backupNames'
import { LATEST_SCHEMA_VERSION, migrations } from '../../src/main/store/migrations'
import { RESTORE_STEPS, type RestoreStep, restoreStore } from '../../src/main/store/restore'
import { addBuildings, backUp, buildingNames, integrityOk, overwritePages, snapshot, truncate, writeSnapshot } from '../helpers/restoreDrill'
import { tempDir } from '../helpers/store'

// restoreStore (src/main/store/restore.ts): a backup put in the store's place with the store
// closed; refusals change nothing; a crash at any step leaves the old store or the new one whole.

let dir: string
let storeFile: string
let backupsDir: string
const OLD = ['甲楼', '乙楼', '丙楼'].sort() // the store now, sorted as buildingNames sorts
const BACKED_UP = ['甲楼', '乙楼'].sort()

beforeEach(async () => {
  dir = tempDir('site-atlas-restore-')
  storeFile = path.join(dir, 'site-atlas.db')
  backupsDir = path.join(dir, 'backups')
  await addBuildings(storeFile, ['甲楼', '乙楼'])
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

/** The backup made now, then one more building in the store (so the two differ). */
async function backupThenMore(): Promise<string> {
  const backup = await backUp(storeFile, path.join(dir, 'elsewhere'))
  await addBuildings(storeFile, ['丙楼'])
  return backup
}

// device-id: this installation's identity, and backup-schedule.json: the scheduled backups' next look,
// both written by the services that made the test's stores.
const filesIn = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name !== 'device-id' && name !== 'backup-schedule.json').sort() : [])

describe('restoring a backup over the store', () => {
  it('replaces a sound store after backing it up (before-restore), leaving no file of its own behind', async () => {
    const backup = await backupThenMore()
    const backupBytes = fs.readFileSync(backup)
    const result = await restoreStore({ storeFile, candidate: backup, backupsDir })

    expect(buildingNames(storeFile)).toEqual(BACKED_UP)
    expect(integrityOk(storeFile)).toBe(true)
    expect(result.restored).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, counts: { buildings: 2 }, newestChange: { actor: 'tester' } })
    expect(result.damagedCopy).toBeNull()
    expect(result.safetyBackup).toMatchObject({ folder: 'local', reason: 'before-restore', assetPath: `backups/local/${result.safetyBackup!.id}` })
    expect(buildingNames(path.join(backupsDir, result.safetyBackup!.id))).toEqual(OLD)
    expect(fs.readFileSync(backup)).toEqual(backupBytes) // the candidate is only read
    expect(filesIn(dir)).toEqual(['backups', 'elsewhere', 'site-atlas.db'])
  })

  it('migrates a file from an older version as it restores it', async () => {
    const names = Object.keys(migrations)
    const old = path.join(dir, 'elsewhere', 'old.db')
    fs.mkdirSync(path.dirname(old))
    await addBuildings(old, ['旧楼'], { migrateTo: names[7] })
    expect(new BetterSqlite3(old, { readonly: true }).pragma('user_version', { simple: true })).toBe(8)

    const result = await restoreStore({ storeFile, candidate: old, backupsDir })
    expect(result.restored.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(buildingNames(storeFile)).toEqual(['旧楼'])
    expect(filesIn(dir)).toEqual(['backups', 'elsewhere', 'site-atlas.db'])
  })

  it('migrates an older file without a backup of its own: every event backup in the folder stays, no copy is made', async () => {
    const old = path.join(dir, 'elsewhere', 'old.db')
    fs.mkdirSync(path.dirname(old))
    await addBuildings(old, ['旧楼'], { migrateTo: Object.keys(migrations)[7] })
    // Restored into a new place (no store, so no safety backup): the folder holds as many event backups as are kept.
    const place = path.join(dir, 'new')
    const events = Array.from({ length: EVENT_BACKUPS_KEPT }, (_, i) => backupFileName(new Date(Date.UTC(2026, 0, 1 + i)), 'before-import'))
    fs.mkdirSync(path.join(place, 'backups'), { recursive: true })
    for (const name of events) fs.writeFileSync(path.join(place, 'backups', name), name)

    const result = await restoreStore({ storeFile: path.join(place, 'site-atlas.db'), candidate: old, backupsDir: path.join(place, 'backups') })
    expect(result.restored.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(result.safetyBackup).toBeNull()
    expect(buildingNames(path.join(place, 'site-atlas.db'))).toEqual(['旧楼'])
    expect(filesIn(path.join(place, 'backups'))).toEqual([...events].sort())
    for (const name of events) expect(fs.readFileSync(path.join(place, 'backups', name), 'utf8')).toBe(name)
  })

  for (const [damage, how] of [['truncated', truncate], ['pages overwritten', overwritePages]] as const) {
    it(`moves a damaged store (${damage}) aside untouched instead of backing it up`, async () => {
      const backup = await backupThenMore()
      how(storeFile)
      const damagedBytes = fs.readFileSync(storeFile)
      const result = await restoreStore({ storeFile, candidate: backup, backupsDir })

      expect(result.safetyBackup).toBeNull()
      expect(result.damagedCopy).toMatch(/site-atlas\.db\.damaged-\d{8}-\d{6}$/)
      expect(fs.readFileSync(result.damagedCopy!)).toEqual(damagedBytes)
      expect(buildingNames(storeFile)).toEqual(BACKED_UP)
      expect(integrityOk(storeFile)).toBe(true)
    })
  }
})

describe('refusing a file that cannot be restored, changing nothing', () => {
  const cases: Array<[string, (file: string) => void | Promise<void>, RegExp]> = [
    ['a truncated backup', (file) => truncate(file), /^备份文件：数据文件已损坏：文件被截断/],
    ['a backup with pages overwritten', (file) => overwritePages(file), /^备份文件：数据文件已损坏/],
    ['a text file', (file) => fs.writeFileSync(file, 'name,area\n甲楼,100\n'.repeat(20)), /^备份文件：不是 Site Atlas 数据文件（不是 SQLite 数据库）/],
    ['an empty file', (file) => fs.writeFileSync(file, ''), /^备份文件：这是一个空文件/],
    ['another program\'s database', (file) => {
      fs.rmSync(file)
      const other = new BetterSqlite3(file)
      other.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (\'x\')')
      other.close()
    }, /^备份文件：不是 Site Atlas 数据文件（其他程序的 SQLite 数据库）/],
    ['a file from a newer version', (file) => {
      const sqlite = new BetterSqlite3(file)
      sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
      sqlite.close()
    }, /^备份文件：数据结构版本为 \d+，比本程序支持的 \d+ 更新/],
    ['a Site Atlas file with a trigger of someone else\'s', (file) => {
      const sqlite = new BetterSqlite3(file)
      sqlite.exec('CREATE TRIGGER sneaky AFTER INSERT ON buildings BEGIN DELETE FROM tenants; END')
      sqlite.close()
    }, /^备份文件：结构与 Site Atlas 第 \d+ 版不符（多出 trigger sneaky）/],
  ]
  for (const [what, spoil, message] of cases) {
    it(`refuses ${what}`, async () => {
      const backup = await backupThenMore()
      await spoil(backup)
      const before = snapshot(dir)
      const refused = restoreStore({ storeFile, candidate: backup, backupsDir })
      await expect(refused).rejects.toMatchObject({ code: 'invalid', field: 'source', message: expect.stringMatching(message) })
      await expect(refused).rejects.toMatchObject({ message: expect.stringMatching(/。当前数据文件未做任何改动$/) })
      expect(snapshot(dir)).toEqual(before)
      expect(filesIn(backupsDir)).toEqual([])
      expect(buildingNames(storeFile)).toEqual(OLD)
    })
  }

  it('refuses a file over the size limit before reading it', async () => {
    const backup = await backupThenMore()
    const before = snapshot(dir)
    await expect(restoreStore({ storeFile, candidate: backup, backupsDir, maxBytes: 4096 })).rejects.toMatchObject({ message: expect.stringMatching(/^备份文件：文件过大/) })
    expect(snapshot(dir)).toEqual(before)
  })

  it('refuses while another program has the store open (a running app), before making anything', async () => {
    const backup = await backupThenMore()
    const running = new BetterSqlite3(storeFile)
    try {
      running.pragma('journal_mode = WAL')
      expect(running.prepare('SELECT count(*) AS n FROM buildings').get()).toEqual({ n: 3 })
      const before = snapshot(dir)
      await expect(restoreStore({ storeFile, candidate: backup, backupsDir })).rejects.toMatchObject({
        code: 'conflict', message: expect.stringMatching(/^数据文件：.* 正被其他程序（如正在运行的 Site Atlas）打开，不能恢复/),
      })
      expect(snapshot(dir)).toEqual(before)
      expect(filesIn(backupsDir)).toEqual([])
    } finally {
      running.close()
    }
  })

  it('refuses to replace a current file that is not a Site Atlas store', async () => {
    const backup = await backupThenMore()
    fs.writeFileSync(storeFile, 'not a database at all, but someone\'s file')
    const before = snapshot(dir)
    await expect(restoreStore({ storeFile, candidate: backup, backupsDir })).rejects.toMatchObject({ message: expect.stringMatching(/^数据文件：.*不是 Site Atlas 数据文件.*不能用恢复替换它/) })
    expect(snapshot(dir)).toEqual(before)
  })
})

describe('a crash at any step leaves the old store or the new one whole', () => {
  /** Restores with a fault at `at`: the folder as a crash there would leave it, then the throw. */
  async function crashAt(at: RestoreStep, candidate: string): Promise<{ crashed: Map<string, Buffer>; reached: boolean }> {
    let crashed: Map<string, Buffer> | null = null
    let reached = false
    try {
      await restoreStore({
        storeFile, candidate, backupsDir, fault: (step) => {
          if (step !== at) return
          crashed = snapshot(dir)
          throw new Error(`crash at ${step}`)
        },
      })
    } catch (error) {
      reached = (error as Error).message === `crash at ${at}`
    }
    return { crashed: crashed ?? new Map(), reached }
  }

  it('for a sound store and a backup from an older version, at every step', async () => {
    const old = path.join(dir, 'elsewhere', 'old.db')
    fs.mkdirSync(path.dirname(old))
    await addBuildings(old, ['旧楼'], { migrateTo: Object.keys(migrations)[7] })
    await addBuildings(storeFile, ['丙楼'])
    const steps = RESTORE_STEPS.filter((step) => step !== 'aside') // 'aside' is the damaged store's step
    for (const step of steps) {
      const { crashed, reached } = await crashAt(step, old)
      expect(reached, step).toBe(true)
      // What a restart would find: the store file as the crash left it (with any -wal beside it).
      const after = path.join(dir, `crash-${step}`)
      writeSnapshot(new Map([...crashed].filter(([name]) => name.startsWith('site-atlas.db'))), after)
      const found = buildingNames(path.join(after, 'site-atlas.db'))
      expect([OLD, ['旧楼']], step).toContainEqual(found)
      expect(integrityOk(path.join(after, 'site-atlas.db')), step).toBe(true)
      // Up to the rename the store is the old one; from it, the new one.
      expect(found, step).toEqual(step === 'swapped' ? ['旧楼'] : OLD)
      // The store as the failed restore left it here: the same, with no half-made file beside it.
      expect(buildingNames(storeFile), step).toEqual(found)
      expect(filesIn(dir).filter((name) => name.includes('.restoring')), step).toEqual([])
      if (step === 'swapped') return
    }
  })

  it('for a damaged store, at every step: the damaged file stays as it was, in place or aside', async () => {
    const backup = await backupThenMore()
    truncate(storeFile)
    const damaged = fs.readFileSync(storeFile)
    const steps = RESTORE_STEPS.filter((step) => step !== 'migrated' && step !== 'safety')
    for (const step of steps) {
      const { crashed, reached } = await crashAt(step, backup)
      expect(reached, step).toBe(true)
      const store = crashed.get('site-atlas.db')!
      const restored = !store.equals(damaged)
      expect(restored, step).toBe(step === 'swapped')
      if (restored) {
        const after = path.join(dir, `crash-${step}`)
        writeSnapshot(new Map([['site-atlas.db', store]]), after)
        expect(buildingNames(path.join(after, 'site-atlas.db'))).toEqual(BACKED_UP)
      }
      // Once set aside, the damaged file is there byte for byte (and never more than one copy per restore).
      const aside = [...crashed.keys()].filter((name) => name.includes('.damaged-'))
      for (const name of aside) expect(crashed.get(name)!.equals(damaged), `${step} ${name}`).toBe(true)
      expect(aside.length > 0, step).toBe(steps.indexOf(step) >= steps.indexOf('aside'))
      for (const name of fs.readdirSync(dir).filter((n) => n.includes('.damaged-'))) fs.rmSync(path.join(dir, name))
      if (step === 'swapped') return
    }
  })
})
