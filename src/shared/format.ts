import { squareMetresToMu } from './domain'

// Numbers the way the users read them: 万 and 亿 for large amounts, m² and 亩, 元/m²·天. Shared
// by the renderer (src/renderer/src/lib/format.ts) and the command line, so both print alike.

/** The interface languages (the renderer's i18n Language). */
export type Language = 'zh' | 'en'

const grouped = (n: number, digits = 0) =>
  n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: digits })

/** 8,500 m² · 5.2万 m² · 3.3亿 m² (zh) or 52,000 m² (en). */
export function formatArea(m2: number | null | undefined, lang: Language = 'zh'): string {
  if (m2 == null) return '—'
  if (lang === 'zh' && Math.abs(m2) >= 1e8) return `${grouped(m2 / 1e8, 2)}亿 m²`
  if (lang === 'zh' && Math.abs(m2) >= 10_000) return `${grouped(m2 / 10_000, 2)}万 m²`
  return `${grouped(m2, 0)} m²`
}

/** 363.00 亩 */
export function formatMu(m2: number | null | undefined, lang: Language = 'zh'): string {
  if (m2 == null) return '—'
  const mu = squareMetresToMu(m2).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  return `${mu} ${lang === 'zh' ? '亩' : 'mu'}`
}

/** 20亿元 · 350万元 · 9,000元 (zh); CNY 2 billion · CNY 3.5 million (en). */
export function formatMoney(yuan: number | null | undefined, lang: Language = 'zh'): string {
  if (yuan == null) return '—'
  if (lang === 'en') {
    if (Math.abs(yuan) >= 1e9) return `CNY ${grouped(yuan / 1e9, 2)} billion`
    if (Math.abs(yuan) >= 1e6) return `CNY ${grouped(yuan / 1e6, 2)} million`
    return `CNY ${grouped(yuan, 0)}`
  }
  if (Math.abs(yuan) >= 1e8) return `${grouped(yuan / 1e8, 2)}亿元`
  if (Math.abs(yuan) >= 1e4) return `${grouped(yuan / 1e4, 2)}万元`
  return `${grouped(yuan, 0)}元`
}

/** 25.0% */
export function formatRate(rate: number | null | undefined): string {
  if (rate == null) return '—'
  return `${(rate * 100).toFixed(1)}%`
}

/** 3.5 元/m²·天 */
export function formatRent(rent: number | null | undefined, lang: Language = 'zh'): string {
  if (rent == null) return '—'
  return `${grouped(rent, 2)} ${lang === 'zh' ? '元/m²·天' : 'CNY/m²·day'}`
}

export function formatRentRange(min: number | null, max: number | null, lang: Language = 'zh'): string {
  if (min == null || max == null) return '—'
  if (min === max) return formatRent(min, lang)
  return `${grouped(min, 2)}–${formatRent(max, lang)}`
}

export function formatCount(n: number | null | undefined): string {
  return n == null ? '—' : grouped(n, 0)
}

/** 850 KB · 12.4 MB · 1.20 GB */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(0)} KB`
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`
}

/** A map bubble's count the way Chinese readers count: 9876 stays whole, 12,345 reads 1.2万. */
export function formatBubbleCount(n: number): string {
  return n < 10_000 ? String(n) : `${(n / 10_000).toFixed(1).replace(/\.0$/, '')}万`
}

/**
 * A chart axis's tick: short, no unit (the axis names it). 8,500 · 5万 · 1.2亿 (zh);
 * 8.5k · 52k · 1.2M (en).
 */
export function formatAxisNumber(n: number, lang: Language = 'zh'): string {
  const abs = Math.abs(n)
  const short = (value: number, suffix: string) => `${Number(value.toFixed(2))}${suffix}`
  if (lang === 'en') {
    if (abs >= 1e9) return short(n / 1e9, 'B')
    if (abs >= 1e6) return short(n / 1e6, 'M')
    if (abs >= 1e3) return short(n / 1e3, 'k')
    return grouped(n, 2)
  }
  if (abs >= 1e8) return short(n / 1e8, '亿')
  if (abs >= 1e4) return short(n / 1e4, '万')
  return grouped(n, 2)
}

/** A rate axis's tick: 25% (whole points; 12.5% when a step needs it). */
export function formatAxisRate(rate: number): string {
  return `${Number((rate * 100).toFixed(1))}%`
}
