import { squareMetresToMu } from '../../../shared/domain'
import { VOCAB_ZH } from '../../../shared/labels'
import type { MapBuilding, MapParcel, MapPark, MapSites, SiteRef } from '../../../shared/mapSites'
import { type ExportProgress, pace } from './pace'
import { openTextFile } from './textFile'

// The sites as a GeoJSON FeatureCollection (RFC 7946: WGS-84 longitude/latitude, as the store
// keeps them, so no conversion and no `crs` member): parcels as their boundary polygons, or as
// points where no boundary is known; buildings as points; parks as the point of their first host
// building that is placed. Sites with no position at all are left out (counted in the message).
// Properties carry the kind, id, name, code, district and the figures people filter by, with the
// unit in the property's name.

type Geometry = { type: 'Point'; coordinates: [number, number] } | { type: string; coordinates: unknown }

interface Feature {
  type: 'Feature'
  id: string
  geometry: Geometry
  properties: Record<string, string | number | boolean | null>
}

const point = (lng: number | null, lat: number | null): Geometry | null =>
  lng === null || lat === null ? null : { type: 'Point', coordinates: [lng, lat] }

function buildingFeature(b: MapBuilding, district: string | null): Feature | null {
  const geometry = point(b.lng, b.lat)
  return geometry && {
    type: 'Feature', id: b.id, geometry,
    properties: {
      kind: 'building', kindLabel: '楼宇', id: b.id, name: b.name, address: b.address, districtCode: b.districtCode, district,
      buildingType: VOCAB_ZH.buildingKind[b.kind], grade: b.grade ? VOCAB_ZH.grade[b.grade] : null,
      leasableAreaM2: b.leasableArea, vacantAreaM2: b.vacantArea, vacancyRate: b.vacancyRate, largestVacantBlockM2: b.largestVacantBlock,
      rentMinYuanPerM2Day: b.rentMin, rentMaxYuanPerM2Day: b.rentMax, tenantCount: b.tenantCount,
    },
  }
}

function parcelFeature(p: MapParcel, district: string | null): Feature | null {
  const geometry: Geometry | null = p.boundary ?? point(p.lng, p.lat)
  return geometry && {
    type: 'Feature', id: p.id, geometry,
    properties: {
      kind: 'parcel', kindLabel: '地块', id: p.id, code: p.code, name: p.name, districtCode: p.districtCode, district,
      landUse: VOCAB_ZH.landUse[p.landUse], landUseCode: p.landUse, status: VOCAB_ZH.parcelStatus[p.status],
      areaM2: p.area, areaMu: p.area === null ? null : squareMetresToMu(p.area),
      referencePriceWanYuanPerMu: p.referencePrice === null ? null : p.referencePrice / 1e4,
      hasBoundary: p.boundary !== null,
    },
  }
}

function parkFeature(p: MapPark, buildings: Map<string, MapBuilding>, district: string | null): Feature | null {
  const host = p.hosts.map((h) => buildings.get(h.buildingId)).find((b) => b && b.lng !== null && b.lat !== null)
  const geometry = host ? point(host.lng, host.lat) : null
  return geometry && {
    type: 'Feature', id: p.id, geometry,
    properties: {
      kind: 'park', kindLabel: '空中产业园', id: p.id, name: p.name, theme: p.theme, districtCode: p.districtCode, district,
      status: VOCAB_ZH.parkStatus[p.status], totalAreaM2: p.totalArea, hostBuildingId: host!.id, hostBuildingName: host!.name,
    },
  }
}

export async function writeGeoJson(
  all: MapSites, sites: SiteRef[], districtNames: Map<string, string>, file: string, progress: ExportProgress, signal?: AbortSignal,
): Promise<void> {
  const buildings = new Map(all.buildings.map((b) => [b.id, b]))
  const parcels = new Map(all.parcels.map((p) => [p.id, p]))
  const parks = new Map(all.parks.map((p) => [p.id, p]))
  const name = (code: string) => districtNames.get(code) ?? null
  const out = openTextFile(file)
  const steps = pace(progress, signal)
  let written = 0
  let unplaced = 0
  try {
    await out.write('{"type":"FeatureCollection","features":[\n')
    for (const ref of sites) {
      const feature =
        ref.kind === 'building' ? buildingFeature(buildings.get(ref.id)!, name(buildings.get(ref.id)!.districtCode))
        : ref.kind === 'parcel' ? parcelFeature(parcels.get(ref.id)!, name(parcels.get(ref.id)!.districtCode))
        : parkFeature(parks.get(ref.id)!, buildings, name(parks.get(ref.id)!.districtCode))
      if (feature) await out.write(`${written++ === 0 ? '' : ',\n'}${JSON.stringify(feature)}`)
      else unplaced += 1
      if (steps.read()) await steps.turn()
    }
    await out.write('\n]}\n')
    await out.end()
  } catch (error) {
    await out.abort()
    throw error
  }
  progress.message = unplaced > 0 ? `已写入 ${written} 处；${unplaced} 处尚未定位，未写入` : `已写入 ${written} 处`
}
