import type { Language } from '../i18n'
import { parseNumber } from './form'
import { formatArea, formatMu } from './format'

// 占地面积 is entered in m² and read in 亩 too, as the bureau's reports (亩均税收) count land.

/** "6,000 m² · 9.00 亩"; '—' when not known. */
export const formatLandArea = (m2: number | null | undefined, lang: Language): string =>
  m2 == null ? '—' : `${formatArea(m2, lang)} · ${formatMu(m2, lang)}`

/** The 亩 of what is being typed in a m² box ("≈ 9.00 亩"), or nothing while it is not a number. */
export function muHint(typed: string, lang: Language): string | undefined {
  const n = parseNumber(typed)
  return typeof n === 'number' && n > 0 ? `≈ ${formatMu(n, lang)}` : undefined
}
