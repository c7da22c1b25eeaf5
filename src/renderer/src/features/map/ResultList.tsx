import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FilteredSites } from '../../../../shared/mapFilter'
import type { MapBuilding, MapParcel, MapPark, SiteKind, SiteRef } from '../../../../shared/mapSites'
import { landUseColor } from '../../../../shared/landUseColors'
import { vacancyClass } from '../../../../shared/vacancyColors'
import type { Language } from '../../i18n'
import { formatArea, formatMu, formatRate } from '../../lib/format'

// The list beside the map: the same sites the map shows, so both always agree. Only the rows in
// view are rendered, so ten thousand buildings scroll as smoothly as ten.

export type ListTab = 'buildings' | 'parcels' | 'parks' | 'selection'

interface Row {
  ref: SiteRef
  name: string
  /** Formatted only for the rows on screen: number formatting is the costly part of a long list. */
  detail: () => string
  swatch: string
  unplaced: boolean
}

interface Props {
  filtered: FilteredSites
  /** Every live site, to show picked sites that the filter hides. */
  all: FilteredSites
  tab: ListTab
  onTab: (tab: ListTab) => void
  selected: SiteRef | null
  onSelect: (ref: SiteRef) => void
  picked: readonly SiteRef[]
  onTogglePick: (ref: SiteRef) => void
  onClearPicks: () => void
}

type Sort = 'name' | 'vacantArea' | 'vacancyRate' | 'area'

const COLLATOR = new Intl.Collator('zh-CN')

export function ResultList({ filtered, all, tab, onTab, selected, onSelect, picked, onTogglePick, onClearPicks }: Props) {
  const { t, i18n } = useTranslation('map')
  const lang = i18n.language as Language
  const [sort, setSort] = useState<Sort>('vacantArea')
  const scrollRef = useRef<HTMLDivElement>(null)
  const pickedKeys = useMemo(() => new Set(picked.map((p) => `${p.kind}:${p.id}`)), [picked])

  // Every site's place in name order, worked out once per data: a filter change then sorts by
  // numbers, not by ten thousand Chinese collations again.
  const nameOrder = useMemo(() => {
    const order = new Map<object, number>()
    for (const list of [all.buildings, all.parcels, all.parks] as Array<readonly { name: string }[]>) {
      ;[...list].sort((a, b) => COLLATOR.compare(a.name, b.name)).forEach((site, i) => order.set(site, i))
    }
    return order
  }, [all])

  const rows = useMemo((): Row[] => {
    const building = (b: MapBuilding): Row => ({
      ref: { kind: 'building', id: b.id },
      name: b.name,
      detail: () => t('list.vacancy', { area: formatArea(b.vacantArea, lang), rate: formatRate(b.vacancyRate) }),
      swatch: vacancyClass(b.vacancyRate).color,
      unplaced: b.lng == null || b.lat == null,
    })
    const parcel = (p: MapParcel): Row => ({
      ref: { kind: 'parcel', id: p.id },
      name: `${p.code} ${p.name}`,
      detail: () => t('list.parcel', { use: t(`vocab.landUse.${p.landUse}`), area: formatMu(p.area, lang) }),
      swatch: landUseColor(p.landUse).fill,
      unplaced: p.lng == null || p.lat == null,
    })
    const park = (p: MapPark): Row => ({
      ref: { kind: 'park', id: p.id },
      name: p.name,
      detail: () => t('list.park', { theme: p.theme, status: t(`vocab.parkStatus.${p.status}`) }),
      swatch: '#7b3fa0',
      unplaced: p.hosts.length === 0,
    })
    const byName = <T extends { name: string }>(a: T, b: T) =>
      (nameOrder.get(a) ?? -1) - (nameOrder.get(b) ?? -1) || COLLATOR.compare(a.name, b.name)
    if (tab === 'buildings') {
      const list = [...filtered.buildings]
      if (sort === 'vacantArea') list.sort((a, b) => b.vacantArea - a.vacantArea || byName(a, b))
      else if (sort === 'vacancyRate') list.sort((a, b) => (b.vacancyRate ?? -1) - (a.vacancyRate ?? -1) || byName(a, b))
      else list.sort(byName)
      return list.map(building)
    }
    if (tab === 'parcels') {
      const list = [...filtered.parcels]
      if (sort === 'name') list.sort((a, b) => a.code.localeCompare(b.code))
      else list.sort((a, b) => (b.area ?? 0) - (a.area ?? 0))
      return list.map(parcel)
    }
    if (tab === 'parks') return [...filtered.parks].sort(byName).map(park)
    const index = {
      building: new Map(all.buildings.map((b) => [b.id, b])),
      parcel: new Map(all.parcels.map((p) => [p.id, p])),
      park: new Map(all.parks.map((p) => [p.id, p])),
    }
    return picked.flatMap((ref): Row[] => {
      if (ref.kind === 'building') { const b = index.building.get(ref.id); return b ? [building(b)] : [] }
      if (ref.kind === 'parcel') { const p = index.parcel.get(ref.id); return p ? [parcel(p)] : [] }
      const p = index.park.get(ref.id)
      return p ? [park(p)] : []
    })
  }, [tab, sort, filtered, all, picked, t, lang, nameOrder])

  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 52, overscan: 8 })
  const counts: Record<ListTab, number> = {
    buildings: filtered.buildings.length,
    parcels: filtered.parcels.length,
    parks: filtered.parks.length,
    selection: picked.length,
  }
  const sorts: Sort[] = tab === 'buildings' ? ['vacantArea', 'vacancyRate', 'name'] : tab === 'parcels' ? ['area', 'name'] : []
  const activeSort = sorts.includes(sort) ? sort : sorts[0]

  return (
    <section className="map-list" aria-label={t(`list.tabs.${tab}`)}>
      <div className="map-list__tabs" role="tablist">
        {(['buildings', 'parcels', 'parks', 'selection'] as const).map((key) => (
          <button key={key} type="button" role="tab" aria-selected={tab === key} data-tab={key} onClick={() => onTab(key)}>
            {t(`list.tabs.${key}`)} <span className="map-list__count" data-tab-count={key}>{counts[key]}</span>
          </button>
        ))}
      </div>
      <div className="map-list__tools">
        {sorts.length > 0 && (
          <label>
            {t('list.sort')}
            <select value={activeSort} onChange={(e) => setSort(e.target.value as Sort)}>
              {sorts.map((s) => (
                <option key={s} value={s}>{t(`list.sorts.${s}`)}</option>
              ))}
            </select>
          </label>
        )}
        {tab === 'selection' && picked.length > 0 && (
          <button type="button" className="link-button" onClick={onClearPicks}>{t('list.clearSelection')}</button>
        )}
      </div>
      <div className="map-list__scroll" ref={scrollRef}>
        {rows.length === 0 ? (
          <div className="map-list__empty">{tab === 'selection' ? t('list.emptySelection') : t('list.empty')}</div>
        ) : (
          <ul style={{ height: virtual.getTotalSize() }} role="listbox" aria-label={t(`list.tabs.${tab}`)}>
            {virtual.getVirtualItems().map((item) => {
              const row = rows[item.index]!
              const key = `${row.ref.kind}:${row.ref.id}`
              const isSelected = selected?.kind === row.ref.kind && selected.id === row.ref.id
              const isPicked = pickedKeys.has(key)
              return (
                <li
                  key={key}
                  role="option"
                  aria-selected={isSelected}
                  data-site={key}
                  className="map-list__row"
                  style={{ transform: `translateY(${item.start}px)`, height: item.size }}
                  onClick={() => onSelect(row.ref)}
                >
                  <span className="map-list__swatch" style={{ background: row.swatch }} />
                  <span className="map-list__text">
                    <span className="map-list__name">{row.name}</span>
                    <span className="map-list__detail">
                      {row.detail()}
                      {row.unplaced && <span className="badge">{t('list.unplaced')}</span>}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="map-list__pick"
                    aria-pressed={isPicked}
                    aria-label={isPicked ? t('list.unpick') : t('list.pick')}
                    title={isPicked ? t('list.unpick') : t('list.pick')}
                    onClick={(e) => {
                      e.stopPropagation()
                      onTogglePick(row.ref)
                    }}
                  >
                    {isPicked ? '★' : '☆'}
                  </button>
                </li>
              )
            })}
          </ul>
        )}
      </div>
    </section>
  )
}

export const kindTab = (kind: SiteKind): ListTab => (kind === 'building' ? 'buildings' : kind === 'parcel' ? 'parcels' : 'parks')
