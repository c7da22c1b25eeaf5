import { z } from 'zod'
import { siteScope } from './siteScope'
import type { BuildingSummary, Parcel, Park, Space } from './types'

// The inventory sheet (招商资源清单) and the handbook (招商手册): which sites, which sections,
// and everything the printable page needs in one answer (sheets.data).

/** Sections a person can leave out of a sheet. */
export const SHEET_SECTIONS = ['cover', 'summary', 'map', 'photo', 'figures', 'spaces', 'tenants', 'contacts', 'planning', 'subParks'] as const
export type SheetSection = (typeof SHEET_SECTIONS)[number]

export const sheetOptions = z.strictObject({
  scope: siteScope,
  /** A handbook adds a contents page and groups sites by district and cluster. */
  handbook: z.boolean().optional(),
  /** Sections shown; every section unless given. */
  sections: z.array(z.enum(SHEET_SECTIONS)).max(SHEET_SECTIONS.length).optional(),
  /** Title on the cover; a default from the scope when omitted. */
  title: z.string().trim().max(100, { error: '标题：不能超过 100 个字' }).optional(),
})
export type SheetOptions = z.input<typeof sheetOptions>

/** The contact printed on the cover (设置 → 清单联系人). */
export interface SheetContact {
  organisation: string | null
  name: string | null
  phone: string | null
  address: string | null
}

export interface SheetBuilding {
  kind: 'building'
  building: BuildingSummary
  /** Spaces on the market: vacant or reserved, in floor order. */
  availableSpaces: Space[]
  /** Floors with available space, as labels in order. */
  availableFloors: string[]
  /** Names of current tenants (the section can be hidden). */
  tenants: string[]
  photoId: string | null
  clusterName: string | null
  districtName: string
}

export interface SheetParcel {
  kind: 'parcel'
  parcel: Parcel
  photoId: string | null
  districtName: string
}

export interface SheetPark {
  kind: 'park'
  park: Park
  /** Host buildings with their position, for the map. */
  hostPoints: Array<{ name: string; lng: number; lat: number }>
  occupiedArea: number | null
  photoId: string | null
  districtName: string
}

export type SheetSite = SheetBuilding | SheetParcel | SheetPark

export interface SheetData {
  title: string
  /** The districts the sites are in, by name. */
  districts: string[]
  generatedAt: string
  contact: SheetContact
  sections: SheetSection[]
  handbook: boolean
  sites: SheetSite[]
}
