import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFinishOnboarding, useSetSetting } from '../features/meta/mutations'

/** First start with an empty store: load the demo dataset or start empty. */
export function Onboarding() {
  const { t } = useTranslation()
  const finish = useFinishOnboarding()
  const setSetting = useSetSetting()
  // Asked once here, optional: every change is signed with it (settings can change it later).
  const [name, setName] = useState('')
  const start = async (loadDemo: boolean) => {
    if (name.trim()) await setSetting.mutateAsync({ key: 'user.name', value: name.trim() }).catch(() => undefined)
    finish.mutate({ loadDemo })
  }
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="onboarding-title">
        <h2 id="onboarding-title">{t('onboarding.title')}</h2>
        <p>{t('onboarding.body')}</p>
        <div className="field">
          <label htmlFor="onboarding-name">{t('onboarding.name')}</label>
          <input id="onboarding-name" name="user.name" value={name} placeholder={t('onboarding.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
          <span className="field__hint">{t('onboarding.nameHint')}</span>
        </div>
        {finish.isPending ? (
          <div className="loading" role="status">{t('onboarding.loading')}</div>
        ) : (
          <div className="modal__actions">
            <button type="button" className="primary" onClick={() => void start(true)}>
              {t('onboarding.demo')}
            </button>
            <button type="button" onClick={() => void start(false)}>
              {t('onboarding.empty')}
            </button>
          </div>
        )}
        {finish.error && <div className="error-box" role="alert">{finish.error.message}</div>}
      </div>
    </div>
  )
}
