import { useTranslation } from 'react-i18next'
import { SPACE_STATUSES } from '../../../../../shared/domain'
import { STATUS_KEYS } from './i18n'

const KEY_OF = Object.fromEntries(Object.entries(STATUS_KEYS).map(([key, status]) => [status, key]))

/** The colours of the plan and the grid, with the letter that sets each status in the grid. */
export function PlanLegend({ withKeys = false }: { withKeys?: boolean }) {
  const { t } = useTranslation(['stacking', 'common'], { nsMode: 'fallback' })
  return (
    <ul className="stacking__legend" aria-label={t('legend.title')}>
      {SPACE_STATUSES.map((s) => (
        <li key={s}>
          <span className={`swatch status--${s}`} aria-hidden="true" />
          {withKeys && <kbd>{KEY_OF[s]}</kbd>}
          {t(`vocab.spaceStatus.${s}`)}
        </li>
      ))}
      {!withKeys && (
        <>
          <li><span className="swatch swatch--ending6" aria-hidden="true" />{t('legend.ending6')}</li>
          <li><span className="swatch swatch--ending12" aria-hidden="true" />{t('legend.ending12')}</li>
          <li><span className="swatch swatch--block" aria-hidden="true" />{t('legend.block')}</li>
        </>
      )}
    </ul>
  )
}
