import type { ParkStatus } from '../../../shared/domain'
import { CITY, contactPerson, landline } from '../demo/tenants'
import type { BuildingPlan } from './buildings'
import type { GenRandom } from './random'
import type { GenBuilding, GenPark } from './types'

// A few sky industrial parks (空中产业园), each on whole floors of one or two generated towers. A
// host's floors and area are those of a run of its recorded spaces, so the park's figures match
// the floors the map and the building screen show.

const THEMES: ReadonlyArray<{ theme: string; subParks: readonly string[] }> = [
  { theme: '数字经济', subParks: ['智能经济分园', '大数据分园', '工业设计分园', '数字孵化基地'] },
  { theme: '总部经济', subParks: ['区域总部基地', '外资企业总部基地', '央企国企东北总部基地', '新经济产业社区'] },
  { theme: '跨境电商', subParks: ['跨境电商企业集聚区', '直播电商基地', '跨境服务中心'] },
  { theme: '文商旅', subParks: ['文旅策划分园', '会展服务分园'] },
  { theme: '数字金融', subParks: ['金融科技分园', '财富管理分园', '金融外包服务中心'] },
  { theme: '元宇宙', subParks: ['虚拟现实分园', '数字孪生分园'] },
  { theme: '生命健康', subParks: ['医疗器械研发分园', '健康管理服务分园'] },
  { theme: '人力资源', subParks: ['人力资源服务企业集聚区', '公共就业服务大厅'] },
  { theme: '软件和信息服务', subParks: ['工业软件分园', '信创分园', '软件外包基地'] },
  { theme: '科技创新', subParks: ['科技成果转化中心', '众创空间', '专精特新企业基地'] },
]

const GRADE_RANK: Record<string, number> = { super_a: 0, a: 1, b: 2 }

/** 1 park per 1,200 buildings, at least 1 and at most 10 (one per theme). */
export function parkCount(buildingCount: number): number {
  return buildingCount === 0 ? 0 : Math.min(THEMES.length, Math.max(1, Math.round(buildingCount / 1200)))
}

/** "12-30" from the first and last floor labels of a run of spaces ("12", "28-30"). */
function floorRange(labels: readonly string[]): string {
  const first = Number.parseInt(labels[0]!, 10)
  const last = Number.parseInt(labels[labels.length - 1]!.split('-').pop()!, 10)
  return first === last ? String(first) : `${first}-${last}`
}

/** A run of 25–60 % of the building's spaces, whole floors, from a random start. */
function hostFloors(random: GenRandom, building: GenBuilding): { floors: string; area: number } {
  const spaces = building.spaces
  const length = Math.max(1, Math.round(spaces.length * random.float(0.25, 0.6, 3)))
  const start = random.int(0, spaces.length - length)
  const run = spaces.slice(start, start + length)
  return { floors: floorRange(run.map((s) => s.floorLabel)), area: Math.round(run.reduce((sum, s) => sum + s.area, 0)) }
}

export function buildParks(random: GenRandom, buildings: readonly GenBuilding[], plans: readonly BuildingPlan[]): GenPark[] {
  const eligible = random
    .shuffle(buildings.map((b, i) => i))
    .filter((i) => {
      const b = buildings[i]!
      return (b.kind === 'office' || b.kind === 'complex') && b.grade !== null && b.grade in GRADE_RANK && b.spaces.length >= 8 && plans[i]!.centre.profile !== 'industrial'
    })
    .sort((a, b) => GRADE_RANK[buildings[a]!.grade!]! - GRADE_RANK[buildings[b]!.grade!]!)
  const used = new Set<number>()
  const themes = random.shuffle(THEMES).slice(0, Math.min(parkCount(buildings.length), eligible.length))
  return themes.map(({ theme, subParks }) => {
    const first = eligible.find((i) => !used.has(i))!
    used.add(first)
    const centre = plans[first]!.centre
    const hostIndexes = [first]
    if (random.chance(0.3)) {
      const second = eligible.find((i) => !used.has(i) && plans[i]!.centre === centre)
      if (second !== undefined) {
        used.add(second)
        hostIndexes.push(second)
      }
    }
    const hosts = hostIndexes.map((i) => ({ id: random.uuid(), buildingId: buildings[i]!.id, ...hostFloors(random, buildings[i]!) }))
    const totalArea = hosts.reduce((sum, h) => sum + h.area, 0)
    const names = subParks.slice(0, random.int(2, subParks.length))
    const weights = names.map(() => random.float(0.6, 1.4, 3))
    const sum = weights.reduce((a, b) => a + b, 0)
    const areas = weights.map((w) => Math.round((totalArea * w) / sum / 100) * 100)
    areas[areas.length - 1] = totalArea - areas.slice(0, -1).reduce((a, b) => a + b, 0)
    const stem = centre.stems[0]!
    const hostNames = hostIndexes.map((i) => buildings[i]!.name).join('、')
    return {
      id: random.uuid(),
      name: `${stem}${theme}产业园`,
      theme,
      districtCode: centre.districtCode,
      plannedInvestment: Math.max(1e8, Math.round((totalArea * random.float(8_000, 40_000, 0)) / 1e7) * 1e7),
      totalArea,
      landArea: null,
      operator: `沈阳${stem}${theme}产业发展有限公司`,
      status: random.weighted<ParkStatus>([['operating', 60], ['fitting_out', 25], ['planned', 15]]),
      contactName: contactPerson(random),
      contactPhone: landline(random, CITY.shenyang),
      description: `依托${hostNames}整层改造的空中产业园，聚焦${theme}，设 ${names.length} 个分园，提供政策兑现、人才和融资服务。`,
      subParks: names.map((name, k) => ({ id: random.uuid(), name, theme: null, area: areas[k]! > 0 ? areas[k]! : null, status: null })),
      hosts,
    }
  })
}
