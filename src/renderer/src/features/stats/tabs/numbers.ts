import type { Language } from '../../../../../shared/format'

// Figures the shared formats (lib/format.ts) take in other units: the statistics answers give land
// in 亩 and reference values in 万元, while formatMu and formatMoney take m² and 元.

const MU_TO_M2 = 10000 / 15

/** 12.50 亩 from a figure already in 亩. */
export function formatMuValue(mu: number | null | undefined, lang: Language = 'zh'): string {
  if (mu == null) return '—'
  return `${mu.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${lang === 'zh' ? '亩' : 'mu'}`
}

export const muToM2 = (mu: number) => mu * MU_TO_M2

/** 82% · 61.5%: a rate as a reader says it, without a trailing .0. */
export function percentText(rate: number): string {
  return `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`
}

/** Rounded for a chart's axis and bars: 2 decimals at most. */
export const round2 = (n: number) => Math.round(n * 100) / 100
