import type { Language } from '../../i18n'

// "How this is counted" sentences. The server writes them in Chinese (shared/trend.ts,
// services/targets/rows.ts); in another language the renderer's own sentence is shown instead.

/** The server's sentence in Chinese, the renderer's translation of it otherwise. */
export const basisIn = (lang: Language, server: string, translated: string): string => (lang === 'zh' ? server : translated)
