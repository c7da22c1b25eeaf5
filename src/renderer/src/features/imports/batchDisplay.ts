import type { Language } from '../../i18n'

/** When an import happened or was undone, the way the person's language writes it. */
export function formatWhen(at: string, lang: Language): string {
  return new Date(at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
}
