import { useTranslation } from 'react-i18next'
import { useFinishOnboarding } from '../features/meta/mutations'

/** First start with an empty store: load the demo dataset or start empty. */
export function Onboarding() {
  const { t } = useTranslation()
  const finish = useFinishOnboarding()
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="onboarding-title">
        <h2 id="onboarding-title">{t('onboarding.title')}</h2>
        <p>{t('onboarding.body')}</p>
        {finish.isPending ? (
          <div className="loading" role="status">{t('onboarding.loading')}</div>
        ) : (
          <div className="modal__actions">
            <button type="button" className="primary" onClick={() => finish.mutate({ loadDemo: true })}>
              {t('onboarding.demo')}
            </button>
            <button type="button" onClick={() => finish.mutate({ loadDemo: false })}>
              {t('onboarding.empty')}
            </button>
          </div>
        )}
        {finish.error && <div className="error-box" role="alert">{finish.error.message}</div>}
      </div>
    </div>
  )
}
