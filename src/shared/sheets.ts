import { z } from 'zod'
import { optionalText, queryText } from './schemas/common'
import type { FitOut } from './domain'
import { siteScope, type SiteScope } from './siteScope'
import type { BuildingSummary, Parcel, Park, ParkHost, Space } from './types'

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
  title: queryText('标题').optional(),
})
export type SheetOptions = z.input<typeof sheetOptions>

const contactField = (label: string, max: number) => optionalText(label, max).transform((v) => (v ? v : null))

/** The contact printed on the cover (设置 → 清单联系人), stored as JSON under 'sheet.contact'. */
export const sheetContactSchema = z.strictObject({
  organisation: contactField('单位', 100),
  name: contactField('联系人', 50),
  phone: contactField('电话', 50),
  address: contactField('地址', 200),
})
export type SheetContact = z.output<typeof sheetContactSchema>

export const EMPTY_CONTACT: SheetContact = { organisation: null, name: null, phone: null, address: null }

/**
 * The saved contact, or the empty one when nothing (or something not of this shape) is stored:
 * a sheet still prints when the setting was damaged, without the cover contact.
 */
export function readSheetContact(json: string | null | undefined): SheetContact {
  if (!json) return EMPTY_CONTACT
  try {
    const parsed = sheetContactSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : EMPTY_CONTACT
  } catch {
    return EMPTY_CONTACT
  }
}

export interface SheetBuilding {
  kind: 'building'
  building: BuildingSummary
  /** Largest vacant block on one floor or across adjacent wholly vacant floors, m². */
  largestVacantBlock: number
  /** Fit-outs offered among the vacant spaces. */
  vacantFitOuts: FitOut[]
  /** Spaces on the market: vacant or reserved, from the lowest floor up. */
  availableSpaces: Space[]
  /** Floors with available space, as labels from the lowest up. */
  availableFloors: string[]
  /** Names of current tenants (the section can be hidden). */
  tenants: string[]
  /** Sky parks hosted in the building. */
  parks: Array<{ id: string; name: string; floors: string | null }>
  photoId: string | null
  clusterName: string | null
  districtName: string
}

export interface SheetParcel {
  kind: 'parcel'
  parcel: Parcel
  /** The parcel's reference point: its position, else the boundary's centroid. */
  lng: number | null
  lat: number | null
  photoId: string | null
  districtName: string
}

export interface SheetParkHost extends ParkHost {
  lng: number | null
  lat: number | null
  /** Figures of the host's spaces on the park's floors (all floors when none are given). */
  leasableArea: number
  vacantArea: number
}

export interface SheetPark {
  kind: 'park'
  park: Park
  /** Host buildings with their floors, positions and the figures of those floors. */
  hosts: SheetParkHost[]
  /** Leased / leasable over the park's floors in its host buildings; null when nothing is leasable. */
  occupancyRate: number | null
  vacantArea: number
  photoId: string | null
  districtName: string
}

export type SheetSite = SheetBuilding | SheetParcel | SheetPark

/** A handbook's group of sites: one district, one cluster, or a district's sites in no cluster. */
export interface SheetGroup {
  title: string
  /** Indexes into SheetData.sites, in order. */
  siteIndexes: number[]
}

export interface SheetData {
  title: string
  /** The districts the sites are in, by name. */
  districts: string[]
  generatedAt: string
  /** Days after which a site not verified is stale (shaded on the sheet; 'freshness.staleDays'). */
  staleDays: number
  contact: SheetContact
  sections: SheetSection[]
  handbook: boolean
  sites: SheetSite[]
  /** The handbook's grouping (by district, then cluster); one group of everything for a sheet. */
  groups: SheetGroup[]
}

// ── The sheet's address: #/sheet?scope=<base64url JSON>&handbook=1&sections=a,b&title=… ─────────

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

const fromBase64Url = (text: string): Uint8Array => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

export const encodeScope = (scope: SiteScope): string => toBase64Url(new TextEncoder().encode(JSON.stringify(scope)))

/** The scope in an address, checked; null when it is missing or not a scope. */
export function decodeScope(text: string | null): SiteScope | null {
  if (!text) return null
  try {
    const parsed = siteScope.safeParse(JSON.parse(new TextDecoder().decode(fromBase64Url(text))))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export interface SheetRoute {
  scope: SiteScope
  handbook?: boolean
  sections?: readonly SheetSection[]
  title?: string
  /** Opened to be printed: no app chrome, no side panel. */
  print?: boolean
}

/** The hash route of a sheet, e.g. '#/sheet?scope=…&handbook=1'. */
export function sheetHash(route: SheetRoute): string {
  const params = new URLSearchParams({ scope: encodeScope(route.scope) })
  if (route.handbook) params.set('handbook', '1')
  if (route.sections) params.set('sections', route.sections.join(','))
  if (route.title) params.set('title', route.title)
  if (route.print) params.set('print', '1')
  return `#/sheet?${params.toString()}`
}

export function parseSections(text: string | null): SheetSection[] | undefined {
  if (text === null) return undefined
  const known = new Set<string>(SHEET_SECTIONS)
  return text.split(',').filter((s): s is SheetSection => known.has(s))
}

