// Small conversions for figures the statistics answers give in other units than the shared
// formats take (land in 亩, while formatArea takes m²), and rates as a sentence says them.

const MU_TO_M2 = 10000 / 15

export const muToM2 = (mu: number) => mu * MU_TO_M2

/** 82% · 61.5%: a rate as a reader says it, without a trailing .0. */
export function percentText(rate: number): string {
  return `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`
}

/** Rounded for a chart's axis and bars: 2 decimals at most. */
export const round2 = (n: number) => Math.round(n * 100) / 100
