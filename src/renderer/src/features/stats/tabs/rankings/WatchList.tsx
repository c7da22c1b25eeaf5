import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Language } from '../../../../i18n'
import { todayLocal } from '../../../../../../shared/freshness'
import type { StatsScope, WatchRow } from '../../../../../../shared/stats'
import { DateInput } from '../../../../components/DateInput'
import { EmptyState, ErrorMessage, Loading } from '../../../../components/Page'
import { isoDateOf } from '../../../../lib/dateText'
import { useWatchList } from '../../queries'
import { monthsBefore, reasonMessage } from './reasons'

/** A percentage typed by the person (0–100) as a share 0..1; null when it is not one. */
function shareOf(text: string): number | null {
  const n = Number(text.trim())
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? n / 100 : null
}

/**
 * The watch list (预警): buildings whose occupancy or tax fell since a chosen day, or whose leases
 * ending soon cover much of their area, each with its reasons in plain sentences.
 */
export function WatchList({ scope }: { scope: StatsScope | undefined }) {
  const { t, i18n } = useTranslation('statsRankings')
  const lang = i18n.language as Language
  const today = todayLocal()
  const [since, setSince] = useState(() => monthsBefore(today, 3))
  const [occupancy, setOccupancy] = useState('10')
  const [tax, setTax] = useState('20')
  const [endingDays, setEndingDays] = useState<90 | 180>(90)
  const [ending, setEnding] = useState('30')

  const sinceDay = isoDateOf(since)
  const sinceOk = sinceDay !== null && sinceDay <= today
  const shares = { occupancy: shareOf(occupancy), tax: shareOf(tax), ending: shareOf(ending) }
  // The last valid thresholds stay in force while one is being retyped.
  const [asked, setAsked] = useState({ since, occupancyDrop: 0.1, taxDrop: 0.2, endingShare: 0.3 })
  const next = {
    since: sinceOk ? sinceDay : asked.since,
    occupancyDrop: shares.occupancy ?? asked.occupancyDrop,
    taxDrop: shares.tax ?? asked.taxDrop,
    endingShare: shares.ending ?? asked.endingShare,
  }
  if (next.since !== asked.since || next.occupancyDrop !== asked.occupancyDrop || next.taxDrop !== asked.taxDrop || next.endingShare !== asked.endingShare) setAsked(next)
  const watch = useWatchList({ ...asked, endingDays, scope })

  const bad = [
    !sinceOk && t('watch.badSince'),
    shares.occupancy === null && t('watch.badNumber', { field: t('watch.occupancyDrop') }),
    shares.tax === null && t('watch.badNumber', { field: t('watch.taxDrop') }),
    shares.ending === null && t('watch.badNumber', { field: t('watch.endingShare') }),
  ].filter((x): x is string => typeof x === 'string')

  return (
    <section className="watch-list" aria-labelledby="watch-title">
      <h2 id="watch-title" className="stats-section-title">{t('watch.title')}</h2>
      <p className="stats-note">{t('watch.hint')}</p>
      <div className="toolbar stats-toolbar watch-list__thresholds">
        <label htmlFor="watch-since">{t('watch.since')}</label>
        <DateInput id="watch-since" name="watchSince" value={since} invalid={!sinceOk} onChange={setSince} />
        <label>
          {t('watch.occupancyDrop')}
          <input type="number" name="occupancyDrop" min={0} max={100} value={occupancy} onChange={(e) => setOccupancy(e.target.value)} aria-invalid={shares.occupancy === null} />
          {t('watch.points')}
        </label>
        <label>
          {t('watch.taxDrop')}
          <input type="number" name="taxDrop" min={0} max={100} value={tax} onChange={(e) => setTax(e.target.value)} aria-invalid={shares.tax === null} />
          %
        </label>
        <label>
          {t('watch.endingDays')}
          <select name="endingDays" value={endingDays} onChange={(e) => setEndingDays(e.target.value === '180' ? 180 : 90)}>
            <option value={90}>{t('watch.days', { n: 90 })}</option>
            <option value={180}>{t('watch.days', { n: 180 })}</option>
          </select>
        </label>
        <label>
          {t('watch.endingShare')}
          <input type="number" name="endingShare" min={0} max={100} value={ending} onChange={(e) => setEnding(e.target.value)} aria-invalid={shares.ending === null} />
          {t('watch.percent')}
        </label>
      </div>
      {bad.length > 0 && <div className="error-box" role="alert">{bad.join('；')}</div>}
      {watch.isPending ? <Loading /> : watch.error ? <ErrorMessage error={watch.error} onRetry={() => void watch.refetch()} /> : watch.data.length === 0 ? (
        <EmptyState title={t('watch.empty')} />
      ) : (
        <>
          <p className="stats-note" data-testid="watch-count">{t('watch.count', { count: watch.data.length })}</p>
          <table className="table watch-table">
            <thead><tr><th>{t('watch.building')}</th><th>{t('watch.district')}</th><th>{t('watch.reasons')}</th></tr></thead>
            <tbody>
              {watch.data.map((row: WatchRow) => (
                <tr key={row.buildingId}>
                  <td><Link to={`/buildings/${row.buildingId}`}>{row.name}</Link></td>
                  <td>{row.districtName}</td>
                  <td>
                    <ul className="reason-list">
                      {row.reasons.map((reason) => {
                        const m = reasonMessage(reason, lang)
                        return <li key={reason.kind}>{t(`reasons.${m.key}`, m.values)}</li>
                      })}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
