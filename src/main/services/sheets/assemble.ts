import type { SiteRef } from '../../../shared/mapSites'
import { DomainError } from '../../../shared/result'
import {
  readSheetContact, SHEET_SECTIONS, type SheetBuilding, type SheetData, type SheetGroup, type SheetOptions, type SheetParcel,
  type SheetPark, type SheetSection, type SheetSite,
} from '../../../shared/sheets'
import { listBuildings } from '../../store/buildings'
import { compareNames } from '../../store/collate'
import { listDistricts } from '../../store/districts'
import { listParcels } from '../../store/parcels'
import { listParks } from '../../store/parks'
import { getSetting } from '../../store/settings'
import { currentTenantNames, spacesOfBuildings, type SheetSpace } from '../../store/sheets'
import type { ServiceContext } from '../context'
import { resolveScope } from '../scope/resolve'
import { staleDays } from '../verification/staleDays'
import { onFloors, parseFloorRanges } from './floors'

// Everything a printed sheet shows, gathered in one answer: the scope's sites in order with their
// figures, spaces on the market, tenants, planning conditions, parks' hosts, the cover's contact.

/** More sites than anyone prints at once; a bigger scope is refused with a sentence that says so. */
export const MAX_SHEET_SITES = 500

const AVAILABLE = new Set(['vacant', 'reserved'])

export async function assembleSheet(ctx: ServiceContext, options: SheetOptions): Promise<SheetData> {
  const db = ctx.store.db
  const { sites: refs, all, label } = await resolveScope(ctx, options.scope)
  if (refs.length > MAX_SHEET_SITES) {
    throw new DomainError('invalid', `范围：共 ${refs.length} 处资源，一份清单最多 ${MAX_SHEET_SITES} 处，请缩小范围`, 'scope')
  }
  const idsOf = (kind: SiteRef['kind']) => refs.filter((r) => r.kind === kind).map((r) => r.id)
  const buildingIds = idsOf('building')
  const parcelIds = idsOf('parcel')
  const parkIds = idsOf('park')

  const parks = await listParks(db, { ids: parkIds })
  const hostIds = [...new Set(parks.flatMap((p) => p.hosts.map((h) => h.buildingId)))]
  const [buildings, parcels, spaces, tenants, contactJson, districts] = await Promise.all([
    listBuildings(db, { ids: buildingIds }),
    listParcels(db, { ids: parcelIds }),
    spacesOfBuildings(db, [...new Set([...buildingIds, ...hostIds])]),
    currentTenantNames(db, buildingIds),
    getSetting(db, 'sheet.contact'),
    listDistricts(db),
  ])
  const districtName = new Map(districts.map((d) => [d.code, d.name]))
  const mapBuilding = new Map(all.buildings.map((b) => [b.id, b]))
  const mapParcel = new Map(all.parcels.map((p) => [p.id, p]))
  const mapPark = new Map(all.parks.map((p) => [p.id, p]))
  const parkName = new Map(all.parks.map((p) => [p.id, p.name]))

  const sheetBuildings = new Map<string, SheetBuilding>()
  for (const building of buildings) {
    const m = mapBuilding.get(building.id)
    const available = (spaces.get(building.id) ?? []).filter((s) => AVAILABLE.has(s.status))
    sheetBuildings.set(building.id, {
      kind: 'building',
      building,
      largestVacantBlock: m?.largestVacantBlock ?? 0,
      vacantFitOuts: m?.vacantFitOuts ?? [],
      availableSpaces: available.map(withoutSort),
      availableFloors: [...new Set(available.map((s) => s.floorLabel))],
      tenants: tenants.get(building.id) ?? [],
      parks: (m?.parkIds ?? []).map((id) => ({
        id,
        name: parkName.get(id) ?? '',
        floors: mapPark.get(id)?.hosts.find((h) => h.buildingId === building.id)?.floors ?? null,
      })),
      photoId: m?.photoId ?? null,
      clusterName: building.clusterName,
      districtName: building.districtName,
    })
  }

  const sheetParcels = new Map<string, SheetParcel>()
  for (const parcel of parcels) {
    const m = mapParcel.get(parcel.id)
    sheetParcels.set(parcel.id, {
      kind: 'parcel',
      parcel,
      lng: m?.lng ?? parcel.lng,
      lat: m?.lat ?? parcel.lat,
      photoId: m?.photoId ?? null,
      districtName: parcel.districtName,
    })
  }

  const sheetParks = new Map<string, SheetPark>()
  for (const park of parks) {
    let leasable = 0
    let leased = 0
    let vacant = 0
    const hosts = park.hosts.map((host) => {
      const ranges = parseFloorRanges(host.floors)
      const onTheirFloors = (spaces.get(host.buildingId) ?? []).filter((s) => onFloors(ranges, s.floorSort))
      const figures = sumFigures(onTheirFloors)
      leasable += figures.leasable
      leased += figures.leased
      vacant += figures.vacant
      const b = mapBuilding.get(host.buildingId)
      return { ...host, lng: b?.lng ?? null, lat: b?.lat ?? null, leasableArea: figures.leasable, vacantArea: figures.vacant }
    })
    sheetParks.set(park.id, {
      kind: 'park',
      park,
      hosts,
      occupancyRate: leasable > 0 ? leased / leasable : null,
      vacantArea: vacant,
      photoId: mapPark.get(park.id)?.photoId ?? null,
      districtName: park.districtName,
    })
  }

  const ordered: SheetSite[] = refs.flatMap((r): SheetSite[] => {
    const site = r.kind === 'building' ? sheetBuildings.get(r.id) : r.kind === 'parcel' ? sheetParcels.get(r.id) : sheetParks.get(r.id)
    return site ? [site] : []
  })
  const handbook = options.handbook ?? false
  const { sites, groups } = handbook ? groupForHandbook(ordered) : { sites: ordered, groups: [{ title: '', siteIndexes: ordered.map((_, i) => i) }] }

  const districtNames = [...new Set(sites.map((s) => s.districtName))]
  const scopeDistrict = options.scope.kind === 'district' ? districtName.get(options.scope.districtCode) : undefined
  return {
    title: options.title || defaultTitle(options.scope.kind, label, handbook),
    districts: districtNames.length > 0 ? districtNames : scopeDistrict ? [scopeDistrict] : [],
    generatedAt: new Date().toISOString(),
    staleDays: await staleDays(db),
    contact: readSheetContact(contactJson),
    sections: chosenSections(options.sections),
    handbook,
    sites,
    groups,
  }
}

/** 沈河区招商手册, 彩塔商务楼宇集聚区招商资源清单; a saved search keeps its own name. */
function defaultTitle(scopeKind: SheetOptions['scope']['kind'], label: string | null, handbook: boolean): string {
  const kind = handbook ? '招商手册' : '招商资源清单'
  if (!label) return kind
  return scopeKind === 'district' || scopeKind === 'cluster' ? `${label}${kind}` : label
}

const chosenSections = (sections: readonly SheetSection[] | undefined): SheetSection[] =>
  sections ? SHEET_SECTIONS.filter((s) => sections.includes(s)) : [...SHEET_SECTIONS]

function withoutSort({ floorSort: _floorSort, ...space }: SheetSpace) {
  return space
}

function sumFigures(spaces: readonly SheetSpace[]) {
  let leasable = 0
  let leased = 0
  let vacant = 0
  for (const s of spaces) {
    if (s.status === 'vacant' || s.status === 'leased' || s.status === 'reserved') leasable += s.area
    if (s.status === 'leased') leased += s.area
    if (s.status === 'vacant') vacant += s.area
  }
  return { leasable, leased, vacant }
}

/**
 * A handbook's order: district by district (in the order the scope first meets them); within a
 * district, each cluster's buildings, then buildings in no cluster, then parcels, then parks.
 */
function groupForHandbook(sites: SheetSite[]): { sites: SheetSite[]; groups: SheetGroup[] } {
  const districts: string[] = []
  for (const s of sites) if (!districts.includes(s.districtName)) districts.push(s.districtName)
  const out: SheetSite[] = []
  const groups: SheetGroup[] = []
  const add = (title: string, members: SheetSite[]) => {
    if (members.length === 0) return
    groups.push({ title, siteIndexes: members.map((_, i) => out.length + i) })
    out.push(...members)
  }
  for (const district of districts) {
    const here = sites.filter((s) => s.districtName === district)
    const buildings = here.filter((s): s is SheetBuilding => s.kind === 'building')
    const clusters = [...new Set(buildings.flatMap((b) => (b.clusterName ? [b.clusterName] : [])))].sort(compareNames)
    for (const cluster of clusters) add(`${district} · ${cluster}`, buildings.filter((b) => b.clusterName === cluster))
    add(`${district} · ${clusters.length > 0 ? '其他商务楼宇' : '商务楼宇'}`, buildings.filter((b) => !b.clusterName))
    add(`${district} · 土地资源`, here.filter((s) => s.kind === 'parcel'))
    add(`${district} · 空中产业园`, here.filter((s) => s.kind === 'park'))
  }
  return { sites: out, groups }
}
