// Rates as a sentence says them, and chart values rounded past float noise.

/** 82% · 61.5%: a rate as a reader says it, without a trailing .0. */
export function percentText(rate: number): string {
  return `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`
}

/** Rounded for a chart's bars: 2 decimals at most. */
export const round2 = (n: number) => Math.round(n * 100) / 100
