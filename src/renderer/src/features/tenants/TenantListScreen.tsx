import { useDeferredValue } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import type { Tenant } from '../../../../shared/types'
import { DemoBadge, EmptyState, ErrorMessage, Loading, PageHeader } from '../../components/Page'
import type { Language } from '../../i18n'
import { formatCount, formatMoney } from '../../lib/format'
import { useTenants } from './queries'

export function TenantListScreen() {
  const { t } = useTranslation(['tenants', 'common'], { nsMode: 'fallback' })
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const deferredQ = useDeferredValue(q.trim().slice(0, 100))
  const tenants = useTenants(deferredQ || undefined)

  const setQ = (value: string) => {
    const next = new URLSearchParams(params)
    if (value) next.set('q', value)
    else next.delete('q')
    setParams(next, { replace: true })
  }

  return (
    <div className="tenants-list">
      <PageHeader
        title={t('list.title')}
        subtitle={tenants.data ? t('list.count', { count: tenants.data.length }) : undefined}
        actions={
          <button type="button" className="primary" onClick={() => void navigate('/tenants/new')}>
            {t('list.add')}
          </button>
        }
      />
      <div className="toolbar" role="search">
        <input type="search" name="q" value={q} placeholder={t('list.search')} aria-label={t('list.search')} onChange={(e) => setQ(e.target.value)} />
      </div>
      {tenants.isPending ? (
        <Loading />
      ) : tenants.error ? (
        <ErrorMessage error={tenants.error} onRetry={() => void tenants.refetch()} />
      ) : tenants.data.length === 0 ? (
        q ? (
          <EmptyState title={t('list.noMatchTitle')} />
        ) : (
          <EmptyState
            title={t('list.emptyTitle')}
            body={t('list.emptyBody')}
            action={
              <Link className="button primary" to="/tenants/new">
                {t('list.add')}
              </Link>
            }
          />
        )
      ) : (
        <TenantTable tenants={tenants.data} />
      )}
    </div>
  )
}

function TenantTable({ tenants }: { tenants: Tenant[] }) {
  const { t, i18n } = useTranslation(['tenants', 'common'], { nsMode: 'fallback' })
  const lang = i18n.language as Language
  return (
    <table className="table tenant-table">
      <thead>
        <tr>
          <th>{t('columns.name')}</th>
          <th>{t('columns.creditCode')}</th>
          <th>{t('columns.industry')}</th>
          <th>{t('columns.aboveScale')}</th>
          <th>{t('columns.registered')}</th>
          <th className="num">{t('columns.annualTax')}</th>
          <th className="num">{t('columns.staff')}</th>
        </tr>
      </thead>
      <tbody>
        {tenants.map((x) => (
          <tr key={x.id} data-testid="tenant-row" data-id={x.id}>
            <td>
              <Link to={`/tenants/${x.id}`}>{x.name}</Link> <DemoBadge show={x.isDemo} />
            </td>
            <td className="mono">{x.creditCode ?? '—'}</td>
            <td>{x.industry ? t(`vocab.industry.${x.industry}`) : '—'}</td>
            <td>{x.aboveScale ? t('yes') : t('no')}</td>
            <td>{x.registeredInDistrict ? t('yes') : t('no')}</td>
            <td className="num">{formatMoney(x.annualTax, lang)}</td>
            <td className="num">{formatCount(x.staff)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
