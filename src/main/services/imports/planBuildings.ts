import { floorUnitKey } from '../../../shared/floors'
import { floorSortKey } from '../../../shared/domain'
import type { ImportProblem } from '../../../shared/imports'
import { buildingCreate, buildingUpdate } from '../../../shared/schemas/buildings'
import { leaseCreate } from '../../../shared/schemas/leases'
import { spaceCreate } from '../../../shared/schemas/spaces'
import { tenantCreate, tenantUpdate } from '../../../shared/schemas/tenants'
import { creditCodeCheckWarning } from '../../../shared/creditCode'
import { withInitials } from '../tenants/initials'
import { nameInitials } from '../../../shared/pinyinInitials'
import {
  columnOf, districtOf, get, headerOf, nameKey, newId, type PlanBook, type PlanContext, positionOf, type RecordRow, type Row,
  type SheetLayout, validate, type WriteOp,
} from './plan'

// Buildings from a sheet. One row per building (with 可租面积/空置面积 as totals, made into a
// vacant and a leased space), or one row per space (rows of a building grouped by its name and
// district; a space matched by floor + unit; a tenant on the row gets its lease of that space).

const BUILDING_KEYS = [
  'name', 'address', 'lng', 'lat', 'grade', 'kind', 'floorsAbove', 'floorsBelow', 'totalArea', 'yearBuilt', 'owner',
  'propertyManager', 'ownership', 'propertyFee', 'contactName', 'contactPhone', 'notes', 'landArea',
] as const
const SPACE_KEYS = ['floorLabel', 'unit', 'area', 'status', 'askingRent', 'fitOut', 'availableFrom', 'divisible'] as const
const TENANT_KEYS = ['creditCode', 'industry', 'aboveScale', 'registeredInDistrict', 'annualTax', 'staff'] as const
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000'
const SUMMARY_NOTE = '由导入的汇总面积生成'

const pick = (record: RecordRow, keys: readonly string[]) => {
  const out: Row = {}
  for (const key of keys) {
    const v = get(record, key)
    if (v !== undefined) out[key] = v
  }
  return out
}
const toInts = (row: Row) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 1 : 0) : v]))
const round2 = (n: number) => Math.round(n * 100) / 100

interface BuildingRef {
  id: string
  /** Live spaces in the store (an existing building) by floor + unit. */
  spaces: Map<string, Row>
  existing: boolean
  hasStoredSpaces: boolean
  firstRow: number
}

export function planBuildings(records: RecordRow[], layout: SheetLayout, ctx: PlanContext, book: PlanBook): void {
  const { lookups } = ctx
  const crs = ctx.options.crs ?? 'wgs84'
  // 租金 alone does not make a space sheet: a building row quotes its vacant space's rent.
  const SPACE_MARKS = new Set(['floorLabel', 'unit', 'area', 'tenantName'])
  const spaceMode = layout.columns.some((c) => c.field && SPACE_MARKS.has(c.field.key))
  const byId = new Map(lookups.buildings.map((b) => [b.id as string, b]))
  const byName = new Map(lookups.buildings.map((b) => [`${nameKey(b.name as string)}|${b.districtCode}`, b]))
  const spacesOf = new Map<string, Row[]>()
  for (const s of lookups.spaces) {
    const list = spacesOf.get(s.buildingId as string)
    if (list) list.push(s)
    else spacesOf.set(s.buildingId as string, [s])
  }
  const tenantsByCode = new Map(lookups.tenants.filter((t) => t.creditCode).map((t) => [t.creditCode as string, t]))
  const tenantsByName = new Map(lookups.tenants.map((t) => [nameKey(t.name as string), t]))
  const leasesOfSpace = new Map<string, Array<Row & { spaceIds: string[] }>>()
  for (const lease of lookups.leases) {
    for (const s of lease.spaceIds) {
      const list = leasesOfSpace.get(s)
      if (list) list.push(lease)
      else leasesOfSpace.set(s, [lease])
    }
  }
  const createdDistricts = new Map<string, Row>()
  const inFile = new Map<string, BuildingRef>()
  const spaceKeysInFile = new Set<string>()
  const newTenants = new Map<string, string>()
  const columnFor = (field: string) => headerOf(layout, field === 'spaceIds' ? 'floorLabel' : field)

  for (const record of records) {
    const name = get<string>(record, 'name') ?? ''
    const problems: ImportProblem[] = [...record.problems]
    const ops: WriteOp[] = []
    const district = districtOf(record, layout, ctx, createdDistricts)
    // A district this row would create is made by the next row that needs it if this one is rejected.
    const reject = (more: ImportProblem[] = []) => {
      if (district.ok && district.create) createdDistricts.delete(district.code)
      book.reject(record.row, name, [...problems, ...more])
    }
    if (!district.ok) problems.push(district.problem)
    if (!name && !problems.some((p) => p.column === headerOf(layout, 'name'))) {
      problems.push({ row: record.row, column: headerOf(layout, 'name'), message: '楼宇名称：必填' })
    }
    if (problems.length > 0 || !district.ok) {
      reject()
      continue
    }
    if (district.create) ops.push({ op: 'insert', table: 'districts', values: district.create })
    const idCell = get<string>(record, 'id')
    const stored = (idCell && byId.get(idCell)) || byName.get(`${nameKey(name)}|${district.code}`)
    const key = stored ? `id:${stored.id as string}` : `name:${nameKey(name)}|${district.code}`
    let ref = inFile.get(key)

    if (ref && !spaceMode) {
      reject([{ row: record.row, column: headerOf(layout, 'name'), message: `楼宇名称：与第 ${ref.firstRow} 行重复（同一区县的同名楼宇）` }])
      continue
    }

    // The building itself: made or updated by the first row that names it.
    let buildingAction: 'create' | 'update' | null = null
    if (!ref) {
      const site = { ...pick(record, BUILDING_KEYS), ...positionOf(record, crs), districtCode: district.code }
      if (stored) {
        const checked = validate(buildingUpdate, { id: stored.id, ...site }, record.row, columnFor)
        if (!checked.ok) {
          reject(checked.problems)
          continue
        }
        const { id: _id, ...patch } = checked.value
        const next = { ...stored, ...patch }
        if ((next.lng == null) !== (next.lat == null)) {
          reject([{ row: record.row, column: headerOf(layout, 'lng'), message: '位置：经度和纬度需同时填写' }])
          continue
        }
        ops.push({ op: 'update', table: 'buildings', id: stored.id as string, patch, before: stored })
        buildingAction = 'update'
      } else {
        const checked = validate(buildingCreate, site, record.row, columnFor)
        if (!checked.ok) {
          reject(checked.problems)
          continue
        }
        const building = { id: newId(), clusterId: null, ...nullsFor(BUILDING_KEYS), ...checked.value, kind: checked.value.kind ?? 'office', isDemo: 0 }
        ops.push({ op: 'insert', table: 'buildings', values: building })
        buildingAction = 'create'
      }
      const id = (stored?.id as string | undefined) ?? (ops.at(-1) as { values: Row }).values.id as string
      const storedSpaces = stored ? (spacesOf.get(id) ?? []) : []
      ref = {
        id,
        existing: !!stored,
        hasStoredSpaces: storedSpaces.length > 0,
        spaces: new Map(storedSpaces.map((s) => [spaceKey(s.floorLabel as string, s.unit as string | null), s])),
        firstRow: record.row,
      }
    }

    const spaceOps = spaceMode
      ? planSpaceRow(record, ref, layout, ctx, { spaceKeysInFile, tenantsByCode, tenantsByName, newTenants, leasesOfSpace })
      : planSummary(record, ref)
    if (!spaceOps.ok) {
      reject(spaceOps.problems)
      continue
    }
    book.warnings.push(...spaceOps.warnings)
    ops.push(...spaceOps.ops)
    inFile.set(key, ref)
    if (buildingAction === 'create') book.created += 1
    if (buildingAction === 'update') book.updated += 1
    for (const op of ops) if (op.op === 'insert' && op.table !== 'buildings') book.count(op.table)
    book.accept(record.row, name, buildingAction ?? spaceOps.action, ops, record.warnings)
  }
}

const nullsFor = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, null]))
// One space per floor + unit, as the app reads a floor (12, 12F and 12层 are one floor).
const spaceKey = (floor: string, unit: string | null | undefined) => floorUnitKey(floor, unit)

type Outcome = { ok: true; ops: WriteOp[]; warnings: ImportProblem[]; action: 'create' | 'update' } | { ok: false; problems: ImportProblem[] }

/** 可租面积/空置面积 on a building row: a vacant space of the vacant area and a leased space of the rest. */
function planSummary(record: RecordRow, ref: BuildingRef): Outcome {
  const leasable = get<number>(record, 'leasableArea')
  const vacant = get<number>(record, 'vacantArea')
  const rent = get<number>(record, 'askingRent')
  const problems: ImportProblem[] = []
  const row = record.row
  if (leasable !== undefined && leasable <= 0) problems.push({ row, column: columnOf(record, 'leasableArea'), message: `可租面积：应大于 0（${leasable}）` })
  if (vacant !== undefined && vacant < 0) problems.push({ row, column: columnOf(record, 'vacantArea'), message: `空置面积：不能为负数（${vacant}）` })
  if (leasable !== undefined && vacant !== undefined && vacant > leasable) {
    problems.push({ row, column: columnOf(record, 'vacantArea'), message: `空置面积：大于可租面积（${vacant} > ${leasable}）` })
  }
  if (rent !== undefined && rent > 1000) problems.push({ row, column: columnOf(record, 'askingRent'), message: '报价租金：数值过大（不超过 1000）' })
  if (problems.length > 0) return { ok: false, problems }
  if (leasable === undefined && vacant === undefined) return { ok: true, ops: [], warnings: [], action: ref.existing ? 'update' : 'create' }
  if (ref.hasStoredSpaces) {
    return {
      ok: true,
      ops: [],
      warnings: [{ row, column: columnOf(record, 'leasableArea', columnOf(record, 'vacantArea')), message: '可租面积：该楼宇已有楼层空间，汇总面积未导入（空间保持不变）' }],
      action: 'update',
    }
  }
  if (leasable === undefined) {
    // Only the vacant area: one vacant space of it.
    return { ok: true, ops: vacant! > 0 ? [summarySpace(ref.id, 'vacant', vacant!, rent)] : [], warnings: [], action: ref.existing ? 'update' : 'create' }
  }
  const vacantArea = vacant ?? 0
  const ops: WriteOp[] = []
  if (vacantArea > 0) ops.push(summarySpace(ref.id, 'vacant', vacantArea, rent, 'V'))
  if (leasable - vacantArea > 0) ops.push(summarySpace(ref.id, 'leased', round2(leasable - vacantArea), undefined, 'L'))
  const warnings = vacant === undefined ? [{ row, column: columnOf(record, 'leasableArea'), message: '空置面积：未填写，按全部已租导入' }] : []
  return { ok: true, ops, warnings, action: ref.existing ? 'update' : 'create' }
}

function summarySpace(buildingId: string, status: 'vacant' | 'leased', area: number, rent: number | undefined, unit = 'V'): WriteOp {
  return {
    op: 'insert',
    table: 'spaces',
    values: {
      id: newId(), buildingId, floorLabel: '整栋', floorSort: floorSortKey('整栋'), unit, area, status, askingRent: rent ?? null,
      fitOut: null, availableFrom: null, divisible: 0, notes: SUMMARY_NOTE, isDemo: 0,
    },
  }
}

interface SpaceContext {
  spaceKeysInFile: Set<string>
  tenantsByCode: Map<string, Row>
  tenantsByName: Map<string, Row>
  /** Tenants this import creates ('code:…', 'name:…' → id) and updates ('updated:<id>'). */
  newTenants: Map<string, string>
  leasesOfSpace: Map<string, Array<Row & { spaceIds: string[] }>>
}

/** A row of a space sheet: its space (made, or matched by floor + unit), its tenant and lease. */
function planSpaceRow(record: RecordRow, ref: BuildingRef, layout: SheetLayout, ctx: PlanContext, sc: SpaceContext): Outcome {
  const row = record.row
  const columnFor = (field: string) => headerOf(layout, field === 'buildingId' ? 'name' : field)
  const floorLabel = get<string>(record, 'floorLabel')
  const unit = get<string>(record, 'unit') ?? null
  const tenantName = get<string>(record, 'tenantName')
  if (!floorLabel) return { ok: false, problems: [{ row, column: headerOf(layout, 'floorLabel'), message: '楼层：必填（每行一个空间）' }] }
  const key = `${ref.id}|${spaceKey(floorLabel, unit)}`
  if (sc.spaceKeysInFile.has(key)) {
    return { ok: false, problems: [{ row, column: headerOf(layout, 'unit') ?? headerOf(layout, 'floorLabel'), message: `单元：同一楼宇的楼层 ${floorLabel}${unit ? ` 单元 ${unit}` : ''} 重复出现` }] }
  }
  const warnings: ImportProblem[] = []
  const ops: WriteOp[] = []
  const storedSpace = ref.spaces.get(spaceKey(floorLabel, unit))
  const leaseFields = { startDate: get<string>(record, 'startDate') ?? null, endDate: get<string>(record, 'endDate') ?? null }
  // Leased while a lease covers today (from its start, to its end), as everywhere in the app.
  const current = !!tenantName && (leaseFields.startDate === null || leaseFields.startDate <= ctx.lookups.today)
    && (leaseFields.endDate === null || leaseFields.endDate >= ctx.lookups.today)
  const fields = pick(record, SPACE_KEYS)
  if (current && fields.status !== undefined && fields.status !== 'leased') {
    warnings.push({ row, column: columnOf(record, 'status'), message: '使用状态：该空间有在租企业，按已租导入' })
  }
  if (current) fields.status = 'leased'

  let spaceId: string
  let action: 'create' | 'update'
  if (storedSpace) {
    const checked = validate(spaceCreate, { ...fromStoredSpace(storedSpace), ...fields, buildingId: PLACEHOLDER_ID }, row, columnFor)
    if (!checked.ok) return { ok: false, problems: checked.problems }
    const { buildingId: _b, ...patch } = fields
    // The label as the app stores it (12F → 12), as for a new space.
    if (patch.floorLabel !== undefined) patch.floorLabel = checked.value.floorLabel
    ops.push({ op: 'update', table: 'spaces', id: storedSpace.id as string, patch: toInts(patch), before: storedSpace })
    spaceId = storedSpace.id as string
    action = 'update'
  } else {
    const checked = validate(spaceCreate, { status: 'vacant', ...fields, buildingId: PLACEHOLDER_ID }, row, columnFor)
    if (!checked.ok) return { ok: false, problems: checked.problems }
    spaceId = newId()
    const v = checked.value
    ops.push({
      op: 'insert',
      table: 'spaces',
      values: {
        id: spaceId, buildingId: ref.id, floorLabel: v.floorLabel, floorSort: floorSortKey(v.floorLabel), unit: v.unit ?? null, area: v.area,
        status: v.status, askingRent: v.askingRent ?? null, fitOut: v.fitOut ?? null, availableFrom: v.availableFrom ?? null,
        divisible: v.divisible ? 1 : 0, notes: null, isDemo: 0,
      },
    })
    action = 'create'
  }

  let remember = () => {}
  if (tenantName) {
    const tenant = planTenant(record, layout, sc, tenantName)
    if (!tenant.ok) return { ok: false, problems: tenant.problems }
    remember = tenant.remember
    ops.push(...tenant.ops)
    warnings.push(...tenant.warnings)
    const leases = storedSpace ? (sc.leasesOfSpace.get(storedSpace.id as string) ?? []) : []
    const own = leases.find((l) => l.tenantId === tenant.id)
    const other = leases.find((l) => l.tenantId !== tenant.id && (l.endDate === null || (l.endDate as string) >= ctx.lookups.today))
    if (other && current) {
      return { ok: false, problems: [{ row, column: columnOf(record, 'tenantName'), message: `企业名称：该空间已由其他企业租用，租约尚未到期（到期日期 ${other.endDate ?? '未填'}）` }] }
    }
    const checked = validate(leaseCreate, { tenantId: PLACEHOLDER_ID, spaceIds: [PLACEHOLDER_ID], ...leaseFields }, row, (f) => headerOf(layout, f))
    if (!checked.ok) return { ok: false, problems: checked.problems }
    if (own) {
      ops.push({ op: 'update', table: 'leases', id: own.id as string, patch: leaseFields, before: own })
    } else {
      const leaseId = newId()
      const area = get<number>(record, 'area') ?? (storedSpace?.area as number)
      ops.push({
        op: 'insert', table: 'leases',
        values: { id: leaseId, tenantId: tenant.id, buildingId: ref.id, ...leaseFields, area, rent: null, notes: null, isDemo: 0 },
        logExtra: { spaceIds: [spaceId] },
      })
      ops.push({ op: 'link', leaseId, spaceId })
    }
  }
  sc.spaceKeysInFile.add(key)
  remember()
  return { ok: true, ops, warnings, action }
}

const fromStoredSpace = (s: Row) => ({
  floorLabel: s.floorLabel, unit: s.unit, area: s.area, status: s.status, askingRent: s.askingRent, fitOut: s.fitOut,
  availableFrom: s.availableFrom, divisible: s.divisible === 1,
})

/** The row's tenant: matched by credit code, else by name (in the store or earlier in the file), else made. */
function planTenant(
  record: RecordRow,
  layout: SheetLayout,
  sc: SpaceContext,
  name: string,
): { ok: true; id: string; ops: WriteOp[]; warnings: ImportProblem[]; remember: () => void } | { ok: false; problems: ImportProblem[] } {
  const fields: Row = { name, ...pick(record, TENANT_KEYS) }
  const columnFor = (field: string) => headerOf(layout, field === 'name' ? 'tenantName' : field)
  const code = typeof fields.creditCode === 'string' ? fields.creditCode.toUpperCase() : undefined
  const madeKey = code ? `code:${code}` : `name:${nameKey(name)}`
  const made = sc.newTenants.get(madeKey)
  if (made) return { ok: true, id: made, ops: [], warnings: [], remember: () => {} }
  const stored = (code && sc.tenantsByCode.get(code)) || sc.tenantsByName.get(nameKey(name))
  // As in the form: a check character that does not match (early pilot-area codes) is imported
  // with a warning in the preview, not refused; a code already stored is not warned about again.
  const checkWarning = code && code !== stored?.creditCode ? creditCodeCheckWarning(code) : null
  const warnings = checkWarning ? [{ row: record.row, column: headerOf(layout, 'creditCode'), message: checkWarning }] : []
  if (stored) {
    const checked = validate(tenantUpdate, { id: stored.id, ...fields }, record.row, columnFor)
    if (!checked.ok) return { ok: false, problems: checked.problems }
    // A tenant on several rows (several units) is updated by the first of them only.
    const id = stored.id as string
    if (sc.newTenants.has(`updated:${id}`)) return { ok: true, id, ops: [], warnings: [], remember: () => {} }
    const { id: _id, accept: _accept, ...patch } = checked.value
    return {
      ok: true,
      id,
      ops: [{ op: 'update', table: 'tenants', id, patch: toInts(withInitials(patch)), before: stored }],
      warnings,
      remember: () => sc.newTenants.set(`updated:${id}`, id),
    }
  }
  const checked = validate(tenantCreate, fields, record.row, columnFor)
  if (!checked.ok) return { ok: false, problems: checked.problems }
  const id = newId()
  const v = checked.value
  // Remembered only once the row is accepted: a rejected row's tenant is not made.
  const remember = () => {
    sc.newTenants.set(madeKey, id)
    if (code) sc.newTenants.set(`name:${nameKey(name)}`, id)
  }
  return {
    ok: true,
    id,
    remember,
    warnings,
    ops: [{
      op: 'insert', table: 'tenants',
      values: {
        id, name: v.name, nameInitials: nameInitials(v.name), creditCode: v.creditCode ?? null, industry: v.industry ?? null, aboveScale: v.aboveScale ? 1 : 0,
        registeredInDistrict: v.registeredInDistrict ? 1 : 0, annualTax: v.annualTax ?? null, staff: v.staff ?? null,
        contactName: null, contactPhone: null, notes: null, isDemo: 0,
      },
    }],
  }
}
