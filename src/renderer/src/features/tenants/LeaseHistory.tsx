import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { leasePhase, leaseTimeline, type TenantLease } from '../../../../shared/tenants'
import type { Language } from '../../i18n'
import { formatArea, formatRent } from '../../lib/format'
import { localToday } from '../visits/dates'
import './tenants.css'

const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000

/**
 * Every lease of a tenant over time — ended, current and not yet started — in date order, each
 * renewal under the lease it continues, with a bar placing its term on one shared time axis
 * (the red line is today).
 */
export function LeaseHistory({ leases, lang }: { leases: TenantLease[]; lang: Language }) {
  const { t } = useTranslation(['tenants', 'common'], { nsMode: 'fallback' })
  const today = localToday()
  const rows = leaseTimeline(leases)
  const dates = leases.flatMap((l) => [l.startDate, l.endDate]).filter((d): d is string => d !== null)
  const from = day([...dates, today].reduce((a, b) => (a < b ? a : b)))
  const to = Math.max(day([...dates, today].reduce((a, b) => (a > b ? a : b))), from + 1)
  const pct = (d: number) => `${(((d - from) / (to - from)) * 100).toFixed(2)}%`

  return (
    <table className="table lease-timeline">
      <thead>
        <tr>
          <th>{t('detail.columns.building')}</th>
          <th>{t('detail.columns.floors')}</th>
          <th className="num">{t('detail.columns.area')}</th>
          <th>{t('detail.columns.start')}</th>
          <th>{t('detail.columns.end')}</th>
          <th>{t('detail.columns.status')}</th>
          <th className="num">{t('detail.columns.rent')}</th>
          <th style={{ width: '26%' }}>{t('detail.timeline')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ lease: l, depth }) => {
          const phase = leasePhase(l, today)
          const start = l.startDate ? day(l.startDate) : from
          const end = l.endDate ? day(l.endDate) : to
          return (
            <tr key={l.id} data-testid="tenant-lease-row" data-id={l.id} data-phase={phase} className={`is-${phase}`}>
              <td className={depth > 0 ? `depth-${Math.min(depth, 3)}` : undefined}>
                {depth > 0 && (
                  <span className="renews" title={t('detail.renewsHint')}>
                    ↳ {t('detail.renews')}
                  </span>
                )}
                <Link to={`/buildings/${l.buildingId}`}>{l.buildingName}</Link>
              </td>
              <td>{l.floors.join('、') || '—'}</td>
              <td className="num">{formatArea(l.area, lang)}</td>
              <td>{l.startDate ?? '—'}</td>
              <td>{l.endDate ?? t('detail.openEnded')}</td>
              <td>
                <span className={`badge badge--phase-${phase}`}>{t(`detail.phase.${phase}`)}</span>
              </td>
              <td className="num">{formatRent(l.rent, lang)}</td>
              <td>
                <div className="lease-timeline__bar" aria-hidden="true">
                  <span className={`is-${phase}`} style={{ left: pct(start), width: `max(3px, ${(((end - start) / (to - from)) * 100).toFixed(2)}%)` }} />
                  <i style={{ left: pct(day(today)) }} />
                </div>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
