import type L from 'leaflet'
import { lazy, memo, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { filterSites, isEmptyFilter, siteTotals } from '../../../../shared/mapFilter'
import type { SiteRef } from '../../../../shared/mapSites'
import type { Boundary } from '../../../../shared/schemas/parcels'
import type { MapCrs, SavedSearch } from '../../../../shared/types'
import { EmptyState, ErrorMessage, Loading } from '../../components/Page'
import { useToast } from '../../components/Toast'
import { useDistricts } from '../meta/queries'
import { CountsBar } from './CountsBar'
import { NewBuildingDialog, NewParcelDialog } from './CreateDialogs'
import { fromDisplay, type LngLat } from './crs'
import { FilterPanel } from './FilterPanel'
import { ringArea } from './geometry'
import { Legend } from './Legend'
import { sameSite, useMapState } from './mapState'
import { usePlaceBuilding } from './mutations'
import { useSaveBoundary } from './useSaveBoundary'
import { useBoundaryCities, useBoundaryOverview, useMapFirstReads, useMapSites } from './queries'
import { DistrictLayer } from './layers/DistrictLayer'
import { useBasemaps } from '../basemaps/queries'
import { BasemapLayer } from './layers/BasemapLayer'
import { BasemapSwitch } from './BasemapSwitch'
import { kindTab, ResultList, type ListTab } from './ResultList'
import { SavedSearchMenu } from './SavedSearchMenu'
import { MapSheetLinks } from '../sheets/SheetLinks'
import { SiteCard } from './SiteCard'
import { cardOf, cityCodesOf, mostCommonDistrict, radiusMetres } from './siteLookups'
import { useSelectedSite } from './useSelectedSite'
import { SiteMap } from './SiteMap'
import { ToolHint, Toolbar } from './Toolbar'
import { initialViewOf } from './initialView'
import { placeOf } from './sitePlace'
import { fitPoints, isKept, sitePoints, useNothingInView } from './siteView'
import type { ToolCallbacks, ToolMode } from './tools/MapTools'

// The export dialog's code (and the export feature behind it) loads when it is first opened.
const ExportDialog = lazy(async () => ({ default: (await import('../exports/ExportDialog')).ExportDialog }))

/** The home screen: every available site on the map, with filters, counts, list and card. */
export function MapScreen() {
  const sites = useMapSites()
  const state = useMapState()
  const districts = useDistricts()
  useMapFirstReads()
  if (sites.isPending || districts.isPending || !state.ready) return <Loading />
  if (sites.error) return <ErrorMessage error={sites.error} onRetry={() => void sites.refetch()} />
  return <MapWorkspace sites={sites.data} state={state} districts={districts.data ?? []} />
}

type Workspace = {
  sites: NonNullable<ReturnType<typeof useMapSites>['data']>
  state: ReturnType<typeof useMapState>
  districts: NonNullable<ReturnType<typeof useDistricts>['data']>
}

// Memoised: the screen above re-renders on every settings write (the view is written after each
// pan); with the same sites, state and districts there is nothing to redo here.
const MapWorkspace = memo(function MapWorkspace({ sites, state, districts }: Workspace) {
  const { t } = useTranslation('map')
  const toast = useToast()
  const { filter, setFilter, area, setArea, layers, setLayers, setView, selection, setSelection } = state
  const [selected, setSelected] = useSelectedSite()
  const [tab, setTab] = useState<ListTab>(() => (selected ? kindTab(selected.kind) : 'buildings'))
  const [tool, setTool] = useState<ToolMode>({ kind: 'none' })
  const [live, setLive] = useState<number | null>(null)
  const [measured, setMeasured] = useState<number | null>(null)
  const [exporting, setExporting] = useState(false)
  const [radiusKm, setRadiusKm] = useState('2')
  const [moving, setMoving] = useState(false)
  const [newBuildingAt, setNewBuildingAt] = useState<LngLat | null>(null)
  const [newParcel, setNewParcel] = useState<{ ring: LngLat[]; area: number } | null>(null)
  const [editedBoundary, setEditedBoundary] = useState<{ boundary: Boundary; area: number } | null>(null)
  const [initialView] = useState(() => initialViewOf(state.view, sites))
  const basemaps = useBasemaps()
  const activeBasemap = basemaps.data?.basemaps.find((b) => b.id === basemaps.data?.activeId) ?? null
  const crs: MapCrs = activeBasemap?.crs ?? 'wgs84'
  const boundaryCities = useBoundaryCities()
  const boundaryOverview = useBoundaryOverview()
  const homeCities = useMemo(() => cityCodesOf(sites, boundaryCities.data ?? []), [sites, boundaryCities.data])
  const mapRef = useRef<L.Map | null>(null)
  const [leaflet, setLeaflet] = useState<L.Map | null>(null)
  const onMap = useCallback((map: L.Map) => {
    mapRef.current = map
    setLeaflet(map)
  }, [])
  /** The current view in WGS-84 [west, south, east, north]. */
  const viewBox = (): [number, number, number, number] => {
    const b = mapRef.current!.getBounds()
    const [w, s] = fromDisplay(crs, [b.getWest(), b.getSouth()])
    const [e, n] = fromDisplay(crs, [b.getEast(), b.getNorth()])
    return [w, s, e, n]
  }
  const place = usePlaceBuilding()
  const saveBoundary = useSaveBoundary()

  const all = useMemo(() => ({ buildings: sites.buildings, parcels: sites.parcels, parks: sites.parks }), [sites])
  // Typing in the filter stays responsive: the inputs show `filter` at once, the 15,000-site
  // filtering and the layers follow when React has time.
  const typedFilter = useDeferredValue(filter)
  // Only typed text waits for React's spare time: a click (a chip, a range) is filtered in the
  // same render, not in a second one after the panel has been drawn again (issue 8: filter ≤ 100 ms).
  const deferredFilter = (typedFilter.text ?? '') === (filter.text ?? '') ? filter : typedFilter
  const filtered = useMemo(() => filterSites(sites, deferredFilter, area), [sites, deferredFilter, area])
  const totals = useMemo(() => siteTotals(filtered), [filtered])
  const allTotals = useMemo(() => siteTotals(all), [all])
  const shownClusters = useMemo(
    () => sites.clusters.filter((c) => !deferredFilter.clusterIds?.length || deferredFilter.clusterIds.includes(c.id)),
    [sites.clusters, deferredFilter.clusterIds],
  )
  const visibleParcelIds = useMemo(() => new Set(filtered.parcels.map((p) => p.id)), [filtered.parcels])
  const districtName = useCallback((code: string) => districts.find((d) => d.code === code)?.name ?? code, [districts])
  const defaultDistrict = useMemo(() => mostCommonDistrict(sites), [sites])
  const buildingsById = useMemo(() => new Map(sites.buildings.map((b) => [b.id, b])), [sites.buildings])
  const keptPoints = useMemo(() => sitePoints(filtered, buildingsById), [filtered, buildingsById])
  const nothingInView = useNothingInView(leaflet, keptPoints, crs)
  const keptRef = useRef(keptPoints)
  keptRef.current = keptPoints
  const showAll = useCallback(() => {
    if (mapRef.current) fitPoints(mapRef.current, keptRef.current, crs)
  }, [crs])

  const select = useCallback((ref: SiteRef | null) => {
    setSelected(ref)
    setMoving(false)
    setEditedBoundary(null)
    setTool((current) => (current.kind === 'placeBuilding' || current.kind === 'editParcel' ? { kind: 'none' } : current))
    if (ref) setTab((current) => (current === 'selection' ? current : kindTab(ref.kind)))
  }, [setSelected])
  // Choosing a district (it may be in another city) takes the map there: to every site kept.
  const lastDistricts = useRef(deferredFilter.districtCodes ?? [])
  useEffect(() => {
    const now = deferredFilter.districtCodes ?? []
    const before = lastDistricts.current
    lastDistricts.current = now
    if (now.some((code) => !before.includes(code))) showAll()
  }, [deferredFilter.districtCodes, showAll])
  // The card of a site the filter has just hidden closes (a site chosen while hidden stays open).
  const lastFiltered = useRef(filtered)
  useEffect(() => {
    if (lastFiltered.current === filtered) return
    lastFiltered.current = filtered
    if (selected && !isKept(selected, filtered)) select(null)
  }, [filtered, selected, select])

  const togglePick = useCallback(
    (ref: SiteRef) => setSelection((list) => (list.some((x) => sameSite(x, ref)) ? list.filter((x) => !sameSite(x, ref)) : [...list, ref])),
    [setSelection],
  )

  const moveBuilding = useCallback(
    (id: string, [lng, lat]: LngLat, message: 'moved' | 'placed') => {
      const b = sites.buildings.find((x) => x.id === id)
      if (!b) return
      const before = { lng: b.lng, lat: b.lat }
      place.mutate(
        { id, lng, lat },
        { onSuccess: () => toast(t(`card.${message}`, { name: b.name }), () => place.mutate({ id, ...before })) },
      )
    },
    [sites.buildings, place, toast, t],
  )

  const toolCallbacks: ToolCallbacks = useMemo(
    () => ({
      onLive: setLive,
      onMeasured: setMeasured,
      onPolygon: (ring) => {
        if (tool.kind === 'selectPolygon') {
          setArea({ type: 'polygon', ring })
          setTool({ kind: 'none' })
        } else if (tool.kind === 'drawParcel' && tool.parcelId) {
          const boundary: Boundary = { type: 'Polygon', coordinates: [ring] }
          setEditedBoundary({ boundary, area: ringArea(ring) })
          setTool({ kind: 'editParcel', parcelId: tool.parcelId, boundary })
        } else if (tool.kind === 'drawParcel') {
          setNewParcel({ ring, area: ringArea(ring) })
          setTool({ kind: 'none' })
        }
      },
      onPoint: (point) => {
        if (tool.kind === 'selectRadius') {
          setArea({ type: 'circle', center: point, radius: radiusMetres(radiusKm) ?? 2000 })
        } else if (tool.kind === 'placeBuilding') {
          moveBuilding(tool.buildingId, point, 'placed')
          setTool({ kind: 'none' })
        } else if (tool.kind === 'newBuilding') {
          setNewBuildingAt(point)
          setTool({ kind: 'none' })
        }
      },
      onEdited: (boundary, areaM2) => setEditedBoundary({ boundary, area: areaM2 }),
    }),
    [tool, radiusKm, setArea, moveBuilding],
  )

  const changeRadius = (text: string) => {
    setRadiusKm(text)
    const radius = radiusMetres(text)
    if (area?.type === 'circle' && radius !== null) setArea({ ...area, radius })
  }

  const card = cardOf(selected, sites)
  const cardPlace = useMemo(() => {
    const shown = cardOf(selected, sites)
    return shown ? placeOf(shown, sites) : null
  }, [selected, sites])
  const selectedName = card?.site.name ?? ''
  const hint =
    tool.kind === 'none'
      ? null
      : tool.kind === 'placeBuilding'
        ? t('tools.hints.placeBuilding', { name: selectedName })
        : tool.kind === 'editParcel'
          ? t('tools.hints.editParcel', { name: selectedName })
          : t(`tools.hints.${tool.kind}`)

  const openSaved = (s: SavedSearch) => {
    setFilter(s.filter)
    setArea(s.area)
  }
  const empty = sites.buildings.length + sites.parcels.length + sites.parks.length === 0

  return (
    <div className="map-screen">
      <div className="map-screen__bar">
        <CountsBar totals={totals} all={allTotals} filtered={!isEmptyFilter(filter) || area !== null} />
        <MapSheetLinks picks={selection} filter={filter} area={area} />
        <SavedSearchMenu filter={filter} area={area} onOpen={openSaved} />
        <button type="button" data-action="export" onClick={() => setExporting(true)}>{t('exports:open')}</button>
      </div>
      <Toolbar
        mode={tool}
        onMode={(mode) => {
          setTool(mode)
          setMeasured(null)
        }}
        radiusKm={radiusKm}
        onRadiusKm={changeRadius}
        layers={layers}
        onLayers={setLayers}
      />
      <div className="map-screen__body">
        <FilterPanel filter={filter} onFilter={setFilter} area={area} onClearArea={() => setArea(null)} sites={sites} districts={districts} />
        <div className="map-screen__map">
          <SiteMap
            initialView={initialView}
            crs={crs}
            layers={layers}
            buildings={filtered.buildings}
            allBuildings={sites.buildings}
            parcels={sites.parcels}
            visibleParcelIds={visibleParcelIds}
            parks={filtered.parks}
            clusters={shownClusters}
            area={area}
            selected={selected}
            onSelect={select}
            moving={moving}
            onMoved={(id, position) => moveBuilding(id, position, 'moved')}
            tool={tool}
            toolCallbacks={toolCallbacks}
            onView={setView}
            onMap={onMap}
            overlayLayout={`legend:${state.legend?.open ?? 'default'}`}
          >
            {activeBasemap && <BasemapLayer basemap={activeBasemap} />}
            {layers.districts && boundaryCities.data && (
              <DistrictLayer cities={boundaryCities.data} overview={boundaryOverview.data} crs={crs} homeCities={homeCities} filled={!activeBasemap} />
            )}
          </SiteMap>
          <div className="map-corner" data-map-overlay>
            {basemaps.data && <BasemapSwitch list={basemaps.data} bbox={viewBox} zoom={() => mapRef.current?.getZoom() ?? 12} />}
            <button type="button" className="map-corner__button" data-action="show-all" disabled={keptPoints.length === 0} onClick={showAll}>
              {t('view.showAll')}
            </button>
          </div>
          {nothingInView && !empty && (
            <div className="map-nothing" role="status" data-nothing-in-view>
              <span>{t('view.nothingHere')}</span>
              <button type="button" className="primary" onClick={showAll}>{t('view.showAll')}</button>
            </div>
          )}
          <ToolHint mode={tool} hint={hint} live={live} measured={measured} />
          {empty && (
            <div className="map-screen__empty">
              <EmptyState title={t('empty.title')} body={t('empty.body')} />
            </div>
          )}
          {card && (
            <SiteCard
              card={card}
              place={cardPlace!}
              districtName={districtName}
              picked={selection.some((x) => sameSite(x, { kind: card.kind, id: card.site.id }))}
              onTogglePick={togglePick}
              onClose={() => select(null)}
              onSelect={select}
              moving={moving || tool.kind === 'placeBuilding'}
              onPlace={() => setTool(tool.kind === 'placeBuilding' ? { kind: 'none' } : { kind: 'placeBuilding', buildingId: card.site.id })}
              onToggleMove={() => setMoving(!moving)}
              editingBoundary={tool.kind === 'editParcel' && editedBoundary ? { area: editedBoundary.area } : null}
              onEditBoundary={() => {
                if (card.kind !== 'parcel') return
                if (card.site.boundary) {
                  setEditedBoundary({ boundary: card.site.boundary, area: card.site.area ?? 0 })
                  setTool({ kind: 'editParcel', parcelId: card.site.id, boundary: card.site.boundary })
                } else setTool({ kind: 'drawParcel', parcelId: card.site.id })
              }}
              onSaveBoundary={() => {
                if (card.kind !== 'parcel' || !editedBoundary) return
                saveBoundary(card.site, editedBoundary, () => {
                  setTool({ kind: 'none' })
                  setEditedBoundary(null)
                })
              }}
              onCancelBoundary={() => {
                setTool({ kind: 'none' })
                setEditedBoundary(null)
              }}
            />
          )}
          <Legend layers={layers} setting={state.legend} onSetting={state.setLegend} />
        </div>
        <ResultList
          filtered={filtered}
          all={all}
          tab={tab}
          onTab={setTab}
          selected={selected}
          onSelect={select}
          picked={selection}
          onTogglePick={togglePick}
          onClearPicks={() => setSelection([])}
        />
      </div>
      {exporting && (
        <Suspense fallback={null}>
          <ExportDialog
            initialScope={selection.length > 0 ? 'selection' : !isEmptyFilter(filter) || area !== null ? 'filter' : 'all'}
            onClose={() => setExporting(false)}
          />
        </Suspense>
      )}
      {newBuildingAt && (
        <NewBuildingDialog
          at={newBuildingAt}
          defaultDistrict={defaultDistrict}
          onClose={() => setNewBuildingAt(null)}
          onCreated={(id, name) => {
            setNewBuildingAt(null)
            toast(t('create.created', { name }))
            select({ kind: 'building', id })
          }}
        />
      )}
      {newParcel && (
        <NewParcelDialog
          ring={newParcel.ring}
          area={newParcel.area}
          defaultDistrict={defaultDistrict}
          onClose={() => setNewParcel(null)}
          onCreated={(id, name) => {
            setNewParcel(null)
            toast(t('create.created', { name }))
            select({ kind: 'parcel', id })
          }}
        />
      )}
    </div>
  )
})
