import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { toWgs84 } from '../../../shared/coordinates'
import type { ImportCrs, ImportKind, ImportPreview, ImportProblem, ImportRowPlan } from '../../../shared/imports'
import type { ImportLookups } from '../../store/imports'
import type { LoggedTable } from '../../store/schema'
import { type DistrictResolver } from './districts'
import { FIELDS, type FieldSpec, type HeaderInfo, matchHeader, readHeader, type SiteKind } from './fields'
import { dataRows, detectHeaderRow, headerTexts } from './layout'
import type { RawSheet } from './table'
import { readCell, type Value } from './values'

// Planning an import: a sheet's rows become candidate rows of the store, checked with the same
// schemas the forms use, matched against what the store holds, and listed as writes to make. Pure
// apart from the ids it makes: nothing is written here (apply.ts writes a plan).

export type Row = Record<string, unknown>

export type WriteOp =
  | { op: 'insert'; table: LoggedTable; values: Row; logExtra?: Row }
  | { op: 'update'; table: LoggedTable; id: string; patch: Row; before: Row }
  | { op: 'link'; leaseId: string; spaceId: string }

/** The writes that come from one row of the file: kept or skipped together. */
export interface RowGroup {
  row: number
  ops: WriteOp[]
}

export interface Plan {
  preview: ImportPreview
  /** Writes of the accepted rows, in order. */
  groups: RowGroup[]
}

export interface PlanOptions {
  kind?: ImportKind
  /** 1-based. */
  headerRow?: number
  mapping?: Record<string, string | null>
  crs?: ImportCrs
  districtCode?: string
}

export interface PlanContext {
  lookups: ImportLookups
  districts: DistrictResolver
  options: PlanOptions
}

export interface MappedColumn {
  index: number
  header: HeaderInfo
  field: FieldSpec | null
}

export interface SheetLayout {
  /** 0-based index of the header row. */
  headerIndex: number
  columns: MappedColumn[]
}

/** Is `text` a header some kind knows? (for finding the header row) */
export const isKnownHeader = (text: string) => {
  const header = readHeader(text)
  return (['buildings', 'parcels', 'parks'] as const).some((kind) => matchHeader(header, FIELDS[kind]) !== null)
}

/** The header row (chosen or detected) and each column's field for `kind`, with the mapping's overrides. */
export function layoutOf(sheet: RawSheet, kind: SiteKind | null, options: PlanOptions): SheetLayout {
  const headerIndex = options.headerRow ? options.headerRow - 1 : detectHeaderRow(sheet.rows, isKnownHeader)
  const headerRow = sheet.rows[headerIndex] ?? []
  // Problems name a column as the sheet shows it (full-width brackets kept); matching normalises.
  const texts = headerTexts(headerRow).map((text, i) => {
    const raw = headerRow[i]
    return typeof raw === 'string' && text !== '' ? raw.replace(/\s+/g, ' ').trim() : text
  })
  const fields = kind ? FIELDS[kind] : []
  const taken = new Set<string>()
  const columns = texts.map((text, index): MappedColumn => {
    const header = readHeader(text)
    const override = options.mapping?.[String(index)]
    let field: FieldSpec | null
    if (override !== undefined) field = override === null ? null : (fields.find((f) => f.key === override) ?? null)
    else field = text === '' ? null : matchHeader(header, fields)
    return { index, header, field }
  })
  // A field mapped twice takes the first column (a chosen mapping comes first); the rest are ignored.
  for (const column of columns) {
    if (!column.field) continue
    if (taken.has(column.field.key)) column.field = null
    else taken.add(column.field.key)
  }
  return { headerIndex, columns }
}

/** One data row read: the value of each mapped field and the column it came from. */
export interface RecordRow {
  row: number
  values: Map<string, { value: Value; column: string }>
  problems: ImportProblem[]
  warnings: ImportProblem[]
}

export function readRecords(sheet: RawSheet, layout: SheetLayout): RecordRow[] {
  return dataRows(sheet.rows, layout.headerIndex).map(({ rowNumber, cells }) => {
    const record: RecordRow = { row: rowNumber, values: new Map(), problems: [], warnings: [] }
    for (const column of layout.columns) {
      if (!column.field) continue
      const read = readCell(column.field, column.header, cells[column.index] ?? null)
      if (!read.ok) record.problems.push({ row: rowNumber, column: column.header.text, message: read.message })
      else {
        if (read.warning) record.warnings.push({ row: rowNumber, column: column.header.text, message: read.warning })
        if (read.value !== null) record.values.set(column.field.key, { value: read.value, column: column.header.text })
      }
    }
    return record
  })
}

export const get = <T = Value>(record: RecordRow, key: string): T | undefined => record.values.get(key)?.value as T | undefined
export const columnOf = (record: RecordRow, key: string, fallback: string | null = null): string | null =>
  record.values.get(key)?.column ?? fallback

/** The header of the column holding `key`, even where this row leaves it empty. */
export function headerOf(layout: SheetLayout, key: string): string | null {
  return layout.columns.find((c) => c.field?.key === key)?.header.text ?? null
}

/**
 * A candidate row checked with a zod schema; each issue becomes a problem on the column of the
 * field it names (the schema's messages are already '字段：原因').
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  row: number,
  columnFor: (field: string) => string | null,
): { ok: true; value: z.output<S> } | { ok: false; problems: ImportProblem[] } {
  const result = schema.safeParse(input)
  if (result.success) return { ok: true, value: result.data }
  const problems = result.error.issues.map((issue) => ({
    row,
    column: columnFor(String(issue.path[0] ?? '')),
    message: issue.message,
  }))
  return { ok: false, problems }
}

/** The record's district: its own cell, else the wizard's default; may create a district known only to the built-in index. */
export function districtOf(
  record: RecordRow,
  layout: SheetLayout,
  ctx: PlanContext,
  created: Map<string, Row>,
): { ok: true; code: string; create: Row | null } | { ok: false; problem: ImportProblem } {
  const text = get<string>(record, 'districtCode') ?? ctx.options.districtCode
  const column = headerOf(layout, 'districtCode')
  if (!text) return { ok: false, problem: { row: record.row, column, message: '所属区县：必填（或在导入时选择默认区县）' } }
  const answer = ctx.districts.resolve(text)
  if (!answer.ok) return { ok: false, problem: { row: record.row, column, message: answer.message } }
  const { code, name, city, province } = answer.district
  if (!answer.create || created.has(code)) return { ok: true, code, create: null }
  const row = { code, name, city, province, isDemo: 0 }
  created.set(code, row)
  return { ok: true, code, create: row }
}

/** The record's longitude/latitude in WGS-84, converted from the chosen system. */
export function positionOf(record: RecordRow, crs: ImportCrs): { lng?: number; lat?: number } {
  const lng = get<number>(record, 'lng')
  const lat = get<number>(record, 'lat')
  if (lng === undefined || lat === undefined) return { lng, lat }
  const [x, y] = toWgs84([lng, lat], crs)
  return { lng: Math.round(x * 1e7) / 1e7, lat: Math.round(y * 1e7) / 1e7 }
}

/** Problems, warnings and what each row does, gathered while planning. */
export class PlanBook {
  readonly rejected: ImportProblem[] = []
  readonly warnings: ImportProblem[] = []
  readonly rows: ImportRowPlan[] = []
  readonly groups: RowGroup[] = []
  readonly related: Record<string, number> = {}
  created = 0
  updated = 0

  reject(row: number, name: string, problems: ImportProblem[]): void {
    this.rejected.push(...problems)
    this.rows.push({ row, action: 'reject', name })
  }

  /** A row to import, with the warnings its cells gave (a rejected row's warnings are not worth a look). */
  accept(row: number, name: string, action: 'create' | 'update', ops: WriteOp[], warnings: ImportProblem[] = []): void {
    this.warnings.push(...warnings)
    this.rows.push({ row, action, name })
    this.groups.push({ row, ops })
  }

  count(what: string, n = 1): void {
    this.related[what] = (this.related[what] ?? 0) + n
  }

  preview(kind: ImportKind, sheet: string, total: number): ImportPreview {
    return {
      kind,
      sheet,
      total,
      created: this.created,
      updated: this.updated,
      rejected: [...this.rejected].sort((a, b) => a.row - b.row),
      warnings: [...this.warnings].sort((a, b) => a.row - b.row),
      rows: [...this.rows].sort((a, b) => a.row - b.row).slice(0, 500),
      related: this.related,
    }
  }
}

export const newId = () => randomUUID()

/** Names compared as people mean them: no spaces, half-width. */
export const nameKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
