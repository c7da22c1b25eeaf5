import type { Geometry } from 'geojson'
import { SQUARE_METRES_PER_MU } from '../../../shared/domain'
import { findTextProblem, textProblemMessage } from '../../../shared/text'
import type { Cell } from './table'

// Reading one cell of a bureau's sheet into a typed value. Sheets are typed by people: full-width
// digits, thousands separators, units inside the cell ("5万平方米", "363亩", "3.5元/㎡·天"), rough
// figures ("约2000㎡"), Chinese dates. Every parser answers a Parsed<T>: a value (null for an empty
// cell), maybe with a warning saying what was assumed, or a Chinese reason without the field name
// (the engine prefixes the column: '总建筑面积：无法识别为面积：“约两千”').

export type Parsed<T> = { ok: true; value: T | null; warning?: string } | { ok: false; message: string }

const empty = <T>(): Parsed<T> => ({ ok: true, value: null })
const value = <T>(v: T, warning?: string): Parsed<T> => (warning ? { ok: true, value: v, warning } : { ok: true, value: v })
const failure = <T>(message: string): Parsed<T> => ({ ok: false, message })

// ---------------------------------------------------------------------------------------------
// Text

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g
// C0/C1 controls other than the whitespace ones (those become spaces below).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g

/** Any character the loop below would change, whitespace other than one space between words, or a space at either end. */
// eslint-disable-next-line no-control-regex
const NEEDS_NORMALISING = /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF\uFF01-\uFF5E]|[^\S ]| {2}|^ | $/

/**
 * Full-width ASCII (０-９ Ａ-Ｚ ，．（）：－ …) to half-width, ideographic and no-break spaces to
 * spaces, zero-width/BOM/control characters removed, trimmed, runs of whitespace made one space.
 * CJK punctuation that names use (、 。 《》 【】 “”) is kept as it is.
 */
export function normaliseText(s: string): string {
  // Most cells need nothing done: tested once rather than rebuilt a character at a time.
  if (!NEEDS_NORMALISING.test(s)) return s.normalize('NFC')
  let out = ''
  for (const ch of s.replace(ZERO_WIDTH, '').replace(CONTROL, '')) {
    const code = ch.charCodeAt(0)
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0)
    else if (code === 0x3000 || code === 0x00a0 || code === 0x2007 || code === 0x202f) out += ' '
    else out += ch
  }
  return out.replace(/\s+/g, ' ').trim().normalize('NFC')
}

/**
 * A text cell holding what no field may (shared/text.ts: NUL, BEL, ESC and other controls, bidi
 * overrides, lone surrogates) refused, rather than silently cleaned: such a cell says the sheet
 * was damaged or made to deceive, and the person should look at it. Line breaks and tabs are not
 * refused: Alt+Enter in Excel makes them, and the readers fold them into spaces.
 */
export function refuseHostileCell(cell: Cell): Parsed<never> | null {
  if (typeof cell !== 'string') return null
  const problem = findTextProblem(cell, 'lines')
  return problem ? failure(textProblemMessage(problem)) : null
}

/** A CSV-injection-looking text: Excel/WPS would run it as a formula (= + - @, maybe after a tab or CR). */
export function looksLikeFormula(text: string): boolean {
  return /^[\s\t\r]*[=+\-@＝＋－＠]/.test(text)
}

/** Whether a cell holds a geometry (GIS files' GEOMETRY_HEADER column). */
export function isGeometryCell(cell: Cell): cell is { geometry: Geometry } {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date) && 'geometry' in cell
}

/** Marks people put in a cell meaning "nothing here". */
const PLACEHOLDERS = new Set(['-', '--', '—', '——', '–', '/', '\\', '无', '暂无', 'n/a', 'na', 'null', '#n/a'])

function isPlaceholder(text: string): boolean {
  return PLACEHOLDERS.has(text.toLowerCase())
}

/** Any cell as one line of text, for previews, names and codes; never fails. */
export function cellToText(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'string') return normaliseText(cell)
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(tidy(cell)) : ''
  if (typeof cell === 'boolean') return cell ? '是' : '否'
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoFromDate(cell)
  return '（几何）'
}

/**
 * Free text as the person wrote it (a name, an address, notes): invisible and control characters
 * removed, whitespace folded and trimmed, but full-width punctuation kept — “浑南国际商务中心（停缓建）”
 * is the building's name, brackets and all, and must survive an export and an import unchanged.
 */
export function parseFreeText(cell: Cell): Parsed<string> {
  if (isGeometryCell(cell)) return failure('应为文字，不是几何图形')
  if (typeof cell !== 'string') return parseText(cell)
  const text = cell.replace(ZERO_WIDTH, '').replace(CONTROL, '').replace(/\s+/g, ' ').trim().normalize('NFC')
  return text === '' || isPlaceholder(text) ? empty() : value(text)
}

/** A text cell (a code, a district, a vocabulary word): normalised; empty text is null; a geometry is refused. */
export function parseText(cell: Cell): Parsed<string> {
  if (isGeometryCell(cell)) return failure('应为文字，不是几何图形')
  const text = cellToText(cell)
  return text === '' ? empty() : value(text)
}

/** Drops floating-point noise from a product such as 3.6 × 10000 or 100 × 12 / 365. */
function tidy(n: number): number {
  return Number(n.toPrecision(12))
}

function show(n: number): string {
  return String(Number(n.toFixed(4)))
}

// ---------------------------------------------------------------------------------------------
// Numbers with units

interface Quantity {
  number: number
  /** What followed the number, normalised (no spaces), '' when bare. */
  unit: string
  approximate: boolean
  /** The cell as the person typed it (normalised), for messages. */
  text: string
}

type QuantityRead = { kind: 'empty' } | { kind: 'bad'; text: string } | { kind: 'ok'; q: Quantity }

const APPROX_PREFIX = /^(大约|约为|约|近|将近|逾|超过|约合)/
const APPROX_SUFFIX = /(左右|以上|上下)$/
// Exponents: Excel writes long numbers as 1.2E+07 when it saves a CSV.
const NUMBER = /^([+-]?)((?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?)/

/** Splits "约2,000余㎡左右" into 2000, '㎡', approximate. Numbers as cells come through as they are. */
function readQuantity(cell: Cell): QuantityRead {
  if (cell === null) return { kind: 'empty' }
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? { kind: 'ok', q: { number: cell, unit: '', approximate: false, text: String(cell) } } : { kind: 'bad', text: String(cell) }
  }
  if (typeof cell !== 'string') return { kind: 'bad', text: cellToText(cell) }
  const text = normaliseText(cell)
  if (text === '' || isPlaceholder(text)) return { kind: 'empty' }
  // Spaces inside a figure ("1 234", "5 万平方米") carry no meaning; the minus sign has look-alikes.
  let t = text.replace(/\s+/g, '').replace(/[\u2212\u2012\u2013\uFE63]/g, '-')
  let approximate = false
  if (APPROX_PREFIX.test(t)) {
    approximate = true
    t = t.replace(APPROX_PREFIX, '')
  }
  if (APPROX_SUFFIX.test(t)) {
    approximate = true
    t = t.replace(APPROX_SUFFIX, '')
  }
  const m = NUMBER.exec(t)
  if (!m) return { kind: 'bad', text }
  let unit = t.slice(m[0].length)
  if (/^(余|多)/.test(unit)) {
    approximate = true
    unit = unit.slice(1)
  }
  const number = Number((m[1] === '-' ? '-' : '') + (m[2] ?? '').replace(/,/g, ''))
  if (!Number.isFinite(number)) return { kind: 'bad', text }
  return { kind: 'ok', q: { number, unit, approximate, text } }
}

function approxWarning(q: Quantity, result: number, unitLabel: string): string | undefined {
  return q.approximate ? `约数，按 ${show(result)}${unitLabel} 导入` : undefined
}

/** Degree marks and hemisphere letters people leave on coordinates: '123.456°', '123.456 E', 'N41.8'. */
function stripCoordinateMarks(q: Quantity): Quantity | null {
  const u = q.unit.toUpperCase()
  if (u === '°' || u === '度') return { ...q, unit: '' }
  if (u === 'E' || u === 'N' || u === '°E' || u === '°N') return { ...q, unit: '' }
  if (u === 'W' || u === 'S' || u === '°W' || u === '°S') return { ...q, unit: '', number: -q.number }
  return null
}

/**
 * A plain number: Excel numbers, numbers stored as text, thousands separators, full-width digits,
 * negative numbers, rough figures (约/近/逾 … 左右/以上/余, with a warning) and coordinates with a
 * degree mark or hemisphere letter. Anything with another unit is refused: use the unit-aware parsers.
 */
export function parseNumberCell(cell: Cell): Parsed<number> {
  let cellToRead = cell
  if (typeof cell === 'string') {
    // Leading hemisphere letters ('E123.456', '东经123.4') become trailing ones.
    const t = normaliseText(cell)
    const lead = /^(E|N|W|S|东经|北纬)\s*([\d.].*)$/i.exec(t)
    if (lead) {
      const mark = lead[1] ?? ''
      cellToRead = (lead[2] ?? '') + (mark === '东经' ? 'E' : mark === '北纬' ? 'N' : mark)
    }
  }
  const read = readQuantity(cellToRead)
  if (read.kind === 'empty') return empty()
  if (read.kind === 'bad') return failure(`无法识别为数字：“${read.text}”`)
  let q = read.q
  if (q.unit !== '') {
    const stripped = stripCoordinateMarks(q)
    if (!stripped) return failure(`无法识别为数字：“${q.text}”`)
    q = stripped
  }
  return value(q.number, approxWarning(q, q.number, ''))
}

/** An integer (floors, counts, employees); '12层', '30人', '5家' accepted. */
export function parseInteger(cell: Cell): Parsed<number> {
  const read = readQuantity(cell)
  if (read.kind === 'empty') return empty()
  if (read.kind === 'bad') return failure(`无法识别为整数：“${read.text}”`)
  const q = read.q
  if (q.unit !== '' && !/^(层|个|家|人|名|栋|幢|座|套|间|户|处|年|层楼)$/.test(q.unit)) return failure(`无法识别为整数：“${q.text}”`)
  if (!Number.isInteger(q.number)) return failure(`应为整数：“${q.text}”`)
  return value(q.number, approxWarning(q, q.number, q.unit))
}

// Areas ----------------------------------------------------------------------------------------

export type AreaUnit = 'm2' | 'wan_m2' | 'mu' | 'ha' | 'km2'

const AREA_FACTORS: Record<AreaUnit, number> = {
  m2: 1,
  wan_m2: 10_000,
  mu: SQUARE_METRES_PER_MU,
  ha: 10_000,
  km2: 1_000_000,
}

const AREA_UNIT_LABELS: Record<AreaUnit, string> = { m2: '㎡', wan_m2: '万㎡', mu: '亩', ha: '公顷', km2: '平方公里' }

/** Unit as written (lower-cased, no spaces) → unit. 平 alone is how people say 平米. */
const AREA_UNITS: Record<string, AreaUnit> = {
  '㎡': 'm2', 'm²': 'm2', m2: 'm2', '平方米': 'm2', '平米': 'm2', '平': 'm2', '平方': 'm2', '米²': 'm2', 'sqm': 'm2',
  '万平方米': 'wan_m2', '万㎡': 'wan_m2', '万m²': 'wan_m2', '万m2': 'wan_m2', '万平米': 'wan_m2', '万平': 'wan_m2', '万平方': 'wan_m2', '万': 'wan_m2',
  '亩': 'mu',
  '公顷': 'ha', ha: 'ha', 'hm²': 'ha', hm2: 'ha', '㏊': 'ha',
  '平方公里': 'km2', '平方千米': 'km2', 'km²': 'km2', km2: 'km2', '㎢': 'km2',
}

/** An area in m²: units in the cell win; a bare number is in `defaultUnit` (the column's unit). */
export function parseArea(cell: Cell, defaultUnit: AreaUnit = 'm2'): Parsed<number> {
  const read = readQuantity(cell)
  if (read.kind === 'empty') return empty()
  if (read.kind === 'bad') return failure(`无法识别为面积：“${read.text}”`)
  const q = read.q
  let unit: AreaUnit | undefined = defaultUnit
  if (q.unit !== '') {
    const written = q.unit.toLowerCase()
    if (written === '万亩') return finishArea(q, q.number * 10_000 * SQUARE_METRES_PER_MU)
    unit = AREA_UNITS[written]
  }
  if (!unit) return failure(`无法识别面积单位：“${q.text}”`)
  return finishArea(q, q.number * AREA_FACTORS[unit])
}

function finishArea(q: Quantity, m2: number): Parsed<number> {
  const area = tidy(m2)
  return value(area, approxWarning(q, area, '㎡'))
}

/** For a column whose header says 亩: a bare number is in 亩. The answer is in m², like parseArea. */
export function parseAreaMu(cell: Cell): Parsed<number> {
  return parseArea(cell, 'mu')
}

/** The Chinese label of an area unit, for messages ('按 亩 读取'). */
export function areaUnitLabel(unit: AreaUnit): string {
  return AREA_UNIT_LABELS[unit]
}

// Rents ----------------------------------------------------------------------------------------

const DAYS_PER_MONTH = 365 / 12

/**
 * Asking rent in 元/㎡·天 (the habit of Chinese office leasing). Per-month rents (元/㎡·月) are
 * converted (÷ 365/12) with a warning; per-year rents (元/㎡·年) ÷ 365. A bare number is 元/㎡·天.
 */
export function parseRentPerDay(cell: Cell): Parsed<number> {
  const read = readQuantity(cell)
  if (read.kind === 'empty') return empty()
  if (read.kind === 'bad') return failure(`无法识别为租金：“${read.text}”`)
  const q = read.q
  const period = rentPeriod(q.unit)
  if (!period) return failure(`无法识别租金单位：“${q.text}”（应为 元/㎡·天 或 元/㎡·月）`)
  if (period === 'day') return value(q.number, approxWarning(q, q.number, ' 元/㎡·天'))
  const divisor = period === 'month' ? DAYS_PER_MONTH : 365
  const perDay = tidy(q.number / divisor)
  const from = period === 'month' ? '元/㎡·月' : '元/㎡·年'
  const how = period === 'month' ? '÷ 365/12' : '÷ 365'
  const approx = q.approximate ? '约数，' : ''
  return value(perDay, `${approx}按${period === 'month' ? '月' : '年'}租金换算：${show(q.number)} ${from} ${how} = ${show(perDay)} 元/㎡·天`)
}

function rentPeriod(unit: string): 'day' | 'month' | 'year' | null {
  if (unit === '') return 'day'
  let u = unit.toLowerCase().replace(/[/·・•.*×每⋅]/g, '')
  u = u.replace(/^(人民币)?元/, '')
  const area = /平方米|平米|㎡|m²|m2|平/
  const hadArea = area.test(u)
  u = u.replace(area, '')
  u = u.replace(/^元/, '')
  if (u === '') return 'day' // '3.5元' or '3.5元/㎡': the column is per day
  if (!hadArea) return null // '3.5元/天' without an area: a whole unit's rent, not per ㎡
  if (/^(天|日|d|day)$/.test(u)) return 'day'
  if (/^(月|m|month|个月)$/.test(u)) return 'month'
  if (/^(年|y|year)$/.test(u)) return 'year'
  return null
}

// Money ----------------------------------------------------------------------------------------

export type MoneyUnit = 'yuan' | 'wan' | 'yi'

const MONEY_FACTORS: Record<MoneyUnit, number> = { yuan: 1, wan: 10_000, yi: 100_000_000 }

const MONEY_UNITS: Record<string, number> = {
  '元': 1, '人民币元': 1, rmb: 1, '¥': 1,
  '千元': 1_000,
  '万元': 10_000, '万': 10_000, '万元人民币': 10_000,
  '百万': 1_000_000, '百万元': 1_000_000,
  '千万': 10_000_000, '千万元': 10_000_000,
  '亿元': 100_000_000, '亿': 100_000_000, '亿元人民币': 100_000_000,
}

/** An amount of money in 元: "1.2亿元" → 120000000, "350万" → 3500000; a bare number is in `defaultUnit`. */
export function parseMoney(cell: Cell, defaultUnit: MoneyUnit = 'yuan'): Parsed<number> {
  const stripped = typeof cell === 'string' ? normaliseText(cell).replace(/^[¥￥]/, '') : cell
  const read = readQuantity(stripped)
  if (read.kind === 'empty') return empty()
  if (read.kind === 'bad') return failure(`无法识别为金额：“${read.text}”`)
  const q = read.q
  const factor = q.unit === '' ? MONEY_FACTORS[defaultUnit] : MONEY_UNITS[q.unit.toLowerCase()]
  if (factor === undefined) return failure(`无法识别金额单位：“${q.text}”`)
  const yuan = tidy(q.number * factor)
  return value(yuan, approxWarning(q, yuan, ' 元'))
}

export type PricePerMuUnit = 'wan_per_mu' | 'yuan_per_mu'

/**
 * A land price in 元/亩. Bureaus write 万元/亩, so a bare number is 万元/亩 unless the column says
 * otherwise; 元/㎡ (floor or land price per square metre) is converted with a warning.
 */
export function parsePricePerMu(cell: Cell, defaultUnit: PricePerMuUnit = 'wan_per_mu'): Parsed<number> {
  const read = readQuantity(cell)
  if (read.kind === 'empty') return empty()
  if (read.kind === 'bad') return failure(`无法识别为价格：“${read.text}”`)
  const q = read.q
  const u = q.unit.toLowerCase().replace(/[/每]/g, '')
  let yuanPerMu: number
  let warning: string | undefined
  if (u === '') yuanPerMu = q.number * (defaultUnit === 'wan_per_mu' ? 10_000 : 1)
  else if (u === '万元亩' || u === '万亩') yuanPerMu = q.number * 10_000
  else if (u === '元亩') yuanPerMu = q.number
  else if (/^元(平方米|平米|㎡|m²|m2)$/.test(u)) {
    yuanPerMu = q.number * SQUARE_METRES_PER_MU
    warning = `按每平方米价格换算：${show(q.number)} 元/㎡ × 666.67 = ${show(tidy(yuanPerMu))} 元/亩`
  } else return failure(`无法识别价格单位：“${q.text}”（应为 万元/亩 或 元/亩）`)
  const price = tidy(yuanPerMu)
  const approx = approxWarning(q, price, ' 元/亩')
  return value(price, [approx, warning].filter(Boolean).join('；') || undefined)
}

// Ranges and percentages ----------------------------------------------------------------------

export interface NumberRange {
  min: number | null
  max: number | null
}

const FIGURE = String.raw`(\d+(?:\.\d+)?|\.\d+)`
const AT_MOST = /^(?:≤|<=|<|≦|不大于|不超过|不高于|小于等于|小于|低于|最高|最大)/
const AT_LEAST = /^(?:≥|>=|>|≧|不小于|不低于|不少于|大于等于|大于|高于|最低|最小)/
const RANGE_SEP = String.raw`(?:-|~|至|到|—|——|–|－|～|〜)`

/**
 * A range such as a plot ratio (容积率) or a height limit: "2.5-3.2", "2.5～3.2", "2.5至3.2" give
 * both ends; "≤2.5" / "不大于3.0" / "2.5以下" only the maximum; "≥1.0" / "1.0以上" only the
 * minimum; a single figure is both; "1.0<容积率≤2.5" both.
 */
export function parseRange(cell: Cell): Parsed<NumberRange> {
  if (cell === null) return empty()
  if (typeof cell === 'number') return Number.isFinite(cell) ? value({ min: cell, max: cell }) : failure(`无法识别为范围：“${cell}”`)
  if (typeof cell !== 'string') return failure(`无法识别为范围：“${cellToText(cell)}”`)
  const text = normaliseText(cell)
  if (text === '' || isPlaceholder(text)) return empty()
  const t = text.replace(/\s+/g, '').replace(/[（(][^）)]*[)）]$/, '')
  let m: RegExpExecArray | null
  if ((m = new RegExp(`^${FIGURE}${RANGE_SEP}${FIGURE}$`).exec(t))) return ordered(Number(m[1]), Number(m[2]), text)
  if ((m = new RegExp(`^${FIGURE}(?:<|<=|≤|＜)[^\\d]*(?:<|<=|≤|＜)${FIGURE}$`).exec(t))) return ordered(Number(m[1]), Number(m[2]), text)
  const body = t.replace(/^(容积率|建筑密度|绿地率|限高|高度|FAR)/i, '')
  if (AT_MOST.test(body)) {
    const n = new RegExp(`^${FIGURE}$`).exec(body.replace(AT_MOST, ''))
    if (n) return value({ min: null, max: Number(n[1]) })
  }
  if (AT_LEAST.test(body)) {
    const n = new RegExp(`^${FIGURE}$`).exec(body.replace(AT_LEAST, ''))
    if (n) return value({ min: Number(n[1]), max: null })
  }
  if ((m = new RegExp(`^${FIGURE}(以下|以内)$`).exec(body))) return value({ min: null, max: Number(m[1]) })
  if ((m = new RegExp(`^${FIGURE}以上$`).exec(body))) return value({ min: Number(m[1]), max: null })
  const single = parseNumberCell(body)
  if (single.ok && single.value !== null && !single.warning) return value({ min: single.value, max: single.value })
  return failure(`无法识别为范围：“${text}”`)
}

function ordered(a: number, b: number, text: string): Parsed<NumberRange> {
  if (a > b) return failure(`范围下限大于上限：“${text}”`)
  return value({ min: a, max: b })
}

/**
 * A share as a ratio 0..1: "35%" → 0.35; a bare 35 → 0.35; a bare number ≤ 1 (Excel's percentage
 * cells store 0.35) is already a ratio.
 */
export function parsePercent(cell: Cell): Parsed<number> {
  const read = readQuantity(cell)
  if (read.kind === 'empty') return empty()
  if (read.kind === 'bad') return failure(`无法识别为百分比：“${read.text}”`)
  const q = read.q
  let ratio: number
  if (q.unit === '%' || q.unit === '％') ratio = q.number / 100
  else if (q.unit === '‰') ratio = q.number / 1000
  else if (q.unit !== '') return failure(`无法识别为百分比：“${q.text}”`)
  else ratio = Math.abs(q.number) <= 1 ? q.number : q.number / 100
  ratio = tidy(ratio)
  if (ratio < 0 || ratio > 1) return failure(`百分比应在 0% 到 100% 之间：“${q.text}”`)
  return value(ratio, q.approximate ? `约数，按 ${show(ratio * 100)}% 导入` : undefined)
}

// ---------------------------------------------------------------------------------------------
// Dates

const MIN_YEAR = 1900
const MAX_YEAR = 2100

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** exceljs hands dates as Date objects at UTC midnight of the day the cell shows: read UTC parts. */
function isoFromDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function ymd(year: number, month: number, day: number, text: string, warning?: string): Parsed<string> {
  if (year < MIN_YEAR || year > MAX_YEAR) return failure(`年份应在 ${MIN_YEAR} 到 ${MAX_YEAR} 之间：“${text}”`)
  if (month < 1 || month > 12) return failure(`月份不存在：“${text}”`)
  if (day < 1 || day > daysInMonth(year, month)) return failure(`日期不存在：“${text}”`)
  return value(`${pad(year, 4)}-${pad(month)}-${pad(day)}`, warning)
}

// Excel's 1900 date system: serial 1 is 1900-01-01, and serial 60 is 1900-02-29, a day that never
// was (kept from Lotus 1-2-3), so serials after it are one day ahead of a plain count.
const SERIAL_MIN = 7306 // 1920-01-01: smaller numbers in a date column are not dates
const SERIAL_MAX = 73415 // 2100-12-31

function fromSerial(serial: number, text: string): Parsed<string> {
  const day = Math.floor(serial)
  if (day < SERIAL_MIN || day > SERIAL_MAX) return failure(`无法识别为日期：“${text}”`)
  const ms = Date.UTC(1899, 11, 30) + day * 86_400_000
  return value(isoFromDate(new Date(ms)))
}

/**
 * A date as 'YYYY-MM-DD': Excel dates (Date objects, serial numbers), '2024年3月1日', '2024.3.1',
 * '2024/3/1', '2024-03-01', '20240301', a time after the date dropped; '2024年3月' and a bare year
 * are read as the first day, with a warning. Impossible dates and years outside 1900–2100 refused.
 */
export function parseDate(cell: Cell): Parsed<string> {
  if (cell === null) return empty()
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return failure('无法识别为日期')
    const year = cell.getUTCFullYear()
    return ymd(year, cell.getUTCMonth() + 1, cell.getUTCDate(), isoFromDate(cell))
  }
  if (typeof cell === 'number') return dateFromNumber(cell, String(cell))
  if (typeof cell !== 'string') return failure(`无法识别为日期：“${cellToText(cell)}”`)
  const text = normaliseText(cell)
  if (text === '' || isPlaceholder(text)) return empty()
  const t = text.replace(/\s*(?:T|\s)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/, '').replace(/\s+/g, '')
  let m: RegExpExecArray | null
  if ((m = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(t))) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), text)
  if ((m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(t))) {
    if (new Set(t.replace(/\d/g, '')).size !== 1) return failure(`无法识别为日期：“${text}”`)
    return ymd(Number(m[1]), Number(m[2]), Number(m[3]), text)
  }
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), text)
  if ((m = /^(\d{4})(?:年(\d{1,2})月?|[-./](\d{1,2}))$/.exec(t))) {
    const year = Number(m[1])
    const month = Number(m[2] ?? m[3])
    return ymd(year, month, 1, text, `只有年月，按 ${pad(year, 4)}-${pad(month)}-01 导入`)
  }
  if ((m = /^(\d{4})年?$/.exec(t))) return dateFromNumber(Number(m[1]), text)
  if (/^\d+(\.\d+)?$/.test(t)) return dateFromNumber(Number(t), text)
  return failure(`无法识别为日期：“${text}”`)
}

function dateFromNumber(n: number, text: string): Parsed<string> {
  if (!Number.isFinite(n)) return failure(`无法识别为日期：“${text}”`)
  if (Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR) return ymd(n, 1, 1, text, `只有年份，按 ${n}-01-01 导入`)
  return fromSerial(n, text)
}

// ---------------------------------------------------------------------------------------------
// Yes / no

const TRUE_WORDS = new Set(['是', '有', '√', '✓', '✔', '☑', 'y', 'yes', 'true', '1', '对', '规上', '是的', 't'])
const FALSE_WORDS = new Set(['否', '无', '×', '✗', '✘', 'x', '☐', 'n', 'no', 'false', '0', '错', '规下', '非规上', '不是', 'f'])

/** 是/否, √/×, 有/无, Y/N, yes/no, true/false, 1/0, 规上/规下. */
export function parseBoolean(cell: Cell): Parsed<boolean> {
  if (cell === null) return empty()
  if (typeof cell === 'boolean') return value(cell)
  if (typeof cell === 'number') {
    if (cell === 1) return value(true)
    if (cell === 0) return value(false)
    return failure(`无法识别为是/否：“${cell}”`)
  }
  if (typeof cell !== 'string') return failure(`无法识别为是/否：“${cellToText(cell)}”`)
  const text = normaliseText(cell)
  if (text === '') return empty()
  const key = text.toLowerCase()
  if (TRUE_WORDS.has(key)) return value(true)
  if (FALSE_WORDS.has(key)) return value(false)
  if (PLACEHOLDERS.has(key)) return empty()
  return failure(`无法识别为是/否：“${text}”`)
}
