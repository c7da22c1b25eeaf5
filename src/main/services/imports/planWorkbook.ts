import { canonicalFloorLabel } from '../../../shared/floors'
import { floorSortKey } from '../../../shared/domain'
import type { ImportProblem } from '../../../shared/imports'
import { buildingCreate } from '../../../shared/schemas/buildings'
import { leaseCreate } from '../../../shared/schemas/leases'
import { parcelCreate } from '../../../shared/schemas/parcels'
import { parkCreate } from '../../../shared/schemas/parks'
import { spaceCreate } from '../../../shared/schemas/spaces'
import { tenantCreate } from '../../../shared/schemas/tenants'
import type { LoggedTable } from '../../store/schema'
import { WORKBOOK, type WorkbookColumn, type WorkbookTable } from '../workbook/columns'
import { cellToText, type Parsed, parseBoolean, parseDate, parseFreeText, parseInteger, parseNumberCell, parseText, refuseHostileCell } from './cells'
import { dataRows, headerTexts } from './layout'
import { type PlanBook, type Row, validate, type WriteOp } from './plan'
import type { RawSheet } from './table'
import { acceptedValues, readVocab } from './vocab'
import { creditCodeCheckWarning } from '../../../shared/creditCode'
import { withInitials } from '../tenants/initials'

// The app's own workbook (services/workbook/columns.ts) read back: every sheet present, in the
// spec's order (a sheet only refers to the sheets before it), ids kept, references by id, values
// unscaled and vocabulary labels read back to codes; computed columns are ignored. A row whose id
// the store already holds updates that row.

const SCHEMAS: Partial<Record<WorkbookTable['table'], { safeParse: (v: unknown) => unknown }>> = {
  buildings: buildingCreate, spaces: spaceCreate, tenants: tenantCreate, leases: leaseCreate, parcels: parcelCreate, parks: parkCreate,
}

/** Which rows each table's references must point at. */
const REFERENCES: Partial<Record<WorkbookTable['table'], Array<[string, WorkbookTable['table']]>>> = {
  clusters: [['districtCode', 'districts']],
  buildings: [['districtCode', 'districts'], ['clusterId', 'clusters']],
  spaces: [['buildingId', 'buildings']],
  leases: [['tenantId', 'tenants'], ['buildingId', 'buildings']],
  parcels: [['districtCode', 'districts']],
  parks: [['districtCode', 'districts']],
  subParks: [['parkId', 'parks']],
  parkHosts: [['parkId', 'parks'], ['buildingId', 'buildings']],
}

const BOOLEAN_FIELDS = new Set(['divisible', 'aboveScale', 'registeredInDistrict'])

/** Headers compared as written or as a reader normalised them (full-width brackets → half-width). */
const headerKey = (text: string) => text.normalize('NFKC').replace(/\s+/g, '')
const sameHeader = (a: string, b: string) => headerKey(a) === headerKey(b)

function readColumn(column: WorkbookColumn, cell: Parameters<typeof parseText>[0]): Parsed<unknown> {
  const hostile = refuseHostileCell(cell)
  if (hostile) return hostile
  switch (column.type) {
    case 'text': {
      if (!column.vocab) return parseFreeText(cell)
      const text = parseText(cell)
      if (!text.ok || text.value === null) return text
      const code = readVocab(column.vocab, text.value)
      return code === null ? { ok: false, message: `不认识“${text.value}”，可填：${acceptedValues(column.vocab)}` } : { ok: true, value: code }
    }
    case 'number': {
      const n = parseNumberCell(cell)
      if (!n.ok || n.value === null || !column.scale) return n
      // Undo the export's scale without adding float noise: 1.2 亿元 is 120000000 元.
      return { ok: true, value: Number((n.value * column.scale).toPrecision(12)) }
    }
    case 'int':
      return parseInteger(cell)
    case 'date':
      return parseDate(cell)
    case 'bool':
      return parseBoolean(cell)
    case 'json': {
      const text = cellToText(cell)
      if (text === '') return { ok: true, value: null }
      try {
        return { ok: true, value: JSON.parse(text) }
      } catch {
        return { ok: false, message: '应为 GeoJSON' }
      }
    }
    case 'list': {
      const text = cellToText(cell)
      return { ok: true, value: text === '' ? [] : text.split(/[\s,，、;；]+/).filter(Boolean) }
    }
  }
}

export interface WorkbookStored {
  /** Rows of the store with the workbook's ids, per table (any state). */
  rows: Map<string, Map<string, Row>>
}

export function planWorkbook(sheets: RawSheet[], stored: WorkbookStored, book: PlanBook): number {
  const known = new Map<string, Set<string>>()
  const idsOf = (table: string) => {
    let set = known.get(table)
    if (!set) known.set(table, (set = new Set(stored.rows.get(table)?.keys() ?? [])))
    return set
  }
  let total = 0
  for (const spec of WORKBOOK) {
    const sheet = sheets.find((s) => s.name === spec.sheet)
    if (!sheet) continue
    const headers = headerTexts(sheet.rows[0] ?? [])
    const columns = headers.map((h) => spec.columns.find((c) => sameHeader(c.header, h) && !c.computed) ?? null)
    const keyField = spec.table === 'districts' ? 'code' : 'id'
    for (const { rowNumber, cells } of dataRows(sheet.rows, 0)) {
      total += 1
      const problems: ImportProblem[] = []
      const values: Row = {}
      columns.forEach((column, i) => {
        if (!column) return
        const read = readColumn(column, cells[i] ?? null)
        if (!read.ok) problems.push({ row: rowNumber, column: `${spec.sheet}!${column.header}`, message: `${column.header}：${read.message}` })
        else values[column.key] = read.value
      })
      const id = values[keyField] as string | null | undefined
      const name = String(values.name ?? values.code ?? values.floorLabel ?? id ?? '')
      const columnOf = (field: string) => {
        const c = spec.columns.find((col) => col.key === field)
        return c ? `${spec.sheet}!${c.header}` : spec.sheet
      }
      if (!id) problems.push({ row: rowNumber, column: columnOf(keyField), message: `${spec.sheet}：第 ${rowNumber} 行没有编号` })
      for (const [field, table] of REFERENCES[spec.table] ?? []) {
        const ref = values[field] as string | null | undefined
        if (ref && !idsOf(table).has(ref)) problems.push({ row: rowNumber, column: columnOf(field), message: `${spec.sheet}：引用的编号 ${ref} 在工作簿和数据文件中都找不到` })
      }
      const schema = SCHEMAS[spec.table]
      if (schema && problems.length === 0) {
        // The lease's building follows from its spaces in the form; here it is a column of its own.
        const { id: _id, ...input } = spec.table === 'leases' ? { ...values, buildingId: undefined } : values
        const survey = new Set(spec.columns.filter((c) => c.survey).map((c) => c.key))
        const candidate = Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== null && v !== undefined && !survey.has(k)))
        const checked = validate(schema as never, candidate, rowNumber, columnOf)
        if (!checked.ok) problems.push(...checked.problems)
      }
      if (problems.length > 0) {
        book.reject(rowNumber, name, problems)
        continue
      }
      const before = stored.rows.get(spec.table)?.get(id!)
      const ops = rowOps(spec.table, values, before)
      idsOf(spec.table).add(id!)
      // As in the form: a credit code whose check character does not match is imported with a warning.
      const codeWarning = spec.table === 'tenants' && values.creditCode !== before?.creditCode
        ? creditCodeCheckWarning(values.creditCode as string | null | undefined)
        : null
      const warnings = codeWarning ? [{ row: rowNumber, column: columnOf('creditCode'), message: codeWarning }] : []
      for (const op of ops) if (op.op === 'insert') book.count(op.table)
      const update = ops.some((op) => op.op === 'update')
      if (update) book.updated += 1
      else if (ops.length > 0) book.created += 1
      book.accept(rowNumber, `${spec.sheet}：${name}`, update ? 'update' : 'create', ops, warnings)
    }
  }
  return total
}

function rowOps(table: WorkbookTable['table'], values: Row, before: Row | undefined): WriteOp[] {
  const row: Row = { ...values }
  for (const field of BOOLEAN_FIELDS) if (field in row) row[field] = row[field] ? 1 : 0
  if (table === 'spaces' && typeof row.floorLabel === 'string') {
    // Stored as the app stores a typed floor (12F → 12), as the form does.
    const label = canonicalFloorLabel(row.floorLabel)
    row.floorLabel = label
    row.floorSort = floorSortKey(label)
  }
  if (table === 'parcels' && row.boundary && typeof row.boundary === 'object') row.boundary = JSON.stringify(row.boundary)
  if (table === 'tenants') Object.assign(row, withInitials(row))
  const spaceIds = table === 'leases' ? ((row.spaceIds as string[] | undefined) ?? []) : []
  delete row.spaceIds
  const key = table === 'districts' ? 'code' : 'id'
  if (before) {
    const { [key]: id, ...patch } = row
    if (table === 'districts') return [] // reference data: the store's own name for its districts is kept
    return [{ op: 'update', table: table as LoggedTable, id: id as string, patch, before }]
  }
  const ops: WriteOp[] = [{ op: 'insert', table: table as LoggedTable, values: { isDemo: 0, ...row }, ...(table === 'leases' ? { logExtra: { spaceIds } } : {}) }]
  for (const spaceId of spaceIds) ops.push({ op: 'link', leaseId: row.id as string, spaceId })
  return ops
}
