import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { COMING_FREE_MONTHS, type ComingFreeMonths } from '../../../../shared/tenancy'
import type { ComingFreeSpace } from '../../../../shared/types'
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../components/Page'
import type { Language } from '../../i18n'
import { formatArea } from '../../lib/format'
import { localToday } from '../visits/dates'
import { useComingFree } from './queries'
import './tenancy.css'

const monthsOf = (text: string | null): ComingFreeMonths =>
  COMING_FREE_MONTHS.find((m) => String(m) === text) ?? 3

/** The spaces coming free in the next 3, 6 or 12 months, with the tenant to call. */
export function ComingFreeScreen() {
  const { t, i18n } = useTranslation('tenancy')
  const lang = i18n.language as Language
  const [params, setParams] = useSearchParams()
  const months = monthsOf(params.get('months'))
  const list = useComingFree({ months })
  const rows = list.data ?? []
  const total = rows.reduce((sum, r) => sum + r.area, 0)

  return (
    <div className="coming-free">
      <PageHeader
        title={t('comingFree.title')}
        subtitle={list.data ? t('comingFree.count', { count: rows.length, area: formatArea(total, lang) }) : t('comingFree.subtitle')}
      />
      <div className="tenancy-tabs" role="tablist" aria-label={t('comingFree.title')}>
        {COMING_FREE_MONTHS.map((m) => (
          <button key={m} type="button" role="tab" aria-selected={m === months} data-months={m} onClick={() => setParams({ months: String(m) }, { replace: true })}>
            {t(`comingFree.tabs.${m}`)}
          </button>
        ))}
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('comingFree.emptyTitle', { months })} body={t('comingFree.emptyBody')} />
      ) : (
        <ComingFreeTable rows={rows} lang={lang} />
      )}
    </div>
  )
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

function ComingFreeTable({ rows, lang }: { rows: ComingFreeSpace[]; lang: Language }) {
  const { t } = useTranslation('tenancy')
  const today = localToday()
  return (
    <table className="table coming-free-table">
      <thead>
        <tr>
          <th className="nowrap">{t('comingFree.columns.endDate')}</th>
          <th>{t('comingFree.columns.building')}</th>
          <th className="nowrap">{t('comingFree.columns.floor')}</th>
          <th className="num">{t('comingFree.columns.area')}</th>
          <th>{t('comingFree.columns.tenant')}</th>
          <th>{t('comingFree.columns.contact')}</th>
          <th className="nowrap">{t('comingFree.columns.phone')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const days = daysBetween(today, r.endDate)
          return (
            <tr key={`${r.leaseId}/${r.spaceId}`} data-testid="coming-free-row">
              <td className="nowrap">
                {r.endDate}
                <div className="muted small">{days <= 0 ? t('comingFree.endsToday') : t('comingFree.daysLeft', { count: days })}</div>
              </td>
              <td><Link to={`/buildings/${r.buildingId}`}>{r.buildingName}</Link></td>
              <td className="nowrap">{r.unit ? `${r.floorLabel} · ${r.unit}` : r.floorLabel}</td>
              <td className="num">{formatArea(r.area, lang)}</td>
              <td><Link to={`/tenants/${r.tenantId}`}>{r.tenantName}</Link></td>
              <td>{r.contactName ?? '—'}</td>
              <td className="nowrap">{r.contactPhone ? <a href={`tel:${r.contactPhone.replace(/[^0-9+]/g, '')}`}>{r.contactPhone}</a> : '—'}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
