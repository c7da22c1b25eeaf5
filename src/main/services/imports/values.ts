import type { Geometry } from 'geojson'
import {
  type AreaUnit, cellToText, isGeometryCell, looksLikeFormula, type MoneyUnit, type NumberRange, type Parsed, parseArea, parseBoolean,
  parseDate, parseFreeText, parseInteger, refuseHostileCell, parseMoney, parseNumberCell, parsePercent, parsePricePerMu, parseRange, parseRentPerDay, parseText,
  type PricePerMuUnit,
} from './cells'
import type { FieldSpec, HeaderInfo } from './fields'
import type { Cell } from './table'
import { acceptedValues, readVocab } from './vocab'

// One cell of a mapped column read as its field's value, in the store's units: the header's unit
// says what a bare number means ('用地面积（亩）', '租金（元/㎡·月）', '计划投资（亿元）'), a unit in
// the cell wins. Messages name the column's header: '用地面积（亩）：无法识别为面积：“约两千”'.

export type Value = string | number | boolean | NumberRange | Geometry | string[] | HostRef[] | null

/** A park's host building as written: '财富中心（3-5层）'. */
export interface HostRef {
  name: string
  floors: string | null
}

export type Read = { ok: true; value: Value; warning?: string } | { ok: false; message: string }

const AREA_UNITS: Array<[RegExp, AreaUnit]> = [
  [/^万(平方米|㎡|m2|m²|平米)$/i, 'wan_m2'],
  [/^亩$/, 'mu'],
  [/^(公顷|ha|hm2|hm²)$/i, 'ha'],
  [/^(平方公里|平方千米|km2|km²)$/i, 'km2'],
]

function areaUnit(unit: string | null): AreaUnit {
  if (!unit) return 'm2'
  return AREA_UNITS.find(([pattern]) => pattern.test(unit))?.[1] ?? 'm2'
}

function moneyUnit(unit: string | null): MoneyUnit {
  if (unit && /^亿/.test(unit)) return 'yi'
  if (unit && /^万/.test(unit)) return 'wan'
  return 'yuan'
}

const priceUnit = (unit: string | null): PricePerMuUnit => (unit && /^元/.test(unit) ? 'yuan_per_mu' : 'wan_per_mu')

/** A number with nothing else: the header's unit applies to it. */
const isBare = (cell: Cell) => typeof cell === 'number' || (typeof cell === 'string' && /^[\s\d０-９.,，．+-]+$/.test(cell))

/** A per-month or per-year column: its rents are converted to 元/㎡·天 (the plan says so once, not per row). */
export const rentPeriodOf = (unit: string | null): '月' | '年' | null => (unit && /月/.test(unit) ? '月' : unit && /年/.test(unit) ? '年' : null)

function rent(cell: Cell, unit: string | null): Parsed<number> {
  const period = rentPeriodOf(unit)
  if (period && isBare(cell)) {
    const read = parseRentPerDay(`${cellToText(cell)}元/㎡·${period}`)
    return read.ok ? { ok: true, value: read.value } : read
  }
  return parseRentPerDay(cell)
}

/** 物业费 is kept in 元/m²·月, as bureaus quote it. */
function fee(cell: Cell): Parsed<number> {
  if (typeof cell === 'string') {
    const text = cellToText(cell).replace(/\s+/g, '')
    const match = /^(.*?)(元(\/|每)?(㎡|m2|m²|平方米|平米|平)?(·|\/|每)?月?)$/.exec(text)
    return parseNumberCell(match ? match[1]! : text)
  }
  return parseNumberCell(cell)
}

/** '财富中心（3-5层）、华府大厦(12F)' → names with their floors. */
function hosts(cell: Cell): Parsed<HostRef[]> {
  const list = splitList(cell)
  if (list === null) return { ok: true, value: null }
  return {
    ok: true,
    value: list.map((item) => {
      const m = /^(.*?)[(（]([^()（）]*)[)）]$/.exec(item)
      return m ? { name: m[1]!.trim(), floors: m[2]!.trim() || null } : { name: item, floors: null }
    }),
  }
}

function splitList(cell: Cell): string[] | null {
  const text = cellToText(cell)
  if (text === '') return null
  // Split on 、，,；; and line breaks, but not inside brackets (a host's floors '3、5层').
  const items: string[] = []
  let depth = 0
  let current = ''
  for (const ch of text) {
    if ('(（'.includes(ch)) depth += 1
    if (')）'.includes(ch)) depth = Math.max(0, depth - 1)
    if (depth === 0 && /[、，,；;\n]/.test(ch)) {
      items.push(current)
      current = ''
    } else current += ch
  }
  items.push(current)
  const clean = items.map((s) => s.trim()).filter(Boolean)
  return clean.length > 0 ? clean : null
}

function geometry(cell: Cell): Parsed<Geometry> {
  if (cell === null) return { ok: true, value: null }
  if (isGeometryCell(cell)) return { ok: true, value: cell.geometry }
  const text = cellToText(cell)
  if (text === '') return { ok: true, value: null }
  try {
    const parsed = JSON.parse(text) as Geometry
    if (parsed && typeof parsed === 'object' && 'type' in parsed) return { ok: true, value: parsed }
  } catch {
    // not JSON
  }
  return { ok: false, message: '应为 GeoJSON 多边形' }
}

function parse(field: FieldSpec, header: HeaderInfo, cell: Cell): Parsed<Value> {
  const hostile = refuseHostileCell(cell)
  if (hostile) return hostile
  switch (field.type) {
    case 'text':
      return parseFreeText(cell)
    case 'id':
    case 'code':
    case 'district':
    case 'phone':
      return parseText(cell)
    case 'lng':
    case 'lat':
    case 'number':
      return parseNumberCell(cell)
    case 'int':
      return parseInteger(cell)
    case 'area':
      return parseArea(cell, areaUnit(header.unit))
    case 'rent':
      return rent(cell, header.unit)
    case 'fee':
      return fee(cell)
    case 'money':
      return parseMoney(cell, moneyUnit(header.unit))
    case 'pricePerMu':
      return parsePricePerMu(cell, priceUnit(header.unit))
    case 'percent':
      return parsePercent(cell)
    case 'range':
      return parseRange(cell)
    case 'date':
      return parseDate(cell)
    case 'bool':
      return parseBoolean(cell)
    case 'list':
      return { ok: true, value: splitList(cell) }
    case 'hosts':
      return hosts(cell)
    case 'geometry':
      return geometry(cell)
    case 'vocab': {
      const text = parseText(cell)
      if (!text.ok || text.value === null) return text
      const code = readVocab(field.vocab!, text.value)
      if (code === null) return { ok: false, message: `不认识“${text.value}”，可填：${acceptedValues(field.vocab!)}` }
      return { ok: true, value: code }
    }
  }
}

/** The cell read for `field`; the header's text is put in front of any message. */
export function readCell(field: FieldSpec, header: HeaderInfo, cell: Cell): Read {
  const result = parse(field, header, cell)
  if (!result.ok) return { ok: false, message: `${header.text}：${result.message}` }
  if (typeof result.value === 'string' && field.type === 'text' && looksLikeFormula(result.value)) {
    return { ok: false, message: `${header.text}：“${result.value}”像是电子表格公式，请核对原表` }
  }
  return result.warning ? { ok: true, value: result.value, warning: `${header.text}：${result.warning}` } : { ok: true, value: result.value }
}
