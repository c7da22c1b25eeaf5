import type { BuildingGrade } from '../../../shared/domain'
import type { BuildingPlan } from './buildings'
import { type BusinessCentre, CENTRES, metresBetween } from './positions'
import type { GenRandom } from './random'
import type { GenBuilding, GenCluster } from './types'

// A handful of named building clusters (楼宇集聚区): the busiest business centres, each grouping
// the office towers and complexes standing nearest to it, as the districts' published clusters do.

const GRADE_WORD: Record<BuildingGrade, string> = { super_a: '超甲级', a: '甲级', b: '乙级', c: '丙级' }

/** 1 cluster per 1,000 buildings, at least 1 and at most 10; none without buildings. */
export function clusterCount(buildingCount: number): number {
  return buildingCount === 0 ? 0 : Math.min(10, Math.max(1, Math.round(buildingCount / 1000)))
}

/** Builds the clusters and sets the members' clusterId. `plans` are the buildings' plans, in the same order. */
export function buildClusters(random: GenRandom, buildings: GenBuilding[], plans: readonly BuildingPlan[]): GenCluster[] {
  const byCentre = new Map<BusinessCentre, GenBuilding[]>()
  buildings.forEach((building, i) => {
    const centre = plans[i]!.centre
    if (centre.profile === 'industrial' || (building.kind !== 'office' && building.kind !== 'complex')) return
    const list = byCentre.get(centre)
    if (list) list.push(building)
    else byCentre.set(centre, [building])
  })
  const ranked = CENTRES.filter((c) => (byCentre.get(c)?.length ?? 0) >= 3).sort(
    (a, b) => byCentre.get(b)!.length - byCentre.get(a)!.length || CENTRES.indexOf(a) - CENTRES.indexOf(b),
  )
  const clusters: GenCluster[] = []
  for (const centre of ranked.slice(0, clusterCount(buildings.length))) {
    const candidates = byCentre.get(centre)!
    const size = Math.min(candidates.length, random.int(6, 12) + Math.floor(buildings.length / 1000))
    const members = [...candidates]
      .sort((a, b) => metresBetween([a.lng, a.lat], centre.centre) - metresBetween([b.lng, b.lat], centre.centre))
      .slice(0, size)
    const word = centre.profile === 'core' ? random.pick(['金融', '总部', '商务']) : centre.profile === 'newtown' ? random.pick(['科创', '商务']) : '商务'
    const grades = members.map((m) => m.grade).filter((g): g is BuildingGrade => g !== null)
    const main = (['super_a', 'a', 'b', 'c'] as const).reduce((best, g) => (grades.filter((x) => x === g).length > grades.filter((x) => x === best).length ? g : best))
    const id = random.uuid()
    clusters.push({
      id,
      name: `${centre.name}${word}楼宇集聚区`,
      districtCode: centre.districtCode,
      description: `以${centre.name}为中心的${word}楼宇集聚区，集中了 ${members.length} 栋商务楼宇，以${GRADE_WORD[main]}写字楼为主。`,
    })
    for (const member of members) member.clusterId = id
  }
  return clusters
}
