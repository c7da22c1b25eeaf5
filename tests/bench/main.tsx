import 'leaflet/dist/leaflet.css'
import L from 'leaflet'
import { useEffect, useMemo, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { MapContainer, Marker } from 'react-leaflet'
import { filterSites, type MapFilter } from '../../src/shared/mapFilter'
import type { MapBuilding, MapSites } from '../../src/shared/mapSites'
import { decodeMapSites, type MapSitesWire } from '../../src/shared/mapSitesWire'
import { vacancyClass } from '../../src/shared/vacancyColors'
import { BuildingLayer } from '../../src/renderer/src/features/map/layers/BuildingLayer'
import { ParcelLayer } from '../../src/renderer/src/features/map/layers/ParcelLayer'

// The map's work in isolation, twice: with the app's layers (clustered canvas buildings) and with
// one react-leaflet <Marker> per building, the approach the app avoids. Both draw the same parcels
// with the app's parcel layer, so the difference is the buildings. scripts/bench.ts drives it.

declare global {
  interface Window {
    bench: { ready: Promise<number>; filter: (filter: MapFilter) => Promise<number> }
  }
}

const mode = new URLSearchParams(location.search).get('mode') === 'markers' ? 'markers' : 'layers'
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))

function NaiveMarkers({ buildings }: { buildings: readonly MapBuilding[] }) {
  const icons = useMemo(() => new Map<string, L.DivIcon>(), [])
  const iconOf = (b: MapBuilding) => {
    const colour = vacancyClass(b.vacancyRate).color
    let icon = icons.get(colour)
    if (!icon) {
      icon = L.divIcon({ className: '', html: `<div style="width:12px;height:12px;border-radius:50%;background:${colour};border:1px solid #fff"></div>`, iconSize: [12, 12] })
      icons.set(colour, icon)
    }
    return icon
  }
  return (
    <>
      {buildings
        .filter((b) => b.lng != null && b.lat != null)
        .map((b) => (
          <Marker key={b.id} position={[b.lat!, b.lng!]} icon={iconOf(b)} title={b.name} />
        ))}
    </>
  )
}

// Every site painted stale (hatched; any check sorts before '~'): the painter's most work.
const STALE_BEFORE = '~'

function Bench({ sites, filter, onDrawn }: { sites: MapSites; filter: MapFilter; onDrawn: () => void }) {
  const filtered = useMemo(() => filterSites(sites, filter), [sites, filter])
  const visible = useMemo(() => new Set(filtered.parcels.map((p) => p.id)), [filtered.parcels])
  useEffect(() => {
    void nextPaint().then(onDrawn)
  }, [filtered, onDrawn])
  return (
    <MapContainer className="bench-map" center={[41.8, 123.43]} zoom={12} preferCanvas>
      <ParcelLayer parcels={sites.parcels} visibleIds={visible} crs="wgs84" selectedId={null} hiddenId={null} onSelect={() => {}} tooltip={(p) => p.name} staleBefore={STALE_BEFORE} />
      {mode === 'layers' ? (
        <BuildingLayer buildings={filtered.buildings} crs="wgs84" selectedId={null} onSelect={() => {}} tooltip={(b) => b.name} staleBefore={STALE_BEFORE} />
      ) : (
        <NaiveMarkers buildings={filtered.buildings} />
      )}
    </MapContainer>
  )
}

let drawn: () => void = () => {}
const signalDrawn = () => drawn()
const waitDrawn = () => new Promise<void>((resolve) => (drawn = resolve))

function App() {
  const [sites, setSites] = useState<MapSites | null>(null)
  const [filter, setFilter] = useState<MapFilter>({})
  useEffect(() => {
    window.bench = {
      ready: (async () => {
        // The clock starts with the answer's text in hand: taking the data in (parsing and decoding
        // map.sites' columns, as the app does) counts.
        const text = await (await fetch('./sites.json')).text()
        const start = performance.now()
        const painted = waitDrawn()
        setSites(decodeMapSites(JSON.parse(text) as MapSitesWire))
        await painted
        return performance.now() - start
      })(),
      filter: async (next) => {
        const start = performance.now()
        const painted = waitDrawn()
        setFilter(next)
        await painted
        return performance.now() - start
      },
    }
  }, [])
  return sites ? <Bench sites={sites} filter={filter} onDrawn={signalDrawn} /> : null
}

createRoot(document.getElementById('root')!).render(<App />)
