import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { backupsKept } from '../../src/shared/backupRotation'
import { parseBackupName } from '../../src/shared/backupNames'
import type { BackupEntry, BackupStatus, StoreFileCheck } from '../../src/shared/backup'
import { assetResponse } from '../../src/main/services/assets'
import { makeBackup } from '../../src/main/services/backup/engine'
import { BACKUP_FIRST_CHECK_MS, scheduledBackupIfDue, startBackupSchedule } from '../../src/main/services/backup/schedule'
import { nextDueAt } from '../../src/main/services/backup/status'
import { loadDemoData } from '../../src/main/services/demo/load'
import { inspectStoreFile } from '../../src/main/store/backupFile'
import { backupsDirOf, listBackupFiles } from '../../src/main/store/backupFolder'
import { openStore, StoreOpenError } from '../../src/main/store/open'
import { openTestApp, pickFile, type TestApp, tempDir } from '../helpers/store'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function appWithData(demo = true): Promise<TestApp> {
  const app = await openTestApp()
  cleanups.push(async () => {
    await app.services.shutdown()
    await app.close()
  })
  if (demo) await loadDemoData(app.services.ctx, { today: '2026-06-01' })
  else await app.ok('clusters.create', { name: '惠工方圆', districtCode: '210103' })
  return app
}

function scratch(): string {
  const dir = tempDir()
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')
const localDir = (app: TestApp) => backupsDirOf(app.services.ctx.dataDir)

function openCopy(file: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  cleanups.push(() => void db.close())
  return db
}

const insertCluster = (db: BetterSqlite3.Database, id: string) =>
  db.prepare("INSERT INTO clusters (id, created_at, updated_at, name, district_code) VALUES (?, 'now', 'now', ?, '210103')").run(id, `聚集区 ${id}`)

describe('backups', () => {
  it('a backup made while its own connection and another write is whole and consistent', async () => {
    const app = await appWithData()
    const other = new BetterSqlite3(app.file)
    other.pragma('busy_timeout = 5000')
    cleanups.push(() => void other.close())
    const count = (db: BetterSqlite3.Database) => (db.prepare('SELECT count(*) AS n FROM clusters').get() as { n: number }).n
    const before = count(app.store.sqlite)

    let done = false
    const backup = makeBackup(app.services.ctx, 'manual').finally(() => {
      done = true
    })
    let writes = 0
    while (!done) {
      insertCluster(writes % 2 === 0 ? app.store.sqlite : other, `c-${writes}`)
      writes += 1
      await new Promise((resolve) => setImmediate(resolve))
    }
    const entry = await backup
    expect(writes).toBeGreaterThan(2) // the writes really ran beside the backup

    const copy = openCopy(path.join(localDir(app), entry.id))
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(copy.pragma('foreign_key_check')).toEqual([])
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    const copied = count(copy)
    expect(copied).toBeGreaterThanOrEqual(before)
    expect(copied).toBeLessThanOrEqual(before + writes)
    // A snapshot, not a mix: the clusters it holds are exactly the first ones written.
    const ids = (copy.prepare("SELECT id FROM clusters WHERE id LIKE 'c-%'").all() as Array<{ id: string }>).map((r) => Number(r.id.slice(2))).sort((a, b) => a - b)
    expect(ids).toEqual(ids.map((_, i) => i))
    const check = await inspectStoreFile(path.join(localDir(app), entry.id))
    expect(check.ok).toBe(true)
    expect(entry).toMatchObject({ folder: 'local', reason: 'manual', assetPath: `backups/local/${entry.id}` })
  })

  it('scheduled backups over simulated days: made when due, rotated as the pure rule says, manual ones kept', async () => {
    const opened = Date.now()
    const app = await appWithData(false)
    await app.ok('backup.configure', { everyHours: 24, keep: { daily: 3, weekly: 2, monthly: 2 } })
    const manual = await app.ok('backup.create', {})
    const start = Date.parse('2026-01-05T02:00:00Z')
    const made: string[] = []
    for (let day = 0; day < 45; day++) {
      const now = new Date(start + day * 86_400_000)
      const entry = await scheduledBackupIfDue(app.services.ctx, now)
      expect(entry?.reason).toBe('scheduled')
      made.push(entry!.id)
      // Twelve hours later nothing is due yet.
      expect(await scheduledBackupIfDue(app.services.ctx, new Date(now.getTime() + 12 * 3600_000))).toBeNull()
    }
    const left = listBackupFiles(localDir(app))
    const scheduled = left.filter((f) => f.reason === 'scheduled').map((f) => f.id).sort()
    const everyOne = made.map((id) => ({ id, ...parseBackupName(id)! }))
    const expected = [...backupsKept(everyOne, { daily: 3, weekly: 2, monthly: 2 }, { offsetMinutes: -new Date().getTimezoneOffset() })].sort()
    expect(scheduled).toEqual(expected)
    expect(scheduled).toContain(made.at(-1))
    expect(scheduled.length).toBeLessThanOrEqual(7)
    expect(left.map((f) => f.id)).toContain(manual.id)
    const status = await app.ok('backup.status', {})
    expect(status.lastError).toBeNull()
    // Due since the simulated days ended; the status says the schedule's next look (30 s after the store opened), when it will be made.
    expect(nextDueAt(app.services.ctx.dataDir, status.settings)).toBe(new Date(start + 45 * 86_400_000).toISOString())
    expect(Date.parse(status.nextDueAt!)).toBeGreaterThan(opened)
  })

  it('a fresh store is not said to be overdue before the schedule first looks: the next backup is that look', async () => {
    const before = Date.now()
    const app = await openTestApp()
    cleanups.push(async () => {
      await app.services.shutdown()
      await app.close()
    })
    const dataDir = app.services.ctx.dataDir
    const fresh = await app.ok('backup.status', {})
    // Due at once (no backup yet), but the writer first looks 30 s after opening: that is when it is made.
    expect(Date.parse(nextDueAt(dataDir, fresh.settings)!)).toBeLessThanOrEqual(Date.now())
    expect(Date.parse(fresh.nextDueAt!)).toBeGreaterThanOrEqual(before + BACKUP_FIRST_CHECK_MS)
    // A schedule that looks an hour from now: the status follows it.
    const stop = startBackupSchedule(app.services.ctx, { firstMs: 3600_000, everyMs: 3600_000 })
    cleanups.push(stop)
    const later = await app.ok('backup.status', {})
    expect(Date.parse(later.nextDueAt!)).toBeGreaterThan(Date.parse(fresh.nextDueAt!) + 3000_000)
    // A look noted in the past (the writer gone) promises nothing: the due time stands.
    fs.writeFileSync(path.join(dataDir, 'backup-schedule.json'), JSON.stringify({ nextLookAt: new Date(before - 60_000).toISOString() }))
    expect(Date.parse((await app.ok('backup.status', {})).nextDueAt!)).toBeLessThanOrEqual(Date.now())
  })

  it('scheduled backups are off at 0 hours, and never made of a store never written', async () => {
    const empty = await openTestApp()
    cleanups.push(() => empty.close())
    expect(await scheduledBackupIfDue(empty.services.ctx)).toBeNull()
    const app = await appWithData(false)
    await app.ok('backup.configure', { everyHours: 0 })
    expect(await scheduledBackupIfDue(app.services.ctx)).toBeNull()
    expect((await app.ok('backup.status', {})).nextDueAt).toBeNull()
  })

  it('refuses a mirror folder that is relative, inside the data folder, a file, or cannot be made', async () => {
    const app = await appWithData(false)
    const dir = scratch()
    const file = path.join(dir, 'a-file')
    fs.writeFileSync(file, 'x')
    const refused = async (mirrorDir: string, words: RegExp) => {
      const result = await app.call('backup.configure', { mirrorDir })
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error).toMatchObject({ code: 'invalid', field: 'mirrorDir' })
        expect(result.error.message).toMatch(/^第二备份位置：/)
        expect(result.error.message).toMatch(words)
      }
    }
    await refused('backups', /完整路径/)
    await refused(app.services.ctx.dataDir, /数据文件夹/)
    await refused(path.join(app.services.ctx.dataDir, 'backups', 'mirror'), /数据文件夹/)
    await refused(file, /是一个文件/)
    await refused(path.join(file, 'below'), /无法创建/)
    expect((await app.ok('backup.status', {})).settings.mirrorDir).toBeNull()
  })

  it('copies each manual backup to the mirror; a mirror gone is said in the status, the local backup still made', async () => {
    const app = await appWithData(false)
    const mirror = path.join(scratch(), 'U盘', '备份')
    const configured = await app.ok('backup.configure', { mirrorDir: mirror })
    expect(fs.statSync(mirror).isDirectory()).toBe(true) // made when absent
    expect(configured.mirror).toEqual({ dir: mirror, ok: true, message: null })

    const first = await app.ok('backup.create', {})
    const ours = path.join(mirror, app.services.ctx.author.deviceId)
    expect(digest(path.join(ours, first.id))).toBe(digest(path.join(localDir(app), first.id)))
    const listed = await app.ok('backup.list', {})
    expect(listed.map((e: BackupEntry) => `${e.folder}/${e.id}`).sort()).toEqual([`local/${first.id}`, `mirror/${first.id}`])

    // The stick is pulled out.
    fs.rmSync(path.dirname(mirror), { recursive: true })
    const second = await app.ok('backup.create', {})
    expect(fs.existsSync(path.join(localDir(app), second.id))).toBe(true)
    const status: BackupStatus = await app.ok('backup.status', {})
    expect(status.mirror).toMatchObject({ dir: mirror, ok: false })
    expect(status.mirror!.message).toContain('U 盘')
    expect(status.lastError).toContain(`第二备份位置 ${mirror}`)
    expect(status.lastError).toContain(second.id)
    expect(status.lastBackup?.id).toBe(second.id)
    expect((await app.ok('backup.list', {})).every((e: BackupEntry) => e.folder === 'local')).toBe(true)

    // Back in: the next backup reaches it and the error is cleared.
    fs.mkdirSync(mirror, { recursive: true })
    const third = await app.ok('backup.create', {})
    expect(fs.existsSync(path.join(ours, third.id))).toBe(true)
    expect((await app.ok('backup.status', {})).lastError).toBeNull()
  })

  it('two laptops sharing one mirror folder each keep, list and rotate only their own backups there', async () => {
    const mirror = path.join(scratch(), 'U盘')
    const laptops = [await appWithData(false), await appWithData(false)]
    const made: string[][] = [[], []]
    for (const app of laptops) await app.ok('backup.configure', { mirrorDir: mirror, everyHours: 24, keep: { daily: 2, weekly: 0, monthly: 0 } })
    // Ten days of scheduled backups, the two laptops taking turns (the same minutes: the same names).
    const start = Date.parse('2026-03-02T02:00:00Z')
    for (let day = 0; day < 10; day++) {
      for (const [i, app] of laptops.entries()) {
        const entry = await scheduledBackupIfDue(app.services.ctx, new Date(start + day * 86_400_000))
        made[i]!.push(entry!.id)
      }
    }
    for (const [i, app] of laptops.entries()) {
      const ours = path.join(mirror, app.services.ctx.author.deviceId)
      const kept = listBackupFiles(ours).map((f) => f.id)
      expect(kept).toEqual(made[i]!.slice(-2).reverse())
      // Each backup in the mirror is this laptop's own file.
      for (const id of kept) expect(digest(path.join(ours, id))).toBe(digest(path.join(localDir(app), id)))
      const listed = (await app.ok('backup.list', {})).filter((e: BackupEntry) => e.folder === 'mirror')
      expect(listed.map((e: BackupEntry) => e.id)).toEqual(kept)
    }
    expect(laptops[0]!.services.ctx.author.deviceId).not.toBe(laptops[1]!.services.ctx.author.deviceId)
    expect(fs.readdirSync(mirror).sort()).toEqual(laptops.map((app) => app.services.ctx.author.deviceId).sort())
  })

  it('previews a backup of the list and a file handed over, and refuses names it does not hold', async () => {
    const app = await appWithData()
    const entry = await app.ok('backup.create', {})
    const preview: StoreFileCheck = await app.ok('backup.preview', { source: { folder: 'local', id: entry.id } })
    expect(preview.ok).toBe(true)
    if (preview.ok) {
      expect(preview.summary.counts.buildings).toBeGreaterThan(20)
      expect(preview.summary.newestChange?.actor).toBe('tester')
    }
    const notOurs = path.join(scratch(), 'notes.db')
    fs.writeFileSync(notOurs, 'just text, not a database')
    const foreign: StoreFileCheck = await app.ok('backup.preview', { source: { uploadId: await pickFile(app, notOurs) } })
    expect(foreign).toMatchObject({ ok: false, problem: 'foreign' })
    const missing = await app.call('backup.preview', { source: { folder: 'local', id: 'site-atlas-20200101-000000-manual.db' } })
    expect(missing.ok || missing.error).toMatchObject({ code: 'not_found' })
    const traversal = await app.call('backup.preview', { source: { folder: 'local', id: '../atlas.db' } })
    expect(traversal.ok || traversal.error.code).toBe('invalid')
  })

  it('serves a backup as a download, and nothing else under backups/', async () => {
    const app = await appWithData(false)
    const entry = await app.ok('backup.create', {})
    const answer = await assetResponse(app.services.readAsset, 'GET', `/${entry.assetPath}`)
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('application/octet-stream')
    expect(answer.headers['content-disposition']).toBe(`attachment; filename="${entry.id}"; filename*=UTF-8''${entry.id}`)
    expect(answer.file).toBe(path.join(localDir(app), entry.id))
    expect(answer.headers['content-length']).toBe(String(entry.bytes))
    expect((await assetResponse(app.services.readAsset, 'GET', '/backups/local/site-atlas-20200101-000000-manual.db')).status).toBe(204)
    for (const bad of ['/backups/local/../atlas.db', '/backups/elsewhere/' + entry.id, '/backups/local/atlas.db']) {
      expect((await assetResponse(app.services.readAsset, 'GET', bad)).status, bad).toBe(400)
    }
  })
})

describe('opening a store', () => {
  async function closedDemoStore(): Promise<string> {
    const app = await openTestApp(path.join(scratch(), 'atlas.db'))
    await loadDemoData(app.services.ctx, { today: '2026-06-01' })
    await app.services.shutdown()
    await app.store.close()
    return app.file
  }

  /** Readers skip quick_check (the writer, which opens first, ran it): only a truncation shows to them. */
  const refusesAsDamaged = async (file: string, readersToo: boolean) => {
    const before = digest(file)
    for (const options of readersToo ? [{}, { readonly: true }] : [{}]) {
      const error = await openStore(file, options).then(() => null, (e: unknown) => e)
      expect(error, JSON.stringify(options)).toBeInstanceOf(StoreOpenError)
      expect((error as StoreOpenError).problem).toBe('damaged')
      expect((error as StoreOpenError).message).toMatch(/^数据文件已损坏：.*原文件未做任何修改/)
    }
    expect(digest(file)).toBe(before)
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n !== 'device-id' && n !== 'backup-schedule.json' && !n.startsWith('atlas.db'))).toEqual([])
    expect((await inspectStoreFile(file)).ok).toBe(false)
  }

  it('calls a truncated Site Atlas file damaged and leaves it byte for byte as it was', async () => {
    const file = await closedDemoStore()
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2))
    await refusesAsDamaged(file, true)
    expect(await inspectStoreFile(file)).toMatchObject({ problem: 'damaged' })
  })

  it('calls a Site Atlas file with garbled pages damaged (quick_check before migrating) and leaves it untouched', async () => {
    const file = await closedDemoStore()
    const bytes = fs.readFileSync(file)
    const pageSize = bytes.readUInt16BE(16)
    // Pages 3 to 12 overwritten with noise, the header (page 1) intact: still "ours", no longer whole.
    for (let i = 2 * pageSize; i < 12 * pageSize; i++) bytes[i] = (i * 7919) % 251
    fs.writeFileSync(file, bytes)
    await refusesAsDamaged(file, false)
  })

  it('still calls another program\'s database foreign', async () => {
    const file = path.join(scratch(), 'other.db')
    const other = new BetterSqlite3(file)
    other.exec('CREATE TABLE notes (t TEXT)')
    other.close()
    await expect(openStore(file)).rejects.toMatchObject({ problem: 'not_site_atlas' })
  })

  it('keeps the newest ten backups made before migrations, imports and restores', async () => {
    const dir = scratch()
    const file = path.join(dir, 'atlas.db')
    const old = await openStore(file, { migrateTo: '001_initial' })
    await old.close()
    fs.mkdirSync(backupsDirOf(dir))
    for (let day = 1; day <= 11; day++) fs.writeFileSync(path.join(backupsDirOf(dir), `site-atlas-202601${String(day).padStart(2, '0')}-000000-before-import.db`), 'old')
    fs.writeFileSync(path.join(backupsDirOf(dir), 'site-atlas-20250101-000000-scheduled.db'), 'kept: not an event backup')
    const store = await openStore(file)
    await store.close()
    const left = listBackupFiles(backupsDirOf(dir))
    expect(left.filter((f) => f.reason.startsWith('before-'))).toHaveLength(10)
    expect(left[0]).toMatchObject({ reason: 'before-migration' })
    expect(left.some((f) => f.reason === 'scheduled')).toBe(true)
    const copy = openCopy(path.join(backupsDirOf(dir), left[0]!.id))
    expect(copy.pragma('user_version', { simple: true })).toBe(1)
  })
})
