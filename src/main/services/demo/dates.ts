// Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC, so results do not depend on the machine's
// time zone: the demo's lease dates are a pure function of "today".

const parse = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return Date.UTC(y, m - 1, d)
}
const format = (ms: number) => new Date(ms).toISOString().slice(0, 10)

export function addDays(iso: string, days: number): string {
  return format(parse(iso) + days * 86_400_000)
}

/** Whole months later (or earlier), on the first of that month: leases start and end on month boundaries. */
export function monthStart(iso: string, months: number): string {
  const date = new Date(parse(iso))
  return format(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1))
}

/** The local calendar day, the same one SQLite's date('now', 'localtime') gives. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
