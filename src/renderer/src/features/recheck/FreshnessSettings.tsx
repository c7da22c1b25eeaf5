import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_STALE_DAYS, STALE_DAYS_KEY } from '../../../../shared/freshness'
import { useToast } from '../../components/Toast'
import { useSetStaleDays } from './mutations'
import { useStaleDays } from './queries'

/** The settings screen's 核实周期: after how many days a record not verified counts as stale. */
export function FreshnessSettings() {
  const days = useStaleDays()
  // Keyed by the saved value, so the field shows it once settings arrive and after a save.
  return <StaleDaysForm key={days} saved={days} />
}

function StaleDaysForm({ saved }: { saved: number }) {
  const { t } = useTranslation('recheck')
  const toast = useToast()
  const save = useSetStaleDays()
  const [value, setValue] = useState(String(saved))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate({ key: STALE_DAYS_KEY, value: value.trim() }, { onSuccess: () => toast(t('settings.saved')) })
  }
  return (
    <section className="panel" id="freshness">
      <h2>{t('settings.title')}</h2>
      <form className="settings__row" onSubmit={submit} noValidate>
        <label className="settings__label" htmlFor="settings-stale-days">{t('settings.label')}</label>
        <input
          id="settings-stale-days"
          name={STALE_DAYS_KEY}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_STALE_DAYS}
          className="settings__number"
          value={value}
          aria-invalid={save.error ? true : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        <span>{t('settings.unit')}</span>
        <button type="submit" className="primary" disabled={save.isPending}>{t('common:actions.save')}</button>
      </form>
      <div className="field__hint">{t('settings.hint')}</div>
      {save.error && <div className="form-error" role="alert">{save.error.message}</div>}
    </section>
  )
}
