import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BUILDING_GRADES, BUILDING_KINDS, FIT_OUTS, LAND_USES, PARCEL_STATUSES, muToSquareMetres, squareMetresToMu } from '../../../../shared/domain'
import { isEmptyFilter, type MapArea, type MapFilter } from '../../../../shared/mapFilter'
import type { MapSites } from '../../../../shared/mapSites'
import type { District } from '../../../../shared/types'
import { formatDistance } from './geometry'
import type { Language } from '../../i18n'

// The investor's brief, in the order a conversation goes: where, what kind, how much space, at
// what rent; then land, then parks. Every change applies at once to the map, list and counts.

type Range = { min?: number | null; max?: number | null }
type RangeKey = 'vacancyRate' | 'vacantArea' | 'largestBlock' | 'rent' | 'parcelArea'

/** How a range is typed: percentages for rates, 亩 for parcel area; stored in 0..1 and m². */
const RANGE_SCALE: Record<RangeKey, { toStored: (n: number) => number; toTyped: (n: number) => number }> = {
  vacancyRate: { toStored: (n) => n / 100, toTyped: (n) => Number((n * 100).toPrecision(10)) },
  vacantArea: { toStored: (n) => n, toTyped: (n) => n },
  largestBlock: { toStored: (n) => n, toTyped: (n) => n },
  rent: { toStored: (n) => n, toTyped: (n) => n },
  parcelArea: { toStored: muToSquareMetres, toTyped: (n) => Number(squareMetresToMu(n).toFixed(2)) },
}

function RangeInput({ label, name, value, hint, onChange, onlyMin }: {
  label: string
  name: RangeKey
  value: Range | undefined
  hint?: string
  onlyMin?: boolean
  onChange: (range: Range | undefined) => void
}) {
  const { t } = useTranslation('map')
  const scale = RANGE_SCALE[name]
  const typed = (n: number | null | undefined) => (n == null ? '' : String(scale.toTyped(n)))
  const [text, setText] = useState({ min: typed(value?.min), max: typed(value?.max) })
  const [seen, setSeen] = useState(value)
  // Follow changes made elsewhere (clear filters, a saved search opened).
  if (seen !== value) {
    setSeen(value)
    const next = { min: typed(value?.min), max: typed(value?.max) }
    if (next.min !== text.min || next.max !== text.max) setText(next)
  }
  const invalid = (s: string) => s.trim() !== '' && !Number.isFinite(Number(s))
  const change = (side: 'min' | 'max', s: string) => {
    const nextText = { ...text, [side]: s }
    setText(nextText)
    if (invalid(nextText.min) || invalid(nextText.max)) return
    const parse = (v: string) => (v.trim() === '' ? null : scale.toStored(Number(v)))
    const range = { min: parse(nextText.min), max: onlyMin ? null : parse(nextText.max) }
    onChange(range.min == null && range.max == null ? undefined : range)
  }
  return (
    <fieldset className="filter-range" data-filter={name}>
      <legend title={hint}>{label}</legend>
      <input aria-label={`${label} ${t('filters.min')}`} name={`${name}.min`} inputMode="decimal" placeholder={t('filters.min')} value={text.min} aria-invalid={invalid(text.min)} onChange={(e) => change('min', e.target.value)} />
      {!onlyMin && (
        <>
          <span>–</span>
          <input aria-label={`${label} ${t('filters.max')}`} name={`${name}.max`} inputMode="decimal" placeholder={t('filters.max')} value={text.max} aria-invalid={invalid(text.max)} onChange={(e) => change('max', e.target.value)} />
        </>
      )}
      {hint && <div className="filter-range__hint">{hint}</div>}
      {[text.min, text.max].filter(invalid).slice(0, 1).map((bad) => (
        <div key="nan" className="field__error" role="alert" data-field-error>{t('common:field.notANumber', { text: bad.trim() })}</div>
      ))}
    </fieldset>
  )
}

function Chips<V extends string>({ label, name, options, chosen, onChange }: {
  label: string
  name: string
  options: ReadonlyArray<{ value: V; label: string }>
  chosen: readonly V[] | undefined
  onChange: (values: V[] | undefined) => void
}) {
  if (options.length === 0) return null
  const set = new Set(chosen ?? [])
  return (
    <fieldset className="filter-chips" data-filter={name}>
      <legend>{label}</legend>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          className="chip"
          aria-pressed={set.has(o.value)}
          onClick={() => {
            const next = new Set(set)
            if (next.has(o.value)) next.delete(o.value)
            else next.add(o.value)
            onChange(next.size === 0 ? undefined : [...next])
          }}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  )
}

interface Props {
  filter: MapFilter
  onFilter: (next: MapFilter) => void
  area: MapArea | null
  onClearArea: () => void
  sites: MapSites
  districts: readonly District[]
}

export function FilterPanel({ filter, onFilter, area, onClearArea, sites, districts }: Props) {
  const { t, i18n } = useTranslation('map')
  const lang = i18n.language as Language
  const set = <K extends keyof MapFilter>(key: K) => (value: MapFilter[K] | undefined) => {
    const next = { ...filter }
    if (value === undefined) delete next[key]
    else next[key] = value
    onFilter(next)
  }
  const used = new Set([...sites.buildings.map((b) => b.districtCode), ...sites.parcels.map((p) => p.districtCode), ...sites.parks.map((p) => p.districtCode)])
  const themes = [...new Set(sites.parks.map((p) => p.theme))].sort((a, b) => a.localeCompare(b, 'zh-CN'))

  return (
    <aside className="map-filters" aria-label={t('filters.title')}>
      <div className="map-filters__head">
        <strong>{t('filters.title')}</strong>
        <button type="button" className="link-button" disabled={isEmptyFilter(filter)} onClick={() => onFilter({})}>
          {t('filters.clear')}
        </button>
      </div>
      <input type="search" name="filter.text" placeholder={t('filters.text')} aria-label={t('filters.text')} value={filter.text ?? ''} onChange={(e) => set('text')(e.target.value || undefined)} />
      {area && (
        <div className="map-filters__area" data-area={area.type}>
          <span>
            {t('filters.area')}：
            {area.type === 'circle' ? t('filters.areaCircle', { radius: formatDistance(area.radius, lang) }) : t('filters.areaPolygon')}
          </span>
          <button type="button" className="link-button" onClick={onClearArea}>
            {t('filters.clearArea')}
          </button>
        </div>
      )}
      <Chips
        label={t('filters.districts')}
        name="districtCodes"
        options={districts.filter((d) => used.has(d.code)).map((d) => ({ value: d.code, label: d.name }))}
        chosen={filter.districtCodes}
        onChange={set('districtCodes')}
      />

      <h3>{t('filters.groups.buildings')}</h3>
      <Chips label={t('filters.clusters')} name="clusterIds" options={sites.clusters.map((c) => ({ value: c.id, label: c.name }))} chosen={filter.clusterIds} onChange={set('clusterIds')} />
      <Chips label={t('filters.kinds')} name="kinds" options={BUILDING_KINDS.map((k) => ({ value: k, label: t(`vocab.buildingKind.${k}`) }))} chosen={filter.kinds} onChange={set('kinds')} />
      <Chips label={t('filters.grades')} name="grades" options={BUILDING_GRADES.map((g) => ({ value: g, label: t(`vocab.grade.${g}`) }))} chosen={filter.grades} onChange={set('grades')} />
      <RangeInput label={t('filters.vacancyRate')} name="vacancyRate" value={filter.vacancyRate} onChange={set('vacancyRate')} />
      <RangeInput label={t('filters.vacantArea')} name="vacantArea" value={filter.vacantArea} onChange={set('vacantArea')} />
      <RangeInput label={t('filters.largestBlock')} name="largestBlock" value={filter.largestBlock} hint={t('filters.largestBlockHint')} onChange={set('largestBlock')} />
      <RangeInput label={t('filters.rent')} name="rent" value={filter.rent} onChange={set('rent')} />
      <Chips label={t('filters.fitOuts')} name="fitOuts" options={FIT_OUTS.map((f) => ({ value: f, label: t(`vocab.fitOut.${f}`) }))} chosen={filter.fitOuts} onChange={set('fitOuts')} />

      <h3>{t('filters.groups.parcels')}</h3>
      <Chips label={t('filters.landUses')} name="landUses" options={LAND_USES.map((u) => ({ value: u, label: t(`vocab.landUse.${u}`) }))} chosen={filter.landUses} onChange={set('landUses')} />
      <Chips label={t('filters.parcelStatuses')} name="parcelStatuses" options={PARCEL_STATUSES.map((s) => ({ value: s, label: t(`vocab.parcelStatus.${s}`) }))} chosen={filter.parcelStatuses} onChange={set('parcelStatuses')} />
      <RangeInput label={t('filters.parcelArea')} name="parcelArea" value={filter.parcelArea} onChange={set('parcelArea')} />

      <h3>{t('filters.groups.parks')}</h3>
      <Chips label={t('filters.parkThemes')} name="parkThemes" options={themes.map((x) => ({ value: x, label: x }))} chosen={filter.parkThemes} onChange={set('parkThemes')} />
    </aside>
  )
}
