import { describe, expect, it } from 'vitest'
import {
  BACKUP_FOLDERS, BACKUP_INTERVALS, BACKUP_REASONS, DEFAULT_BACKUP_KEEP, STORE_FILE_PROBLEMS,
  backupConfigureInput, type BackupEntry,
} from '../../src/shared/backup'
import {
  configureInputOf, countsPhrase, entryKey, firstUsable, formOfSettings, localTime, megabytes, newestFirst, relativeTime,
} from '../../src/renderer/src/features/backup/backupText'
import { messages } from '../../src/renderer/src/features/backup/i18n'

// The backup screens' pure parts: the list's order, dates in local time and sizes in MB, how far a
// time is from now, a preview's counts in one phrase, which backup the recovery screen offers, and
// the settings form turned into what backup.configure accepts.

const entry = (id: string, createdAt: string, folder: BackupEntry['folder'] = 'local', reason: BackupEntry['reason'] = 'scheduled'): BackupEntry => ({
  id, folder, reason, createdAt, bytes: 1024 ** 2, assetPath: `backups/${folder}/${id}`,
})

describe('the backup list', () => {
  it('lists both folders newest first, the local copy before its mirror', () => {
    const list = [
      entry('a.db', '2026-12-01T03:00:00.000Z'),
      entry('c.db', '2026-12-02T03:00:00.000Z', 'mirror'),
      entry('c.db', '2026-12-02T03:00:00.000Z', 'local'),
      entry('b.db', '2026-12-01T15:00:00.000Z', 'mirror', 'manual'),
    ]
    expect(newestFirst(list).map(entryKey)).toEqual(['local/c.db', 'mirror/c.db', 'mirror/b.db', 'local/a.db'])
    // The list given is left as it was.
    expect(list[0]!.id).toBe('a.db')
  })

  it('writes the date in this computer’s local time, year first', () => {
    const instant = new Date(2026, 11, 2, 9, 5, 30).toISOString()
    expect(localTime(instant)).toBe('2026-12-02 09:05')
    expect(localTime('not a date')).toBe('not a date')
  })

  it('writes sizes in MB', () => {
    expect(megabytes(0)).toBe('0.0 MB')
    expect(megabytes(500)).toBe('< 0.1 MB')
    expect(megabytes(12.5 * 1024 ** 2)).toBe('12.5 MB')
    expect(megabytes(380 * 1024 ** 2)).toBe('380 MB')
    expect(megabytes(2048 * 1024 ** 2)).toBe('2,048 MB')
  })
})

describe('how far a time is from now', () => {
  const now = Date.parse('2026-12-02T03:00:00.000Z')
  const at = (ms: number) => new Date(now + ms).toISOString()
  it('says it in Chinese', () => {
    expect(relativeTime(at(3 * 3_600_000), now, 'zh')).toBe('3 小时后')
    expect(relativeTime(at(-40 * 60_000), now, 'zh')).toBe('40 分钟前')
    expect(relativeTime(at(-3 * 86_400_000), now, 'zh')).toBe('3 天前')
    expect(relativeTime(at(-20_000), now, 'zh')).toBe('刚刚')
    expect(relativeTime(at(20_000), now, 'zh')).toBe('即将')
    expect(relativeTime(at(20_000), now, 'en')).toBe('shortly')
  })
  it('says it in English', () => {
    expect(relativeTime(at(40 * 60_000), now, 'en')).toBe('in 40 minutes')
    expect(relativeTime(at(-3_600_000), now, 'en')).toBe('1 hour ago')
    expect(relativeTime(at(-5 * 86_400_000), now, 'en')).toBe('5 days ago')
  })
})

describe('what a backup holds, in one phrase', () => {
  const zhWord = (key: string, count: number) => `${count} ${key}`
  it('lists the kinds present in their reading order', () => {
    const counts = { buildings: 12, spaces: 340, tenants: 0, leases: 25, parcels: 3, parks: 0, photos: 7 }
    expect(countsPhrase(counts, zhWord, 'zh')).toBe('12 buildings、340 spaces、25 leases、3 parcels、7 photos')
    expect(countsPhrase(counts, zhWord, 'en')).toBe('12 buildings, 340 spaces, 25 leases, 3 parcels, 7 photos')
  })
  it('says an empty store holds no buildings rather than nothing at all', () => {
    const none = { buildings: 0, spaces: 0, tenants: 0, leases: 0, parcels: 0, parks: 0, photos: 0 }
    expect(countsPhrase(none, zhWord, 'zh')).toBe('0 buildings')
  })
})

describe('the backup the recovery screen offers', () => {
  const list = [entry('old.db', '2026-11-30T03:00:00.000Z'), entry('new.db', '2026-12-02T03:00:00.000Z'), entry('mid.db', '2026-12-01T03:00:00.000Z', 'mirror')]
  it('is the newest one not refused', () => {
    expect(firstUsable(list, new Set())?.id).toBe('new.db')
    expect(firstUsable(list, new Set(['local/new.db']))?.id).toBe('mid.db')
    // A refusal is per folder: the same name refused in the mirror leaves the local one offered.
    expect(firstUsable(list, new Set(['mirror/new.db']))?.id).toBe('new.db')
  })
  it('is none when every backup was refused, or there is none', () => {
    expect(firstUsable(list, new Set(list.map(entryKey)))).toBeNull()
    expect(firstUsable([], new Set())).toBeNull()
  })
})

describe('the backup settings form', () => {
  const saved = { everyHours: 4 as const, mirrorDir: '/media/usb/备份', keep: DEFAULT_BACKUP_KEEP }

  it('sends back what it was given when nothing was changed', () => {
    const parsed = backupConfigureInput.parse(configureInputOf(formOfSettings(saved)))
    expect(parsed).toEqual(saved)
  })

  it('clears the second folder when its field is emptied, and reads typed numbers', () => {
    const form = { ...formOfSettings(saved), everyHours: '0', mirrorDir: '   ', daily: ' 14 ', monthly: '24' }
    expect(backupConfigureInput.parse(configureInputOf(form))).toEqual({ everyHours: 0, mirrorDir: null, keep: { daily: 14, weekly: 4, monthly: 24 } })
  })

  it('lets the service name a number that is not one, beside its field', () => {
    const form = { ...formOfSettings(saved), daily: '七', weekly: '' }
    const result = backupConfigureInput.safeParse(configureInputOf(form))
    expect(result.success).toBe(false)
    const fields = result.error!.issues.map((i) => [i.path.join('.'), i.message])
    expect(fields).toContainEqual(['keep.daily', '保留每日备份：应为整数'])
    expect(fields.map(([f]) => f)).toContain('keep.weekly')
  })
})

describe('the backup screens’ words', () => {
  const keysOf = (o: unknown, prefix = ''): string[] =>
    typeof o === 'object' && o !== null ? Object.entries(o).flatMap(([k, v]) => keysOf(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)]

  it('has every string in both languages', () => {
    expect(keysOf(messages.en).sort()).toEqual(keysOf(messages.zh).sort())
  })

  it('names every reason, folder, interval and problem the contract has', () => {
    for (const m of [messages.zh, messages.en]) {
      for (const r of BACKUP_REASONS) expect(m.reasons[r]).toBeTruthy()
      for (const f of BACKUP_FOLDERS) expect(m.folders[f]).toBeTruthy()
      for (const h of BACKUP_INTERVALS) expect(m.settings.intervals[String(h) as keyof typeof m.settings.intervals]).toBeTruthy()
      for (const p of [...STORE_FILE_PROBLEMS, 'missing'] as const) {
        expect(m.problems[p]).toBeTruthy()
        expect(m.recovery.titles[p]).toBeTruthy()
      }
    }
  })

  it('writes the Chinese reasons the way the bureau says them', () => {
    expect(BACKUP_REASONS.map((r) => messages.zh.reasons[r])).toEqual(['定时', '手动', '升级前', '导入前', '恢复前'])
    expect(BACKUP_INTERVALS.map((h) => messages.zh.settings.intervals[String(h) as keyof typeof messages.zh.settings.intervals])).toEqual(['关闭', '每小时', '每 4 小时', '每 12 小时', '每天'])
  })
})
