import type { ImportProblem } from '../../../shared/imports'
import { parkCreate, parkUpdate } from '../../../shared/schemas/parks'
import {
  columnOf, districtOf, get, headerOf, nameKey, newId, type PlanBook, type PlanContext, type RecordRow, type Row, type SheetLayout,
  validate, type WriteOp,
} from './plan'
import type { HostRef } from './values'

// Sky parks from a sheet: matched by id, else by name + district. 分园 is a list ('A、B、C') whose
// names are added to the park; 载体楼宇 names existing buildings ('财富中心（3-5层）'), each of which
// must be found by name (in the park's district first) or the row is a problem.

const KEYS = ['name', 'theme', 'plannedInvestment', 'totalArea', 'landArea', 'operator', 'status', 'contactName', 'contactPhone', 'description'] as const

export function planParks(records: RecordRow[], layout: SheetLayout, ctx: PlanContext, book: PlanBook): void {
  const byId = new Map(ctx.lookups.parks.map((p) => [p.id as string, p]))
  const byName = new Map(ctx.lookups.parks.map((p) => [`${nameKey(p.name as string)}|${p.districtCode}`, p]))
  const buildingsByName = new Map<string, Row[]>()
  for (const b of ctx.lookups.buildings) {
    const key = nameKey(b.name as string)
    const list = buildingsByName.get(key)
    if (list) list.push(b)
    else buildingsByName.set(key, [b])
  }
  const subParksOf = new Map<string, Row[]>()
  for (const s of ctx.lookups.subParks) subParksOf.set(s.parkId as string, [...(subParksOf.get(s.parkId as string) ?? []), s])
  const hostsOf = new Map<string, Row[]>()
  for (const h of ctx.lookups.parkHosts) hostsOf.set(h.parkId as string, [...(hostsOf.get(h.parkId as string) ?? []), h])
  const createdDistricts = new Map<string, Row>()
  const seen = new Map<string, number>()
  const columnFor = (field: string) => headerOf(layout, field)

  for (const record of records) {
    const name = get<string>(record, 'name') ?? ''
    const problems: ImportProblem[] = [...record.problems]
    const district = districtOf(record, layout, ctx, createdDistricts)
    const fail = (more: ImportProblem[]) => {
      if (district.ok && district.create) createdDistricts.delete(district.code)
      book.reject(record.row, name, [...problems, ...more])
    }
    if (!district.ok) problems.push(district.problem)
    if (!name && !problems.some((p) => p.column === headerOf(layout, 'name'))) {
      problems.push({ row: record.row, column: headerOf(layout, 'name'), message: '园区名称：必填' })
    }
    if (!district.ok || problems.length > 0) {
      fail([])
      continue
    }
    const key = `${nameKey(name)}|${district.code}`
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      fail([{ row: record.row, column: headerOf(layout, 'name'), message: `园区名称：与第 ${earlier} 行重复（同一区县的同名园区）` }])
      continue
    }
    const idCell = get<string>(record, 'id')
    const stored = (idCell && byId.get(idCell)) || byName.get(key)
    const fields: Row = { districtCode: district.code }
    for (const k of KEYS) {
      const v = get(record, k)
      if (v !== undefined) fields[k] = v
    }

    // Host buildings by name: the park's district first, then anywhere if only one has that name.
    const hostRows: Array<{ buildingId: string; floors: string | null }> = []
    for (const host of get<HostRef[]>(record, 'hosts') ?? []) {
      const candidates = buildingsByName.get(nameKey(host.name)) ?? []
      const local = candidates.filter((b) => b.districtCode === district.code)
      const pickFrom = local.length > 0 ? local : candidates
      if (pickFrom.length !== 1) {
        const why = pickFrom.length === 0 ? `找不到楼宇“${host.name}”，请先导入或登记该楼宇` : `有多栋名为“${host.name}”的楼宇，请在园区详情中选择`
        problems.push({ row: record.row, column: columnOf(record, 'hosts'), message: `载体楼宇：${why}` })
        continue
      }
      if (hostRows.some((h) => h.buildingId === pickFrom[0]!.id)) continue
      hostRows.push({ buildingId: pickFrom[0]!.id as string, floors: host.floors })
    }
    if (problems.length > 0) {
      fail([])
      continue
    }
    const checked = stored
      ? validate(parkUpdate, { id: stored.id, ...fields }, record.row, columnFor)
      : validate(parkCreate, fields, record.row, columnFor)
    if (!checked.ok) {
      fail(checked.problems)
      continue
    }
    const { id: _id, ...value } = checked.value as Row
    const ops: WriteOp[] = []
    if (district.create) ops.push({ op: 'insert', table: 'districts', values: district.create })
    const parkId = (stored?.id as string | undefined) ?? newId()
    if (stored) {
      ops.push({ op: 'update', table: 'parks', id: parkId, patch: value, before: stored })
    } else {
      ops.push({
        op: 'insert', table: 'parks',
        values: {
          id: parkId, plannedInvestment: null, totalArea: null, landArea: null, operator: null, contactName: null, contactPhone: null, description: null,
          isDemo: 0, ...value,
        },
      })
    }
    // Sub-parks and hosts are added to what the park has; none is removed by an import.
    const subParks = subParksOf.get(parkId) ?? []
    const knownSubParks = new Set(subParks.map((s) => nameKey(s.name as string)))
    let order = subParks.length
    for (const subName of get<string[]>(record, 'subParks') ?? []) {
      if (knownSubParks.has(nameKey(subName))) continue
      knownSubParks.add(nameKey(subName))
      ops.push({ op: 'insert', table: 'subParks', values: { id: newId(), parkId, name: subName, theme: null, area: null, sortOrder: order++, isDemo: 0 } })
    }
    const hosts = hostsOf.get(parkId) ?? []
    const knownHosts = new Set(hosts.map((h) => h.buildingId as string))
    let hostOrder = hosts.length
    for (const host of hostRows) {
      if (knownHosts.has(host.buildingId)) continue
      ops.push({ op: 'insert', table: 'parkHosts', values: { id: newId(), parkId, buildingId: host.buildingId, floors: host.floors, area: null, sortOrder: hostOrder++, isDemo: 0 } })
    }
    seen.set(key, record.row)
    if (stored) book.updated += 1
    else book.created += 1
    for (const op of ops) if (op.op === 'insert' && op.table !== 'parks') book.count(op.table)
    book.accept(record.row, name, stored ? 'update' : 'create', ops, record.warnings)
  }
}
