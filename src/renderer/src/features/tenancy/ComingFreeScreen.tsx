import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { COMING_FREE_MONTHS, type ComingFreeMonths } from '../../../../shared/tenancy'
import type { ComingFreeSpace } from '../../../../shared/types'
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../components/Page'
import type { Language } from '../../i18n'
import { formatArea } from '../../lib/format'
import { useClusters } from '../buildings/queries'
import { useDistricts } from '../meta/queries'
import { localToday } from '../visits/dates'
import { useComingFree } from './queries'
import './tenancy.css'

const monthsOf = (text: string | null): ComingFreeMonths =>
  COMING_FREE_MONTHS.find((m) => String(m) === text) ?? 3

/** `district:210103` or `cluster:<id>` in the address, as the method's scope. */
const scopeOf = (text: string | null): { kind: 'district' | 'cluster'; id: string } | undefined => {
  const match = /^(district|cluster):(.+)$/.exec(text ?? '')
  return match ? { kind: match[1] as 'district' | 'cluster', id: match[2]! } : undefined
}

/** The spaces coming free in the next 3, 6 or 12 months, with the tenant to call. */
export function ComingFreeScreen() {
  const { t, i18n } = useTranslation('tenancy')
  const lang = i18n.language as Language
  const [params, setParams] = useSearchParams()
  const months = monthsOf(params.get('months'))
  const scopeText = params.get('scope') ?? ''
  const scope = scopeOf(scopeText)
  const list = useComingFree(scope ? { months, scope } : { months })
  const districts = useDistricts()
  const clusters = useClusters()
  const choose = (next: { months?: ComingFreeMonths; scope?: string }) => {
    const values = { months: String(next.months ?? months), scope: next.scope ?? scopeText }
    setParams(values.scope ? values : { months: values.months }, { replace: true })
  }
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
          <button key={m} type="button" role="tab" aria-selected={m === months} data-months={m} onClick={() => choose({ months: m })}>
            {t(`comingFree.tabs.${m}`)}
          </button>
        ))}
        <select className="tenancy-tabs__scope" name="scope" aria-label={t('comingFree.scope')} value={scopeText} onChange={(e) => choose({ scope: e.target.value })}>
          <option value="">{t('comingFree.allScopes')}</option>
          <optgroup label={t('comingFree.districts')}>
            {(districts.data ?? []).map((d) => <option key={d.code} value={`district:${d.code}`}>{d.name}</option>)}
          </optgroup>
          {(clusters.data ?? []).length > 0 && (
            <optgroup label={t('comingFree.clusters')}>
              {(clusters.data ?? []).map((c) => <option key={c.id} value={`cluster:${c.id}`}>{c.name}</option>)}
            </optgroup>
          )}
        </select>
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
