// The targets' year picker: any year the contract takes (shared/stats.ts: 2000–2100), typed or
// stepped, since targets.list answers one year at a time and old plans must stay reachable.

export const FIRST_YEAR = 2000
export const LAST_YEAR = 2100

/** The year typed, or null while it is not (yet) a whole year in range. */
export function parseYear(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d{4}$/.test(trimmed)) return null
  const year = Number(trimmed)
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null
}
