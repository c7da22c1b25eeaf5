import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { common } from './common'

export type Language = 'zh' | 'en'
export interface Messages {
  zh: Record<string, unknown>
  en: Record<string, unknown>
}

// Each feature keeps its strings beside its code in features/<name>/i18n.ts (export `messages`);
// they are gathered here under the feature's name as namespace, e.g. t('buildings:title').
const featureModules = import.meta.glob<{ messages: Messages }>('../features/*/i18n.ts', { eager: true })

const resources: Record<Language, Record<string, Record<string, unknown>>> = {
  zh: { common: common.zh },
  en: { common: common.en },
}
for (const [path, module] of Object.entries(featureModules)) {
  const namespace = /features\/([^/]+)\/i18n\.ts$/.exec(path)?.[1]
  if (!namespace) continue
  resources.zh[namespace] = module.messages.zh
  resources.en[namespace] = module.messages.en
}

const LANGUAGE_KEY = 'site-atlas.language'

export function initialLanguage(): Language {
  return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh'
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'zh',
  defaultNS: 'common',
  // A feature's t() finds shared strings (actions, vocabulary) without naming the namespace.
  fallbackNS: 'common',
  ns: Object.keys(resources.zh),
  interpolation: { escapeValue: false },
})

/** Switches the UI language; the choice is also saved in the store by the caller. */
export async function applyLanguage(language: Language): Promise<void> {
  localStorage.setItem(LANGUAGE_KEY, language)
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en'
  await i18n.changeLanguage(language)
}

export default i18n
