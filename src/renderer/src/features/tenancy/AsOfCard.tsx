import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '../../components/Field'
import type { Language } from '../../i18n'
import { formatArea, formatRate } from '../../lib/format'
import { isoDateOf } from '../../lib/dateText'
import { localToday } from '../visits/dates'
import { useAsOf } from './queries'
import './tenancy.css'

/** A building's (cluster's, district's) vacancy and occupancy on a chosen day, past or to come. */
export function AsOfCard({ scope, id }: { scope: 'building' | 'cluster' | 'district'; id: string }) {
  const { t, i18n } = useTranslation('tenancy')
  const lang = i18n.language as Language
  const [date, setDate] = useState(localToday)
  const day = isoDateOf(date)
  const figures = useAsOf({ scope, id, date: day ?? localToday() }, day !== null)
  const f = figures.data
  return (
    <section className="as-of-card" data-testid="as-of-card">
      <div className="as-of-card__head">
        <h2>{t('asOf.title')}</h2>
        <TextField label={t('asOf.date')} name="asOfDate" type="date" value={date} onChange={setDate} />
      </div>
      {figures.error ? (
        <p className="form-error">{figures.error.message}</p>
      ) : (
        <dl className="as-of-card__figures" aria-busy={figures.isFetching}>
          <div><dt>{t('asOf.leasable')}</dt><dd data-figure="leasable">{f ? formatArea(f.leasableArea, lang) : '—'}</dd></div>
          <div><dt>{t('asOf.vacant')}</dt><dd data-figure="vacant">{f ? formatArea(f.vacantArea, lang) : '—'}</dd></div>
          <div><dt>{t('asOf.vacancy')}</dt><dd data-figure="vacancy">{f ? formatRate(f.vacancyRate) : '—'}</dd></div>
          <div><dt>{t('asOf.occupancy')}</dt><dd data-figure="occupancy">{f ? formatRate(f.occupancyRate) : '—'}</dd></div>
        </dl>
      )}
      <div className="as-of-card__basis">
        {f && `${f.date} · ${f.basis === 'log' ? t('asOf.basisLog') : t('asOf.basisLeases')}。`}
        {t('asOf.hint')}
      </div>
    </section>
  )
}
