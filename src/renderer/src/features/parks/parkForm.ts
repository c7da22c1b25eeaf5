import type { ParkStatus } from '../../../../shared/domain'
import type { ParkCreate } from '../../../../shared/schemas/parks'
import type { Park } from '../../../../shared/types'
import { numberText, parseNumber, textOrNull } from '../../lib/form'
import { scaledNumber } from '../parcels/units'

// The park form as typed, with its sub-parks and host buildings as editable rows. Rows keep the
// child's id so that saving updates it in place (the API treats a row without id as new and a
// missing id as removed). Planned investment is typed in 亿元 and stored in yuan.

export const YUAN_PER_YI = 100_000_000

export interface SubParkRow {
  key: string
  id?: string
  name: string
  theme: string
  area: string
  /** '' = as the park. */
  status: ParkStatus | ''
}

export interface HostRow {
  key: string
  id?: string
  buildingId: string
  floors: string
  area: string
}

export interface ParkFormState {
  name: string
  theme: string
  districtCode: string
  plannedInvestment: string
  totalArea: string
  landArea: string
  operator: string
  status: ParkStatus
  contactName: string
  contactPhone: string
  description: string
  subParks: SubParkRow[]
  hosts: HostRow[]
}

let nextKey = 0
/** A React key for a row that has no id yet. */
export const newRowKey = () => `new-${++nextKey}`

export const emptySubPark = (): SubParkRow => ({ key: newRowKey(), name: '', theme: '', area: '', status: '' })
export const emptyHost = (): HostRow => ({ key: newRowKey(), buildingId: '', floors: '', area: '' })

export const emptyParkForm = (): ParkFormState => ({
  name: '', theme: '', districtCode: '', plannedInvestment: '', totalArea: '', landArea: '', operator: '', status: 'planned',
  contactName: '', contactPhone: '', description: '', subParks: [], hosts: [],
})

const text = (v: string | null) => v ?? ''

export function parkFormOf(p: Park): ParkFormState {
  return {
    name: p.name, theme: p.theme, districtCode: p.districtCode,
    plannedInvestment: numberText(p.plannedInvestment, YUAN_PER_YI), totalArea: numberText(p.totalArea), landArea: numberText(p.landArea),
    operator: text(p.operator), status: p.status, contactName: text(p.contactName), contactPhone: text(p.contactPhone),
    description: text(p.description),
    subParks: p.subParks.map((s) => ({ key: s.id, id: s.id, name: s.name, theme: text(s.theme), area: numberText(s.area), status: s.status ?? '' })),
    hosts: p.hosts.map((h) => ({ key: h.id, id: h.id, buildingId: h.buildingId, floors: text(h.floors), area: numberText(h.area) })),
  }
}

export function parkInputOf(s: ParkFormState): ParkCreate {
  return {
    name: s.name,
    theme: s.theme,
    districtCode: s.districtCode,
    plannedInvestment: scaledNumber(s.plannedInvestment, YUAN_PER_YI),
    totalArea: parseNumber(s.totalArea),
    landArea: parseNumber(s.landArea),
    operator: textOrNull(s.operator),
    status: s.status,
    contactName: textOrNull(s.contactName),
    contactPhone: textOrNull(s.contactPhone),
    description: textOrNull(s.description),
    subParks: s.subParks.map((r) => ({ ...(r.id ? { id: r.id } : {}), name: r.name, theme: textOrNull(r.theme), area: parseNumber(r.area), status: r.status || null })),
    hosts: s.hosts.map((r) => ({ ...(r.id ? { id: r.id } : {}), buildingId: r.buildingId, floors: textOrNull(r.floors), area: parseNumber(r.area) })),
  }
}
