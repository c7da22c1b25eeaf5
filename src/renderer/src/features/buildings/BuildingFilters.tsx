import { useTranslation } from 'react-i18next'
import { BUILDING_GRADES, BUILDING_KINDS } from '../../../../shared/domain'
import { useDistricts } from '../meta/queries'
import { useClusters, type BuildingFilters } from './queries'

export const FILTER_KEYS = ['q', 'districtCode', 'clusterId', 'kind', 'grade'] as const
export type FilterKey = (typeof FILTER_KEYS)[number]

/** Reads the list filters from the URL, dropping values the API would refuse. */
export function filtersFromParams(params: URLSearchParams): BuildingFilters {
  const filters: BuildingFilters = {}
  const q = params.get('q')?.trim()
  if (q) filters.q = q.slice(0, 100)
  const district = params.get('districtCode')
  if (district && /^\d{6}$/.test(district)) filters.districtCode = district
  const cluster = params.get('clusterId')
  if (cluster && /^[0-9a-f-]{36}$/i.test(cluster)) filters.clusterId = cluster
  const kind = params.get('kind')
  if (kind && (BUILDING_KINDS as readonly string[]).includes(kind)) filters.kind = kind as BuildingFilters['kind']
  const grade = params.get('grade')
  if (grade && (BUILDING_GRADES as readonly string[]).includes(grade)) filters.grade = grade as BuildingFilters['grade']
  return filters
}

interface Props {
  params: URLSearchParams
  onChange: (key: FilterKey, value: string) => void
}

export function BuildingFilterBar({ params, onChange }: Props) {
  const { t } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const districts = useDistricts()
  const districtCode = params.get('districtCode') ?? ''
  const clusters = useClusters(districtCode || undefined)
  return (
    <div className="toolbar" role="search">
      <input
        type="search"
        name="q"
        value={params.get('q') ?? ''}
        placeholder={t('filters.q')}
        aria-label={t('filters.q')}
        onChange={(e) => onChange('q', e.target.value)}
      />
      <select name="districtCode" aria-label={t('columns.district')} value={districtCode} onChange={(e) => onChange('districtCode', e.target.value)}>
        <option value="">{t('filters.district')}</option>
        {districts.data?.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </select>
      <select name="clusterId" aria-label={t('columns.cluster')} value={params.get('clusterId') ?? ''} onChange={(e) => onChange('clusterId', e.target.value)}>
        <option value="">{t('filters.cluster')}</option>
        {clusters.data?.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <select name="kind" aria-label={t('columns.kind')} value={params.get('kind') ?? ''} onChange={(e) => onChange('kind', e.target.value)}>
        <option value="">{t('filters.kind')}</option>
        {BUILDING_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`vocab.buildingKind.${k}`)}
          </option>
        ))}
      </select>
      <select name="grade" aria-label={t('columns.grade')} value={params.get('grade') ?? ''} onChange={(e) => onChange('grade', e.target.value)}>
        <option value="">{t('filters.grade')}</option>
        {BUILDING_GRADES.map((g) => (
          <option key={g} value={g}>
            {t(`vocab.grade.${g}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
