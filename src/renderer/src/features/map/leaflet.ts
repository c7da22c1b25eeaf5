import L from 'leaflet'

// Leaflet-Geoman (the drawing and editing plugin) extends the global `L` it finds on window, so
// Leaflet is put there first; this module is imported before the plugin everywhere it is used.
declare global {
  interface Window {
    L?: typeof L
  }
}
window.L = L

export default L
