// How old a figure is (最近核实): every building, space and parcel carries the day staff last
// confirmed it on site (verified_at). A record never verified counts from the day it was entered,
// and says so. A record is stale when more than `staleDays` days have passed.
//
// A "check" travels as one short string, 'YYYY-MM-DD' + 'V' (verified that day) or 'E' (never
// verified, entered that day): one column on the map's wire, and the oldest of several parts (a
// building and its spaces) is simply the smallest string ('E' sorts before 'V', so on the same day
// a part never verified wins and the words say 未核实).

export const STALE_DAYS_KEY = 'freshness.staleDays'
export const DEFAULT_STALE_DAYS = 90
export const MAX_STALE_DAYS = 3650

export type Check = string

export interface CheckParts {
  /** YYYY-MM-DD */
  on: string
  verified: boolean
}

const DAY_MS = 86_400_000

const pad = (n: number) => String(n).padStart(2, '0')

/** The local calendar day of a moment (an ISO time such as created_at, or a Date). */
export function localDay(moment: string | Date): string {
  const d = typeof moment === 'string' ? new Date(moment) : moment
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Today as the store writes verified_at (local date). */
export const todayLocal = (): string => localDay(new Date())

/** A record's check from its verified_at (a day) or, never verified, its created_at (an ISO time). */
export function checkOf(verifiedAt: string | null, createdAt: string): Check {
  return verifiedAt ? `${verifiedAt.slice(0, 10)}V` : `${localDay(createdAt)}E`
}

/** The oldest of several checks (nulls ignored); null when there are none. */
export function oldestCheck(...checks: ReadonlyArray<Check | null | undefined>): Check | null {
  let oldest: Check | null = null
  for (const c of checks) if (c && (oldest === null || c < oldest)) oldest = c
  return oldest
}

export function checkParts(check: Check): CheckParts {
  return { on: check.slice(0, 10), verified: check.endsWith('V') }
}

/** Whole calendar days from `day` to `today` (both YYYY-MM-DD); 0 on the same day. */
export function daysBetween(day: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day.slice(0, 10)}T00:00:00Z`)) / DAY_MS)
}

export function ageDays(check: Check, today: string): number {
  return Math.max(0, daysBetween(check, today))
}

/** Not verified for more than `staleDays` days. */
export function isStale(check: Check | null | undefined, today: string, staleDays: number): boolean {
  return check != null && ageDays(check, today) > staleDays
}

/**
 * The day before which a check is stale: `check.slice(0, 10) < cutoff` ⇔ isStale. For SQL and
 * for painting thousands of sites with one string comparison each.
 */
export function staleCutoff(today: string, staleDays: number): string {
  const t = Date.parse(`${today}T00:00:00Z`) - staleDays * DAY_MS
  return new Date(t).toISOString().slice(0, 10)
}

/** The stale threshold from the settings' text; the default when unset or unreadable. */
export function readStaleDays(value: string | null | undefined): number {
  const n = value == null ? NaN : Number(value)
  return Number.isInteger(n) && n >= 1 && n <= MAX_STALE_DAYS ? n : DEFAULT_STALE_DAYS
}

/** The settings.set check of the threshold: a whole number of days, 1 to 3650. */
export function checkStaleDaysText(value: string): string | null {
  const n = Number(value.trim())
  return value.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= MAX_STALE_DAYS
    ? null
    : `复核周期：应为 1 至 ${MAX_STALE_DAYS} 之间的整数天数`
}

export type AgeUnit = 'today' | 'days' | 'months' | 'years'

/** An age as people say it: days under two months, then whole months (rounded), then years from two. */
export function ageAmount(days: number): { unit: AgeUnit; count: number } {
  if (days <= 0) return { unit: 'today', count: 0 }
  if (days < 60) return { unit: 'days', count: days }
  if (days < 730) return { unit: 'months', count: Math.round(days / 30.4375) }
  return { unit: 'years', count: Math.round(days / 365.25) }
}

const ZH_UNIT: Record<Exclude<AgeUnit, 'today'>, string> = { days: '天', months: '个月', years: '年' }
const EN_UNIT: Record<Exclude<AgeUnit, 'today'>, [string, string]> = { days: ['day', 'days'], months: ['month', 'months'], years: ['year', 'years'] }

/**
 * The words people read beside a figure: "12 天前核实", "已 4 个月未核实" (stale), "今天核实",
 * "未核实，录入于 2026-03-02" (never verified; stale or not, the entry day is what is known).
 */
export function freshnessWords(check: Check, today: string, staleDays: number, lang: 'zh' | 'en' = 'zh'): string {
  const { on, verified } = checkParts(check)
  const { unit, count } = ageAmount(ageDays(check, today))
  const stale = isStale(check, today, staleDays)
  if (lang === 'en') {
    if (!verified) return `Not verified, entered ${on}`
    if (unit === 'today') return 'Verified today'
    const amount = `${count} ${EN_UNIT[unit][count === 1 ? 0 : 1]}`
    return stale ? `Not verified for ${amount}` : `Verified ${amount} ago`
  }
  if (!verified) return `未核实，录入于 ${on}`
  if (unit === 'today') return '今天核实'
  return stale ? `已 ${count} ${ZH_UNIT[unit]}未核实` : `${count} ${ZH_UNIT[unit]}前核实`
}
