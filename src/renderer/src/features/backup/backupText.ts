import {
  BACKUP_INTERVALS,
  type BackupEntry,
  type BackupSettings,
  type BackupSource,
  type StoreFileSummary,
} from '../../../../shared/backup'
import { parseNumber } from '../../lib/form'

// The backup screens' pure shaping: order, dates and sizes as people read them, the counts of a
// preview in one sentence, which backup the recovery screen offers first, and the settings form's
// text turned into backup.configure's input.

export type Lang = 'zh' | 'en'

/** Folder + file name: an entry's identity across both folders. */
export const entryKey = (e: Pick<BackupEntry, 'folder' | 'id'>): string => `${e.folder}/${e.id}`

export const sourceOf = (e: Pick<BackupEntry, 'folder' | 'id'>): BackupSource => ({ folder: e.folder, id: e.id })

/** Newest first; at the same instant the local copy before the mirror's (it is the one always there). */
export function newestFirst(entries: readonly BackupEntry[]): BackupEntry[] {
  return [...entries].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.folder === b.folder ? 0 : a.folder === 'local' ? -1 : 1))
}

const pad = (n: number) => String(n).padStart(2, '0')

/** An instant in this computer's local time, year first in both languages: 2026-12-02 11:15. */
export function localTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Bytes in MB, the unit the list uses whatever the size: 0.4 MB · 12.5 MB · 1,024 MB. */
export function megabytes(bytes: number): string {
  const mb = bytes / 1024 ** 2
  if (bytes > 0 && mb < 0.1) return '< 0.1 MB'
  return mb < 100 ? `${mb.toFixed(1)} MB` : `${Math.round(mb).toLocaleString('en-US')} MB`
}

/**
 * How far an instant is from now, roughly, in words: "3 小时后", "2 天前", "in 40 minutes". Under a
 * minute reads 即将 / shortly ahead and 刚刚 / just now behind.
 */
export function relativeTime(iso: string, now: number, lang: Lang): string {
  const diff = Date.parse(iso) - now
  if (Number.isNaN(diff)) return ''
  const abs = Math.abs(diff)
  const minutes = Math.round(abs / 60_000)
  if (minutes < 1 && diff > 0) return lang === 'zh' ? '即将' : 'shortly'
  if (minutes < 1) return lang === 'zh' ? '刚刚' : 'just now'
  const hours = Math.round(abs / 3_600_000)
  const days = Math.round(abs / 86_400_000)
  const [n, zhUnit, enUnit] = minutes < 60 ? [minutes, '分钟', 'minute'] : hours < 48 ? [hours, '小时', 'hour'] : [days, '天', 'day']
  if (lang === 'zh') return `${n} ${zhUnit}${diff > 0 ? '后' : '前'}`
  const unit = `${n} ${enUnit}${n === 1 ? '' : 's'}`
  return diff > 0 ? `in ${unit}` : `${unit} ago`
}

/** The counts of a preview in the order a person reads a district's holdings. */
export const COUNT_KEYS = ['buildings', 'spaces', 'tenants', 'leases', 'parcels', 'parks', 'photos'] as const
export type CountKey = (typeof COUNT_KEYS)[number]

/**
 * The counts as one phrase, each through `word` (the i18n's "{{count}} 栋楼宇"), joined the way the
 * language lists things: "12 栋楼宇、340 个空间…". Kinds with none are left out unless all are none.
 */
export function countsPhrase(counts: StoreFileSummary['counts'], word: (key: CountKey, count: number) => string, lang: Lang): string {
  const present = COUNT_KEYS.filter((k) => counts[k] > 0)
  const keys = present.length > 0 ? present : (['buildings'] as const)
  return keys.map((k) => word(k, counts[k])).join(lang === 'zh' ? '、' : ', ')
}

/**
 * The backup the recovery screen offers first: the newest not yet found unusable (`bad` holds the
 * keys whose preview refused them), or null when none is left.
 */
export function firstUsable(entries: readonly BackupEntry[], bad: ReadonlySet<string>): BackupEntry | null {
  return newestFirst(entries).find((e) => !bad.has(entryKey(e))) ?? null
}

/** The settings form as typed. */
export interface BackupSettingsForm {
  everyHours: string
  mirrorDir: string
  daily: string
  weekly: string
  monthly: string
}

export const formOfSettings = (s: BackupSettings): BackupSettingsForm => ({
  everyHours: String(s.everyHours),
  mirrorDir: s.mirrorDir ?? '',
  daily: String(s.keep.daily),
  weekly: String(s.keep.weekly),
  monthly: String(s.keep.monthly),
})

/**
 * backup.configure's input from the form. Text that is not a number is passed on as typed so the
 * service names the field ('保留每日备份：应为整数'); an empty folder clears the mirror.
 */
export function configureInputOf(form: BackupSettingsForm) {
  const keepNumber = (text: string) => parseNumber(text) ?? (text as unknown as number)
  return {
    everyHours: Number(form.everyHours) as (typeof BACKUP_INTERVALS)[number],
    mirrorDir: form.mirrorDir.trim() === '' ? null : form.mirrorDir.trim(),
    keep: { daily: keepNumber(form.daily), weekly: keepNumber(form.weekly), monthly: keepNumber(form.monthly) },
  }
}

/** The interval choices, off first, as the select lists them. */
export const INTERVAL_CHOICES: ReadonlyArray<(typeof BACKUP_INTERVALS)[number]> = BACKUP_INTERVALS

/** A file name for 另存为…: the backup's own name, which already says when and why. */
export const saveNameOf = (e: Pick<BackupEntry, 'id'>): string => e.id
