// The runner's pure parts: its options, the printed table and the --json object (issue 8, item 6).
// No timing and no I/O here, so tests/unit/bench-runner.test.ts can check them.
import type { BenchRow, BenchScale } from './rows'

export interface BenchOptions {
  json: boolean
  /** Part names to run (e.g. ['store', 'map']); null: every part. */
  only: string[] | null
  /** A store to reuse instead of generating one (copied first: the bench never changes it). */
  db: string | null
  help: boolean
}

export const USAGE = `npm run bench [-- [--json] [--only PART,PART…] [--db FILE]]
  --json        print { scale, rows } as JSON on stdout (progress stays on stderr)
  --only LIST   run only these parts, e.g. --only store,map
  --db FILE     measure on a copy of this store instead of generating one (10k buildings, 200k spaces, 50k leases, 5k parcels)`

/** The command line after `npm run bench --`; throws a sentence naming the bad option. */
export function parseArgs(args: string[], known: string[]): BenchOptions {
  const options: BenchOptions = { json: false, only: null, db: null, help: false }
  const value = (i: number, name: string) => {
    const v = args[i + 1]
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`)
    return v
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    if (name === '--json') options.json = true
    else if (name === '--help' || name === '-h') options.help = true
    else if (name === '--only') {
      const list = inline ?? value(i++, '--only')
      const parts = list.split(',').map((p) => p.trim()).filter(Boolean)
      const unknown = parts.filter((p) => !known.includes(p))
      if (unknown.length > 0) throw new Error(`--only: unknown part ${unknown.join(', ')} (parts: ${known.join(', ')})`)
      if (parts.length === 0) throw new Error('--only needs at least one part')
      options.only = parts
    } else if (name === '--db') options.db = inline ?? value(i++, '--db')
    else throw new Error(`unknown option ${arg}`)
  }
  return options
}

/** A figure with the precision it deserves: 0.42, 12.3, 812. */
export function formatNumber(n: number): string {
  const abs = Math.abs(n)
  if (abs < 10) return n.toFixed(2)
  if (abs < 100) return n.toFixed(1)
  return n.toFixed(0)
}

const unitOf = (row: BenchRow) => (row.fps !== undefined ? 'fps' : 'ms')
const figureOf = (row: BenchRow) => row.fps ?? row.ms

/** Columns counted in terminal cells: a CJK character or a full-width sign takes two. */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    const wide =
      (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6)
    width += wide ? 2 : 1
  }
  return width
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)))

export const TABLE_HEADER = ['name', 'label', 'figure', 'baseline', 'ratio', 'goal', 'met', 'detail'] as const

/** One row's cells in TABLE_HEADER's order. */
export function rowCells(row: BenchRow): string[] {
  const figure = figureOf(row)
  const unit = unitOf(row)
  return [
    row.name,
    row.label,
    figure === undefined ? '—' : `${formatNumber(figure)} ${unit}`,
    row.baseline === undefined ? '—' : `${formatNumber(row.baseline)} ${unit}`,
    row.ratio === undefined ? '—' : `${row.ratio.toFixed(2)}×`,
    row.goal,
    row.met ? '✓' : '✗',
    row.detail ?? '',
  ]
}

/** The table `npm run bench` prints: a heading with the scale, one line per row, then the notes. */
export function formatTable(scale: BenchScale, rows: BenchRow[], notes: string[] = []): string {
  const n = (v: number) => v.toLocaleString('en-US')
  const heading = `Site Atlas bench: ${n(scale.buildings)} buildings, ${n(scale.spaces)} spaces, ${n(scale.leases)} leases, ${n(scale.parcels)} parcels`
  const cells = [[...TABLE_HEADER], ...rows.map(rowCells)]
  const widths = TABLE_HEADER.map((_, i) => Math.max(...cells.map((line) => displayWidth(line[i]!))))
  const line = (cols: string[]) => cols.map((c, i) => (i === cols.length - 1 ? c : pad(c, widths[i]!))).join('  ').trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  const met = rows.filter((r) => r.met).length
  const out = [heading, '', line(cells[0]!), rule, ...cells.slice(1).map(line), '', `${met} of ${rows.length} goals met`]
  for (const note of notes) out.push(note)
  return `${out.join('\n')}\n`
}

/** A figure rounded for the JSON (three decimals are more than any timer here can tell apart). */
const round = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 1000) / 1000)

/** The object `--json` prints: { scale, rows: [{ name, ms | fps, baseline, ratio, goal, met, label, detail }] }. */
export function toJson(scale: BenchScale, rows: BenchRow[]): { scale: BenchScale; rows: Array<Record<string, unknown>> } {
  return {
    scale: { buildings: scale.buildings, spaces: scale.spaces, leases: scale.leases, parcels: scale.parcels },
    rows: rows.map((row) => {
      const { name, label, ms, fps, baseline, ratio, goal, met, detail, ...more } = row
      const out: Record<string, unknown> = { name }
      if (ms !== undefined) out.ms = round(ms)
      if (fps !== undefined) out.fps = round(fps)
      if (baseline !== undefined) out.baseline = round(baseline)
      if (ratio !== undefined) out.ratio = round(ratio)
      Object.assign(out, { goal, met, label })
      if (detail !== undefined) out.detail = detail
      return Object.assign(out, more)
    }),
  }
}
