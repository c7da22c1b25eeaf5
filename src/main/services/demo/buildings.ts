import type { BuildingGrade, FitOut, SpaceStatus } from '../../../shared/domain'
import type { BuildingSpec } from './catalogue'
import { addDays, monthStart } from './dates'
import { type Random, round } from './random'
import { type CityProfile, type CompanyFactory, contactPerson, INDUSTRIAL_INDUSTRIES, landline, OFFICE_INDUSTRIES } from './tenants'
import type { DemoBuilding, DemoLease, DemoSpace, DemoTenant } from './types'

// One building with its floors, the companies in it and their leases. Vacancy follows the
// building's spec; every leased space is covered by exactly one current lease.

export interface BuildingContext {
  random: Random
  today: string
  companies: CompanyFactory
  city: CityProfile
  /** Centre of the building's cluster, when the spec gives no position. */
  centre: [number, number] | null
}

export interface BuiltBuilding {
  building: DemoBuilding
  tenants: DemoTenant[]
  leases: DemoLease[]
}

/** 元/m²·天 ranges of asking rent. */
const RENT: Record<BuildingGrade | 'industrial', [number, number]> = {
  super_a: [4.2, 6], a: [2.8, 4.5], b: [1.8, 2.6], c: [1.2, 1.8], industrial: [0.6, 1.1],
}
/** 元/m²·月 ranges of property fee (the generator's too). */
export const PROPERTY_FEE: Record<BuildingGrade | 'industrial', [number, number]> = {
  super_a: [28, 35], a: [15, 25], b: [6, 12], c: [3, 6], industrial: [2, 4],
}

function layoutSpaces(spec: BuildingSpec, random: Random): Array<Omit<DemoSpace, 'status' | 'askingRent' | 'fitOut' | 'availableFrom' | 'divisible'>> {
  const spaces: Array<Omit<DemoSpace, 'status' | 'askingRent' | 'fitOut' | 'availableFrom' | 'divisible'>> = []
  const add = (floorLabel: string, unit: string | null, area: number) =>
    spaces.push({ key: `${spec.key}-s${spaces.length + 1}`, floorLabel, unit, area: round(area, 1) })
  if (spec.kind === 'stalled') return spaces
  if (spec.kind === 'industrial' && spec.floorsAbove <= 2) {
    // Single-storey plants, each its own unit.
    for (let k = 1; k <= 6; k++) add('1', `${k}#厂房`, spec.plate * random.float(0.7, 1.3))
    return spaces
  }
  for (let floor = spec.officeFrom; floor <= spec.floorsAbove; floor++) {
    const plate = spec.plate * random.float(0.96, 1.04, 3)
    const units = spec.kind === 'industrial' ? 2 : random.chance(0.25) ? random.int(2, 3) : 1
    if (units === 1) {
      add(String(floor), null, plate)
      continue
    }
    const weights = Array.from({ length: units }, () => random.float(0.7, 1.3))
    const total = weights.reduce((a, b) => a + b, 0)
    weights.forEach((w, i) => {
      const unit = spec.kind === 'industrial' ? `${'ABC'[i]}区` : String(i + 1).padStart(2, '0')
      add(String(floor), unit, (plate * w) / total)
    })
  }
  return spaces
}

function assignStatuses(spec: BuildingSpec, areas: number[], random: Random): SpaceStatus[] {
  const count = areas.length
  const statuses: SpaceStatus[] = new Array<SpaceStatus>(count).fill('leased')
  let market = Array.from({ length: count }, (_, i) => i)
  if (spec.ownership === 'strata') {
    // Strata-sold towers: a third of the floors belong to owners who use or hold them.
    const sold = new Set(random.shuffle(market).slice(0, Math.round(count * 0.35)))
    for (const i of sold) statuses[i] = 'sold'
    market = market.filter((i) => !sold.has(i))
  } else if (count > 10 && random.chance(0.5)) {
    const own = market.slice(-random.int(1, 2))
    for (const i of own) statuses[i] = 'owner_occupied'
    market = market.filter((i) => !own.includes(i))
  }
  // Vacant spaces are drawn until their area reaches the building's vacancy (by area, as the
  // rate is defined); a few more are reserved, the rest leased.
  const marketArea = market.reduce((sum, i) => sum + areas[i]!, 0)
  let vacantArea = 0
  let reserved = Math.round(market.length * 0.04)
  for (const i of random.shuffle(market)) {
    if (vacantArea + areas[i]! / 2 < marketArea * spec.vacancy) {
      statuses[i] = 'vacant'
      vacantArea += areas[i]!
    } else if (reserved > 0) {
      statuses[i] = 'reserved'
      reserved -= 1
    }
  }
  return statuses
}

function leaseDates(random: Random, today: string, long: boolean): { startDate: string; endDate: string } {
  const startDate = monthStart(today, -random.int(1, long ? 30 : 48))
  const term = long ? random.pick([60, 96, 120]) : random.pick([24, 36, 36, 60])
  let endDate = addDays(monthStart(startDate, term), -1)
  // About one lease in seven runs out within six months: area the bureau can line up a tenant for.
  if (!long && random.chance(0.15)) endDate = addDays(monthStart(today, random.int(1, 6)), -1)
  else if (endDate < today) endDate = addDays(monthStart(today, random.int(7, 36)), -1)
  return { startDate, endDate }
}

/** Groups of 1–3 neighbouring leased spaces, each one company's lease. */
function leaseGroups(spaces: DemoSpace[], random: Random): DemoSpace[][] {
  const groups: DemoSpace[][] = []
  let current: DemoSpace[] = []
  let size = 0
  for (const space of spaces) {
    if (space.status !== 'leased' || current.length >= size) {
      if (current.length) groups.push(current)
      current = []
      size = random.weighted([[1, 55], [2, 30], [3, 15]] as const)
    }
    if (space.status === 'leased') current.push(space)
  }
  if (current.length) groups.push(current)
  return groups
}

export function buildBuilding(spec: BuildingSpec, ctx: BuildingContext): BuiltBuilding {
  const { random, today, companies, city } = ctx
  const level = spec.kind === 'office' ? (spec.grade ?? 'b') : 'industrial'
  const rentBase = random.float(...RENT[level], 2)
  const [lng, lat] = spec.at ?? [ctx.centre![0] + random.float(-0.0045, 0.0045, 6), ctx.centre![1] + random.float(-0.0035, 0.0035, 6)]

  const layout = layoutSpaces(spec, random)
  const statuses = assignStatuses(spec, layout.map((s) => s.area), random)
  const spaces: DemoSpace[] = layout.map((s, i) => {
    const status = statuses[i]!
    const onMarket = status === 'vacant' || status === 'reserved'
    // Higher floors ask a little more, within the grade's range.
    const height = 1 + 0.004 * Number.parseInt(s.floorLabel, 10)
    const [low, high] = RENT[level]
    const rent = Math.min(high, Math.max(low, rentBase * height * random.float(0.95, 1.05, 3)))
    return {
      ...s,
      status,
      askingRent: onMarket ? round(rent, 1) : null,
      fitOut: status === 'sold' ? null : random.weighted<FitOut>([['bare', 3], ['basic', 4], ['fitted', 3]]),
      availableFrom: status === 'vacant' ? addDays(today, random.pick([0, 0, 0, 30, 60, 90])) : null,
      divisible: s.unit === null && s.area > 1500 && random.chance(0.4),
    }
  })

  const tenants: DemoTenant[] = []
  const majors: DemoTenant[] = []
  const leases: DemoLease[] = []
  const industries = spec.kind === 'industrial' ? INDUSTRIAL_INDUSTRIES : OFFICE_INDUSTRIES
  for (const group of leaseGroups(spaces, random)) {
    const area = round(group.reduce((sum, s) => sum + s.area, 0), 1)
    const major = spec.taxTarget !== undefined && group.length >= 2 && majors.length < 4
    const key = `${spec.key}-t${tenants.length + 1}`
    const registeredHere = major || random.chance(0.85)
    const { name, industry } = major
      ? companies.major()
      : (() => {
          const industry = random.weighted(industries)
          return { name: companies.company(industry, city), industry }
        })()
    const taxPerM2 = major ? random.float(8000, 14000, 0) : spec.kind === 'industrial' ? random.float(40, 300, 0) : random.float(60, 900, 0)
    const annualTax = Math.round((area * taxPerM2 * (industry === 'J' && !major ? 1.5 : 1)) / 1000) * 1000
    const tenant: DemoTenant = {
      key,
      name,
      creditCode: companies.code(spec.districtCode, registeredHere),
      industry,
      aboveScale: major || annualTax >= 1_500_000 || random.chance(0.12),
      registeredInDistrict: registeredHere,
      annualTax,
      staff: Math.max(3, Math.round(area / (spec.kind === 'industrial' ? random.float(30, 60) : random.float(8, 14)))),
      contactName: contactPerson(random),
      contactPhone: landline(random, city),
    }
    tenants.push(tenant)
    if (major) majors.push(tenant)
    leases.push({
      key: `${spec.key}-l${leases.length + 1}`,
      tenantKey: key,
      buildingKey: spec.key,
      spaceKeys: group.map((s) => s.key),
      ...leaseDates(random, today, major),
      area,
      rent: round(rentBase * random.float(0.85, 1, 3), 1),
    })
  }
  topUpTax(spec, tenants, majors)

  const built = spaces.reduce((sum, s) => sum + s.area, 0)
  return {
    building: {
      key: spec.key,
      clusterKey: spec.clusterKey,
      name: spec.name,
      address: spec.address,
      districtCode: spec.districtCode,
      lng: round(lng, 6),
      lat: round(lat, 6),
      grade: spec.grade,
      kind: spec.kind,
      floorsAbove: spec.floorsAbove,
      floorsBelow: spec.floorsBelow,
      totalArea: Math.round(Math.max(built * 1.15, spec.plate * (spec.floorsAbove + spec.floorsBelow) * 1.1) / 100) * 100,
      // An industrial site covers about 60% of its land (厂房 plate ÷ 0.6): no draw of the random
      // sequence, so every other demo figure stays as it was.
      landArea: spec.kind === 'industrial' ? Math.round(spec.plate / 0.6 / 100) * 100 : null,
      yearBuilt: spec.yearBuilt,
      owner: spec.owner,
      propertyManager: spec.propertyManager,
      ownership: spec.ownership,
      propertyFee: spec.kind === 'stalled' ? null : random.float(...PROPERTY_FEE[level], 1),
      contactName: contactPerson(random),
      contactPhone: landline(random, city),
      notes: spec.notes ?? null,
      spaces,
    },
    tenants,
    leases,
  }
}

/** Raises the large taxpayers' figures until the building reaches its 亿元楼 target. */
function topUpTax(spec: BuildingSpec, tenants: DemoTenant[], majors: DemoTenant[]): void {
  if (spec.taxTarget === undefined) return
  if (majors.length === 0) throw new Error(`demo: ${spec.name} has no large tenant to carry its tax target`)
  const deficit = spec.taxTarget - tenants.reduce((sum, t) => sum + t.annualTax, 0)
  if (deficit <= 0) return
  const weights = majors.map((_, i) => majors.length - i)
  const total = weights.reduce((a, b) => a + b, 0)
  majors.forEach((t, i) => {
    t.annualTax += Math.ceil((deficit * weights[i]!) / total / 10_000) * 10_000
  })
}
