import { useVirtualizer } from '@tanstack/react-virtual'
import { useDeferredValue, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import type { MethodInput } from '../../../../shared/api'
import { INDUSTRY_SECTIONS, type IndustrySection } from '../../../../shared/domain'
import type { TenantOverviewRow } from '../../../../shared/tenants'
import { DemoBadge, EmptyState, ErrorMessage, Loading, PageHeader } from '../../components/Page'
import { formatCount } from '../../lib/format'
import { localToday } from '../visits/dates'
import { useTenantOverview } from './queries'
import './tenants.css'

// The tenant list: search (name, credit code, pinyin initials) and filters kept in the address,
// each tenant with the buildings of its current leases and the nearest lease end. Thousands of
// tenants: only the rows in view are drawn.

type Filter = MethodInput<'tenants.overview'>
const MONTHS = [3, 6, 12] as const

/** The filter the address says (unknown values ignored). */
function filterOf(params: URLSearchParams): Filter {
  const filter: Filter = {}
  const industry = params.get('industry')
  if (industry && (INDUSTRY_SECTIONS as readonly string[]).includes(industry)) filter.industry = industry as IndustrySection
  const yesNo = (key: string) => (params.get(key) === '1' ? true : params.get(key) === '0' ? false : undefined)
  const aboveScale = yesNo('aboveScale')
  if (aboveScale !== undefined) filter.aboveScale = aboveScale
  const registered = yesNo('registered')
  if (registered !== undefined) filter.registeredInDistrict = registered
  const ending = Number(params.get('ending'))
  if ((MONTHS as readonly number[]).includes(ending)) filter.endingWithinMonths = ending as 3 | 6 | 12
  return filter
}

/** The date `months` after `today` (YYYY-MM-DD), as SQLite's date(…, '+N months') counts it. */
export function monthsAfter(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1 + months, d))
  return date.toISOString().slice(0, 10)
}

export function TenantListScreen() {
  const { t } = useTranslation(['tenants', 'common'], { nsMode: 'fallback' })
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const deferredQ = useDeferredValue(q.trim().slice(0, 100))
  const filter = filterOf(params)
  const overview = useTenantOverview({ ...filter, ...(deferredQ ? { q: deferredQ } : {}) })
  const filtered = q !== '' || Object.keys(filter).length > 0

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
  }
  const select = (key: string, label: string, value: string, options: Array<[string, string]>) => (
    <select name={key} aria-label={label} value={value} onChange={(e) => setParam(key, e.target.value)}>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  )
  const data = overview.data

  return (
    <div className="tenants-list">
      <PageHeader
        title={t('list.title')}
        subtitle={data ? t('list.count', { count: data.total }) : undefined}
        actions={
          <button type="button" className="primary" onClick={() => void navigate('/tenants/new')}>
            {t('list.add')}
          </button>
        }
      />
      <div className="toolbar" role="search">
        <input type="search" name="q" value={q} placeholder={t('list.search')} aria-label={t('list.search')} onChange={(e) => setParam('q', e.target.value)} />
        {select('industry', t('columns.industry'), filter.industry ?? '', [['', t('list.allIndustries')], ...INDUSTRY_SECTIONS.map((x): [string, string] => [x, t(`vocab.industry.${x}`)])])}
        {select('aboveScale', t('columns.aboveScale'), params.get('aboveScale') ?? '', [['', t('list.anyScale')], ['1', t('list.onlyAboveScale')], ['0', t('list.notAboveScale')]])}
        {select('registered', t('columns.registered'), params.get('registered') ?? '', [['', t('list.anyRegistered')], ['1', t('list.onlyRegistered')], ['0', t('list.notRegistered')]])}
        {select('ending', t('columns.nextEnd'), filter.endingWithinMonths ? String(filter.endingWithinMonths) : '', [['', t('list.anyEnding')], ...MONTHS.map((m): [string, string] => [String(m), t('list.ending', { months: m })])])}
        {filtered && (
          <button type="button" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t('list.clear')}
          </button>
        )}
      </div>
      {overview.isPending ? (
        <Loading />
      ) : overview.error ? (
        <ErrorMessage error={overview.error} onRetry={() => void overview.refetch()} />
      ) : overview.data.total === 0 ? (
        filtered ? (
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
        <>
          {overview.data.rows.length < overview.data.total && <p className="tenant-note">{t('list.capped', { total: formatCount(overview.data.total), shown: formatCount(overview.data.rows.length) })}</p>}
          <TenantTable rows={overview.data.rows} />
        </>
      )}
    </div>
  )
}

function TenantTable({ rows }: { rows: TenantOverviewRow[] }) {
  const { t } = useTranslation(['tenants', 'common'], { nsMode: 'fallback' })
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 40, overscan: 12 })
  const today = localToday()
  const soon = monthsAfter(today, 6)

  return (
    <div className="tenant-vtable" role="table" aria-label={t('list.title')} aria-rowcount={rows.length + 1}>
      <div role="rowgroup">
        <div role="row" className="tenant-vtable__row tenant-vtable__row--head">
          <span role="columnheader">{t('columns.name')}</span>
          <span role="columnheader">{t('columns.creditCode')}</span>
          <span role="columnheader">{t('columns.industry')}</span>
          <span role="columnheader" className="center">{t('columns.scaleShort')}</span>
          <span role="columnheader" className="center">{t('columns.registeredShort')}</span>
          <span role="columnheader">{t('columns.buildings')}</span>
          <span role="columnheader">{t('columns.nextEnd')}</span>
        </div>
      </div>
      <div ref={scrollRef} className="tenant-vtable__scroll" role="rowgroup" tabIndex={0}>
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const x = rows[item.index]!
            const industry = x.industry ? t(`vocab.industry.${x.industry}`) : '—'
            const shown = x.buildings.slice(0, 2)
            return (
              <div
                key={x.id}
                role="row"
                aria-rowindex={item.index + 2}
                data-testid="tenant-row"
                data-id={x.id}
                className="tenant-vtable__row"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                <span role="cell" title={x.name}>
                  <Link to={`/tenants/${x.id}`}>{x.name}</Link> <DemoBadge show={x.isDemo} />
                </span>
                <span role="cell" className="mono">{x.creditCode ?? '—'}</span>
                <span role="cell" title={industry}>{industry}</span>
                <span role="cell" className="center">{x.aboveScale ? '✓' : ''}</span>
                <span role="cell" className="center">{x.registeredInDistrict ? '✓' : ''}</span>
                <span
                  role="cell"
                  className="tenant-buildings"
                  title={x.buildings.map((b) => (b.leases > 1 ? `${b.name}（${t('list.leasesIn', { count: b.leases })}）` : b.name)).join('、') || undefined}
                >
                  {x.buildings.length === 0 && <span className="muted">{t('list.noBuildings')}</span>}
                  {shown.map((b) => (
                    <Link key={b.id} to={`/buildings/${b.id}`}>
                      {b.name}
                      {b.leases > 1 && <span className="muted"> ×{b.leases}</span>}
                    </Link>
                  ))}
                  {x.buildings.length > shown.length && <span className="muted"> {t('list.buildingsMore', { count: x.buildings.length })}</span>}
                </span>
                <span role="cell" className={x.nextEnd && x.nextEnd <= soon ? 'tenant-end--soon' : undefined}>
                  {x.nextEnd ?? (x.buildings.length > 0 ? t('detail.openEnded') : '—')}
                </span>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
