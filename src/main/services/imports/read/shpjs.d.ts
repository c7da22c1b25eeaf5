// shpjs ships no types; these are the three functions read/shp.ts uses.
declare module 'shpjs' {
  import type { FeatureCollection, Geometry } from 'geojson'
  export function parseShp(shp: ArrayBufferView | ArrayBuffer, prj?: string): Geometry[]
  export function parseDbf(dbf: ArrayBufferView | ArrayBuffer, encoding?: string): Array<Record<string, unknown>>
  export function combine(parts: [Geometry[], Array<Record<string, unknown>>?]): FeatureCollection
}
