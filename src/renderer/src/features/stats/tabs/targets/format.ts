import type { Language } from '../../../../i18n'
import { formatArea } from '../../../../lib/format'

/** A target's figure with its unit: areas the way areas read (万 m²), counts and the rest grouped. */
export function formatTargetValue(value: number, unit: string, lang: Language): string {
  if (unit === 'm²') return formatArea(value, lang)
  return `${value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} ${unit}`
}

/** The bare number, for axes and inputs' neighbours. */
export function formatPlain(value: number, unit: string, lang: Language): string {
  if (unit === 'm²') return formatArea(value, lang).replace(/\s*m²$/, '')
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })
}
