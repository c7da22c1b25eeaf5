import L from './leaflet'
import '@geoman-io/leaflet-geoman-free'
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css'

// Leaflet with Geoman's `L.PM`, loaded on demand by the map's tools (tools/MapTools.tsx).
export default L
