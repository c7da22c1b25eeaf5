// The shape every part of `npm run bench` reports in (issue 8, item 6). Each part is a module
// exporting `run(ctx): Promise<BenchRow[]>`; scripts/bench/main.ts runs them in turn on one
// generated store, prints the table, or with --json the object the issue names.

/** The scale of the generated store the rows were measured on. */
export interface BenchScale {
  buildings: number
  spaces: number
  leases: number
  parcels: number
}

export interface BenchRow {
  /** Stable id, e.g. 'map.open', 'store.buildingGet', 'writes.underReadLoad'. */
  name: string
  /** What was measured, in the reader's words (printed in the table). */
  label: string
  /** Median milliseconds (or the p99, when the goal is a p99: say so in the label). */
  ms?: number
  /** Frames per second, for the pan and zoom rows. */
  fps?: number
  /** The same work done the plain way in the same run (raw prepared statements; one <Marker> each), in the row's unit. */
  baseline?: number
  /** ms ÷ baseline for store rows (≤ 1.2 is the goal), baseline ÷ ms for map.render (≥ 10). */
  ratio?: number
  /** The goal in words, e.g. '≤ 1000 ms', '≤ 1.2× raw', '≥ 55 fps, no frame over 50 ms'. */
  goal: string
  met: boolean
  /** Spread, longest frame, bytes sent …: anything that explains the figure. */
  detail?: string
}

export interface BenchContext {
  /** A data folder holding site-atlas.db at the target scale. Parts that write must copy it first (copyStore). */
  dataDir: string
  /** A new mkdtemp data folder holding a copy of site-atlas.db, for a part that writes; the part may remove it, the runner does at the end. */
  copyStore: (prefix: string) => Promise<string>
  scale: BenchScale
  /** Progress lines go to stderr, so stdout stays the table or the JSON. */
  log: (line: string) => void
  /** A fresh mkdtemp folder of this part's own, removed after the run. */
  tempDir: (prefix: string) => string
}

export type BenchPart = (ctx: BenchContext) => Promise<BenchRow[]>
