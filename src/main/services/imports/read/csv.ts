import chardet from 'chardet'
import { parse } from 'csv-parse/sync'
import iconv from 'iconv-lite'
import type { Cell, RawTable } from '../table'
import { refuse, rowCounter, tooManyColumns, type ReadContext } from './guard'

// A CSV as Excel and WPS save it: UTF-8 with a BOM, or — "CSV (逗号分隔)" on a Chinese Windows —
// GBK/GB18030 without any mark, and sometimes tab-separated UTF-16 ("Unicode 文本").

export interface DecodedText {
  text: string
  encoding: string
}

/** BOM first; then strict UTF-8; otherwise GB18030 (a superset of GBK/GB2312), chardet only hinting Big5 or UTF-16. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    // not UTF-8: a Chinese Windows code page
  }
  // A sample is enough for a hint, and chardet is slow on whole files (~150 ms per 64 KB).
  const hints = chardet.analyse(bytes.subarray(0, 8 * 1024))
  const top = hints[0]
  if (top && top.confidence >= 90 && (top.name === 'Big5' || top.name === 'UTF-16LE' || top.name === 'UTF-16BE')) {
    const encoding = top.name.toLowerCase()
    return { text: iconv.decode(Buffer.from(bytes), encoding), encoding }
  }
  return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' }
}

const DELIMITERS = [',', '\t', ';', '|'] as const

/**
 * The delimiter whose count is the same (and not zero) on most of the first lines. The full-width
 * comma (，) is never one: it is punctuation inside Chinese text.
 */
export function detectDelimiter(text: string): string {
  const lines = splitLogicalLines(text.slice(0, 64 * 1024)).filter((l) => l.trim() !== '').slice(0, 50)
  let best: string = ','
  let bestScore = 0
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d))
    const freq = new Map<number, number>()
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1)
    const score = Math.max(0, ...freq.values())
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}

/** Lines, keeping quoted newlines inside their line. */
function splitLogicalLines(text: string): string[] {
  const out: string[] = []
  let quoted = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') quoted = !quoted
    else if (ch === '\n' && !quoted) {
      out.push(text.slice(start, i))
      start = i + 1
    }
  }
  out.push(text.slice(start))
  return out
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0
  let quoted = false
  for (const ch of line) {
    if (ch === '"') quoted = !quoted
    else if (ch === d && !quoted) n++
  }
  return n
}

/**
 * Fields one line may have before the parser sees it: Excel's and WPS's last column is XFD
 * (16 384), and a parser splits a line of millions of fields only after seconds.
 */
export const MAX_CSV_FIELDS = 16_384

/** Refuses the first line (quoted newlines inside their line) with more than MAX_CSV_FIELDS fields; one pass, no copies. */
function checkFieldCounts(text: string, delimiter: string, ctx: ReadContext): void {
  const d = delimiter.charCodeAt(0)
  let quoted = false
  let fields = 1
  let line = 1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) quoted = !quoted
    else if (quoted) continue
    else if (c === d && ++fields > MAX_CSV_FIELDS) throw tooManyColumns(ctx, `第 ${line} 行`)
    else if (c === 0x0a) {
      fields = 1
      if (++line % 100_000 === 0) ctx.check()
    }
  }
}

export async function readCsv(bytes: Uint8Array, ctx: ReadContext): Promise<RawTable> {
  const { text, encoding } = decodeText(bytes)
  ctx.check()
  const delimiter = detectDelimiter(text)
  checkFieldCounts(text, delimiter, ctx)
  let records: string[][]
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // Stop parsing once past the row limit instead of reading the whole file.
      to: ctx.limits.maxRows + 1,
    }) as string[][]
  } catch (error) {
    const line = (error as { lines?: number }).lines
    throw refuse(`CSV 格式有误${line ? `（第 ${line} 行附近）` : ''}，无法读取`)
  }
  ctx.check()
  const count = rowCounter(ctx)
  const rows: Cell[][] = records.map((record, i) => {
    count()
    let last = record.length
    while (last > 0 && record[last - 1]!.trim() === '') last--
    if (last > ctx.limits.maxColumns) throw tooManyColumns(ctx, `第 ${i + 1} 行`)
    return record.slice(0, last).map((v) => (v.trim() === '' ? null : v))
  })
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop()
  return { format: 'csv', encoding, sheets: [{ name: sheetName(ctx.fileName), rows }] }
}

/** A CSV has one sheet, named after the file as Excel names it when opening one. */
export function sheetName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'CSV'
}
