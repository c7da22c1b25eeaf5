import i18n from '../../../../i18n'
import { messages } from './messages'

for (const lang of ['zh', 'en'] as const) {
  if (!i18n.hasResourceBundle(lang, 'statsRankings')) i18n.addResourceBundle(lang, 'statsRankings', messages[lang])
}
