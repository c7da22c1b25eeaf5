// A row's goal in words and whether its figure meets it, from one place, so that the words and
// the test can never disagree (issue 8, item 6). Pure: unit-tested in tests/unit/bench-runner.test.ts.

export interface Verdict {
  goal: string
  met: boolean
}

const trim = (n: number) => String(Number(n.toFixed(2)))

/** A figure that must not exceed `limit` (milliseconds, MB …). */
export function atMost(value: number, limit: number, unit: string): Verdict {
  return { goal: `≤ ${trim(limit)} ${unit}`, met: Number.isFinite(value) && value <= limit }
}

/** A figure that must reach `limit` (fps …). */
export function atLeast(value: number, limit: number, unit: string): Verdict {
  return { goal: `≥ ${trim(limit)} ${unit}`, met: Number.isFinite(value) && value >= limit }
}

/** A ratio to a baseline that must not exceed `limit`, e.g. ≤ 1.2× raw. */
export function ratioAtMost(ratio: number, limit: number, of: string): Verdict {
  return { goal: `≤ ${trim(limit)}× ${of}`, met: Number.isFinite(ratio) && ratio <= limit }
}

/** A ratio to a baseline that must reach `limit`, e.g. ≥ 10× one <Marker> each. */
export function ratioAtLeast(ratio: number, limit: number, of: string): Verdict {
  return { goal: `≥ ${trim(limit)}× ${of}`, met: Number.isFinite(ratio) && ratio >= limit }
}

/** Every verdict met: the goal words joined with '; '. */
export function allOf(...verdicts: Verdict[]): Verdict {
  return { goal: verdicts.map((v) => v.goal).join('; '), met: verdicts.every((v) => v.met) }
}

export interface Spread {
  min: number
  median: number
  max: number
}

/** Min, median (the upper middle for an even count) and max of some timings. */
export function spread(values: number[]): Spread {
  if (values.length === 0) throw new Error('spread of no values')
  const sorted = [...values].sort((a, b) => a - b)
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! }
}

/** The value below which `p` percent of the values lie (nearest rank), e.g. the p99 of write times. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}
