import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { AttributionControl, MapContainer, ScaleControl } from 'react-leaflet'
import type { MapArea } from '../../../../shared/mapFilter'
import type { MapBuilding, MapCluster, MapParcel, MapPark, SiteRef } from '../../../../shared/mapSites'
import type { MapCrs } from '../../../../shared/types'
import type { Language } from '../../i18n'
import { formatArea, formatMu, formatRate } from '../../lib/format'
import { escapeHtml } from '../../lib/html'
import { latLngOf, toDisplay, type LngLat } from './crs'
import { AreaLayer } from './layers/AreaLayer'
import { BuildingLayer } from './layers/BuildingLayer'
import { ClusterLayer } from './layers/ClusterLayer'
import { ParcelLayer } from './layers/ParcelLayer'
import { ParkLayer } from './layers/ParkLayer'
import { SelectedMarker } from './layers/SelectedMarker'
import { siteCanvas } from './layers/siteCanvas'
import type { MapLayers, MapView } from './mapState'
import { MapTools, type ToolCallbacks, type ToolMode } from './tools/MapTools'
import { ViewTracker } from './ViewTracker'
import { useStaleBefore } from '../recheck/queries'
import { CenterOnSelection, DeselectOnMapClick, MapHandle, ResizeWatcher, type FocusTarget } from './MapBehaviour'
import { KeepPlaceOnCrsChange } from './layers/BasemapLayer'
import L from 'leaflet'
import type { ReactNode } from 'react'

// The map itself: layers in drawing order (parcels under clusters under buildings under parks),
// the selected site on top, and the tools. Everything arrives in WGS-84 and is shifted for the
// basemap's coordinate system by the layers.

interface Props {
  initialView: MapView
  crs: MapCrs
  layers: MapLayers
  buildings: readonly MapBuilding[]
  allBuildings: readonly MapBuilding[]
  parcels: readonly MapParcel[]
  visibleParcelIds: ReadonlySet<string>
  parks: readonly MapPark[]
  clusters: readonly MapCluster[]
  area: MapArea | null
  selected: SiteRef | null
  onSelect: (ref: SiteRef | null) => void
  moving: boolean
  onMoved: (id: string, position: LngLat) => void
  tool: ToolMode
  toolCallbacks: ToolCallbacks
  onView: (view: MapView) => void
  onMap: (map: L.Map) => void
  /** Changes when what floats over the map changes (the legend opened or folded). */
  overlayLayout: string
  /** The basemap and boundary layers, which depend on the host's basemaps. */
  children?: ReactNode
}

export function SiteMap(props: Props) {
  const { t, i18n } = useTranslation('map')
  const staleBefore = useStaleBefore()
  const lang = i18n.language as Language
  const { crs, layers, selected, onSelect } = props
  const buildingsById = useMemo(() => new Map(props.allBuildings.map((b) => [b.id, b])), [props.allBuildings])
  const selectedBuilding = selected?.kind === 'building' ? buildingsById.get(selected.id) : undefined
  const focus = useMemo((): FocusTarget | null => {
    if (!selected) return null
    const key = `${selected.kind}:${selected.id}`
    if (selected.kind === 'building') {
      const b = buildingsById.get(selected.id)
      return b && b.lng != null && b.lat != null ? { key, point: [b.lng, b.lat], boundary: null } : null
    }
    if (selected.kind === 'parcel') {
      const p = props.parcels.find((x) => x.id === selected.id)
      return p ? { key, point: p.lng != null && p.lat != null ? [p.lng, p.lat] : null, boundary: p.boundary } : null
    }
    const park = props.parks.find((x) => x.id === selected.id)
    const host = park?.hosts.map((h) => buildingsById.get(h.buildingId)).find((b) => b && b.lng != null && b.lat != null)
    return host ? { key, point: [host.lng!, host.lat!], boundary: null } : null
  }, [selected, buildingsById, props.parcels, props.parks])
  // One canvas for every interactive shape (parcels, buildings, cluster outlines, drawn areas).
  // (siteCanvas: Leaflet's canvas with the parcels painted under its shapes.)
  const renderer = useMemo(() => siteCanvas({ padding: 0.3, tolerance: 4 }), [])
  const initialCenter = useMemo(() => latLngOf(toDisplay(crs, props.initialView.center as LngLat)), [crs, props.initialView])

  const buildingTip = useCallback(
    (b: MapBuilding) => `<strong>${escapeHtml(b.name)}</strong><br>${t('card.vacancyRate')} ${formatRate(b.vacancyRate)} · ${t('card.vacant')} ${formatArea(b.vacantArea, lang)}`,
    [t, lang],
  )
  const parcelTip = useCallback(
    (p: MapParcel) => `<strong>${escapeHtml(p.code)} ${escapeHtml(p.name)}</strong><br>${t(`vocab.landUse.${p.landUse}`)} · ${formatMu(p.area, lang)}`,
    [t, lang],
  )
  const parkTip = useCallback((p: MapPark) => `<strong>${escapeHtml(p.name)}</strong><br>${escapeHtml(p.theme)}`, [])
  const clusterTip = useCallback((c: MapCluster, n: number) => `${escapeHtml(c.name)}（${n}）`, [])
  const select = useCallback((kind: SiteRef['kind']) => (id: string) => onSelect({ kind, id }), [onSelect])

  return (
    <MapContainer
      className="site-map"
      center={initialCenter}
      zoom={props.initialView.zoom}
      minZoom={3}
      maxZoom={19}
      renderer={renderer}
      zoomControl
      attributionControl={false}
      worldCopyJump={false}
    >
      {/* Credits the map library in plain text: no flag, no link out of an offline app. */}
      <AttributionControl prefix="Leaflet" position="bottomright" />
      {props.children}
      {layers.parcels && (
        <ParcelLayer
          parcels={props.parcels}
          visibleIds={props.visibleParcelIds}
          crs={crs}
          selectedId={selected?.kind === 'parcel' ? selected.id : null}
          hiddenId={props.tool.kind === 'editParcel' ? props.tool.parcelId : null}
          onSelect={select('parcel')}
          tooltip={parcelTip}
          staleBefore={staleBefore}
        />
      )}
      {layers.clusters && <ClusterLayer clusters={props.clusters} buildings={props.allBuildings} crs={crs} tooltip={clusterTip} />}
      {layers.buildings && (
        <BuildingLayer buildings={props.buildings} crs={crs} selectedId={selectedBuilding?.id ?? null} onSelect={select('building')} tooltip={buildingTip} staleBefore={staleBefore} />
      )}
      {layers.parks && (
        <ParkLayer parks={props.parks} buildingsById={buildingsById} drawnBuildings={props.buildings} crs={crs} selectedId={selected?.kind === 'park' ? selected.id : null} onSelect={select('park')} tooltip={parkTip} badge={t('legend.parkBadge')} />
      )}
      <AreaLayer area={props.area} crs={crs} />
      {selectedBuilding && selectedBuilding.lng != null && selectedBuilding.lat != null && (
        <SelectedMarker
          id={selectedBuilding.id}
          position={[selectedBuilding.lng, selectedBuilding.lat]}
          crs={crs}
          draggable={props.moving}
          onMoved={(position) => props.onMoved(selectedBuilding.id, position)}
        />
      )}
      <MapTools mode={props.tool} crs={crs} callbacks={props.toolCallbacks} />
      <ViewTracker crs={crs} onView={props.onView} />
      <KeepPlaceOnCrsChange crs={crs} />
      <MapHandle onMap={props.onMap} />
      <ResizeWatcher />
      <CenterOnSelection target={focus} crs={crs} layout={props.overlayLayout} />
      <DeselectOnMapClick active={props.tool.kind === 'none'} onDeselect={() => onSelect(null)} />
      <ScaleControl imperial={false} position="bottomright" />
    </MapContainer>
  )
}
