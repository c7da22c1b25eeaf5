/**
 * The person's local days as the instants the change log is filtered by: from the start of the
 * first day to the start of the day after the last (the log keeps UTC instants).
 */
export function dayRange(from: string | null, to: string | null): { since?: string; until?: string } {
  const startOf = (iso: string, plusDays = 0) => {
    const [y, m, d] = iso.split('-').map(Number)
    return new Date(y!, m! - 1, d! + plusDays).toISOString()
  }
  return { ...(from ? { since: startOf(from) } : {}), ...(to ? { until: startOf(to, 1) } : {}) }
}
