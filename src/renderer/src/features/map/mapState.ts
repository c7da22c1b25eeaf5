import { useMemo } from 'react'
import { z } from 'zod'
import { mapAreaSchema, mapFilterSchema, type MapArea, type MapFilter } from '../../../../shared/mapFilter'
import type { SiteRef } from '../../../../shared/mapSites'
import { usePersistedSetting } from './usePersistedSetting'

// The map screen's own state, all of it kept across restarts: what is filtered, which area is
// drawn, which layers show, where the map looks, and which sites are picked.

export const layersSchema = z.object({
  buildings: z.boolean(),
  parcels: z.boolean(),
  parks: z.boolean(),
  clusters: z.boolean(),
  districts: z.boolean(),
})
export type MapLayers = z.infer<typeof layersSchema>
export const DEFAULT_LAYERS: MapLayers = { buildings: true, parcels: true, parks: true, clusters: true, districts: true }

export const viewSchema = z.object({
  /** WGS-84 */
  center: z.tuple([z.number(), z.number()]),
  zoom: z.number().min(0).max(22),
})
export type MapView = z.infer<typeof viewSchema>

const selectionSchema = z.array(z.object({ kind: z.enum(['building', 'parcel', 'park']), id: z.string() })).max(2000)
const areaSetting = mapAreaSchema.nullable()

const NO_FILTER: MapFilter = {}

/** The legend folded or open; null until the person chooses (then it depends on the window's height). */
const legendSchema = z.object({ open: z.boolean() }).nullable()
export type LegendSetting = z.infer<typeof legendSchema>

export function useMapState() {
  const [filter, setFilter, filterReady] = usePersistedSetting('map.filter', mapFilterSchema, NO_FILTER)
  const [area, setArea, areaReady] = usePersistedSetting<MapArea | null>('map.area', areaSetting, null)
  const [layers, setLayers, layersReady] = usePersistedSetting('map.layers', layersSchema, DEFAULT_LAYERS)
  // The view is read once, when the map opens; later pans are only written.
  const [view, , viewReady, setView] = usePersistedSetting<MapView | null>('map.view', viewSchema.nullable(), null)
  const [selection, setSelection, selectionReady] = usePersistedSetting<SiteRef[]>('map.selection', selectionSchema, [])
  const [legend, setLegend, legendReady] = usePersistedSetting<LegendSetting>('map.legend', legendSchema, null)
  const ready = filterReady && areaReady && layersReady && viewReady && selectionReady && legendReady
  // One object while nothing in it changes: a write of any setting (the view, on every pan)
  // re-renders the screen that holds these hooks, and the map workspace below skips that render.
  return useMemo(
    () => ({ ready, filter, setFilter, area, setArea, layers, setLayers, view, setView, selection, setSelection, legend, setLegend }),
    [ready, filter, setFilter, area, setArea, layers, setLayers, view, setView, selection, setSelection, legend, setLegend],
  )
}

export type MapState = ReturnType<typeof useMapState>

export const sameSite = (a: SiteRef, b: SiteRef) => a.kind === b.kind && a.id === b.id
