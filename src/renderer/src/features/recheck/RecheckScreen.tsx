import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { RecheckItem } from '../../../../shared/schemas/verification'
import { CoordinatePaste } from '../../components/CoordinatePaste'
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../components/Page'
import { useToast } from '../../components/Toast'
import { formatDistance } from '../map/geometry'
import { viewSchema } from '../map/mapState'
import { useSettings } from '../meta/queries'
import { FreshnessTag } from './Freshness'
import { useMarkVerified } from './mutations'
import { useBuildingPoint, useParcelPoint, useRecheckQueue, useSiteSearch, useStaleDays } from './queries'

// 复核清单: what to visit next. Stale buildings (or buildings with stale floors) and parcels,
// nearest first from a point the person chooses: a site, a pasted point, or the map's centre.

type Origin =
  | { source: 'site'; kind: 'building' | 'parcel'; id: string; name: string }
  | { source: 'point'; label: string; lng: number; lat: number }

type Kinds = 'all' | 'building' | 'parcel'

const LIMIT = 200
/** Floors offered one by one in a row; the rest are on the building's page. */
const FLOORS_SHOWN = 4

export function RecheckScreen() {
  const { t } = useTranslation('recheck')
  const staleDays = useStaleDays()
  const [origin, setOrigin] = useState<Origin | null>(null)
  const [kinds, setKinds] = useState<Kinds>('all')
  const point = useOriginPoint(origin)
  const queue = useRecheckQueue({
    ...(point.from ? { from: point.from } : {}),
    limit: LIMIT,
    ...(kinds === 'all' ? {} : { kinds: [kinds] }),
  })
  const q = queue.data
  return (
    <div className="recheck">
      <PageHeader title={t('title')} subtitle={t('subtitle', { days: q?.staleDays ?? staleDays })} />
      <OriginPanel origin={origin} point={point} onOrigin={setOrigin} />
      <div className="recheck__bar">
        <select name="kinds" aria-label={t('columns.site')} value={kinds} onChange={(e) => setKinds(e.target.value as Kinds)}>
          {(['all', 'building', 'parcel'] as const).map((k) => <option key={k} value={k}>{t(`filter.${k}`)}</option>)}
        </select>
        {q && (
          <span className="muted" data-testid="recheck-count">
            {t('count', { total: q.total })}{q.total > q.items.length ? t('shown', { count: q.items.length }) : ''}
          </span>
        )}
      </div>
      {queue.isPending ? <Loading /> : queue.error ? <ErrorMessage error={queue.error} onRetry={() => void queue.refetch()} /> : q!.items.length === 0 ? (
        <EmptyState title={t('empty', { days: q!.staleDays })} />
      ) : (
        <table className="table recheck-table" aria-busy={queue.isFetching}>
          <thead>
            <tr>
              <th>{t('columns.site')}</th>
              <th className="num">{t('columns.distance')}</th>
              <th>{t('columns.age')}</th>
              <th>{t('columns.parts')}</th>
              <th>{t('columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {q!.items.map((item) => <RecheckRow key={`${item.kind}:${item.id}`} item={item} />)}
          </tbody>
        </table>
      )}
    </div>
  )
}

function useOriginPoint(origin: Origin | null): { from: { lng: number; lat: number } | null; name: string | null; missing: boolean } {
  const building = useBuildingPoint(origin?.source === 'site' && origin.kind === 'building' ? origin.id : null)
  const parcel = useParcelPoint(origin?.source === 'site' && origin.kind === 'parcel' ? origin.id : null)
  return useMemo(() => {
    if (!origin) return { from: null, name: null, missing: false }
    if (origin.source === 'point') return { from: { lng: origin.lng, lat: origin.lat }, name: origin.label, missing: false }
    const site = origin.kind === 'building' ? building.data?.building : parcel.data
    const lng = site?.lng
    const lat = site?.lat
    if (lng == null || lat == null) return { from: null, name: origin.name, missing: site !== undefined }
    return { from: { lng, lat }, name: origin.name, missing: false }
  }, [origin, building.data, parcel.data])
}

function OriginPanel({ origin, point, onOrigin }: {
  origin: Origin | null
  point: ReturnType<typeof useOriginPoint>
  onOrigin: (origin: Origin | null) => void
}) {
  const { t } = useTranslation('recheck')
  const [q, setQ] = useState('')
  const hits = useSiteSearch(q)
  const settings = useSettings()
  const mapView = useMemo(() => {
    const text = settings.data?.['map.view']
    if (!text) return null
    try {
      const parsed = viewSchema.safeParse(JSON.parse(text))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }, [settings.data])
  const sites = (hits.data ?? []).filter((h) => h.kind === 'building' || h.kind === 'parcel')
  return (
    <section className="panel recheck__origin" data-testid="recheck-origin">
      <h2>{t('origin.title')}</h2>
      <div className="recheck__origin-now" role="status" data-testid="recheck-origin-now">
        {point.from && point.name
          ? t('origin.chosen', { name: point.name, lng: point.from.lng.toFixed(5), lat: point.from.lat.toFixed(5) })
          : point.missing && point.name ? <span className="field__error">{t('origin.noPosition', { name: point.name })}</span> : t('origin.none')}
        {origin && <button type="button" className="link-button" onClick={() => onOrigin(null)}>{t('origin.clear')}</button>}
      </div>
      <div className="recheck__origin-ways">
        <div className="recheck__site">
          <label htmlFor="recheck-site">{t('origin.site')}</label>
          <input id="recheck-site" name="originSite" value={q} placeholder={t('origin.sitePlaceholder')} autoComplete="off" onChange={(e) => setQ(e.target.value)} />
          {q.trim() && sites.length > 0 && (
            <ul className="recheck__hits">
              {sites.slice(0, 8).map((h) => (
                <li key={`${h.kind}:${h.id}`}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      onOrigin({ source: 'site', kind: h.kind as 'building' | 'parcel', id: h.id, name: h.name })
                      setQ('')
                    }}
                  >
                    {h.name} <span className="muted">{t(`kinds.${h.kind}`)}{h.extra ? ` · ${h.extra}` : ''}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <CoordinatePaste onPoint={(lng, lat) => onOrigin({ source: 'point', label: t('origin.pasted'), lng: Number(lng), lat: Number(lat) })} />
        <div>
          <button
            type="button"
            disabled={!mapView}
            title={mapView ? undefined : t('origin.noMapCentre')}
            onClick={() => mapView && onOrigin({ source: 'point', label: t('origin.centre'), lng: mapView.center[0], lat: mapView.center[1] })}
          >
            {t('origin.mapCentre')}
          </button>
        </div>
      </div>
    </section>
  )
}

function RecheckRow({ item }: { item: RecheckItem }) {
  const { t, i18n } = useTranslation('recheck')
  const toast = useToast()
  const mark = useMarkVerified()
  const href = item.kind === 'building' ? `/buildings/${item.id}` : `/parcels/${item.id}`
  const verify = (target: Parameters<typeof mark.mutate>[0], message: string) =>
    mark.mutate(target, { onSuccess: () => toast(message), onError: (e) => toast(e.message) })
  return (
    <tr data-testid="recheck-row" data-kind={item.kind} data-id={item.id} className="row--stale">
      <td>
        <Link to={href}>{item.name}</Link> <span className="badge">{t(`kinds.${item.kind}`)}</span>
        {item.detail && <div className="muted small">{item.detail}</div>}
      </td>
      <td className="num" data-testid="recheck-distance">{item.lng == null ? <span className="muted">{t('noPosition')}</span> : item.distance == null ? '—' : formatDistance(item.distance, i18n.language === 'en' ? 'en' : 'zh')}</td>
      <td><FreshnessTag check={item.check} /></td>
      <td className="recheck__parts">
        {item.kind === 'building' && item.ownStale && <span className="recheck__part">{t('wholeOnly')}</span>}
        {item.staleFloors.slice(0, FLOORS_SHOWN).map((f) => (
          <span key={f.floorLabel} className="recheck__part" data-floor={f.floorLabel}>
            <button
              type="button"
              className="link-button"
              disabled={mark.isPending}
              onClick={() => verify({ kind: 'floor', id: item.id, floorLabel: f.floorLabel }, t('markedFloor', { name: item.name, floor: f.floorLabel }))}
            >
              {t('actions.floor', { floor: f.floorLabel })}
            </button>
          </span>
        ))}
        {item.staleFloors.length > FLOORS_SHOWN && (
          <Link className="recheck__part muted" to={href}>{t('moreFloors', { count: item.staleFloors.length - FLOORS_SHOWN })}</Link>
        )}
      </td>
      <td className="row-actions">
        <button
          type="button"
          className="primary"
          disabled={mark.isPending}
          data-verify={item.kind}
          onClick={() => verify({ kind: item.kind, id: item.id }, t('marked', { name: item.name }))}
        >
          {mark.isPending ? t('actions.marking') : item.kind === 'building' ? t('actions.building') : t('actions.parcel')}
        </button>
      </td>
    </tr>
  )
}
