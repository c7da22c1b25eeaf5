import type { Plan } from './plan'
import type { RawTable } from './table'

// The wizard calls inspect, preview and run on the same upload within a minute or two; reading a
// 10,000-row workbook costs about as much as planning and writing it. So the table read (and the
// plan of the last options) is kept here per process: keyed by upload id and the file's size and
// mtime (a file changed on disk is read again), dropped when the upload is discarded (here, or by
// another process: the next read here notices), after a few idle minutes, or when another upload is
// read (a parsed sheet can take hundreds of MB). The runtime sends every imports.* call about one
// upload to the same reader (pool.ts), so one table per process serves the wizard; with two readers
// and the writer, at most three tables are held.

/** Tables kept at once, per process. */
export const MAX_PARSED = 1
/** Idle time after which a table is dropped. */
export const PARSED_TTL_MS = 5 * 60 * 1000

export interface FileStamp {
  size: number
  mtimeMs: number
}

/** A plan made outside the import's transaction, valid while the store's clock stamp is the one it was made at. */
export interface KeptPlan {
  key: string
  /** The store's `hlc.last` when planned: any write() since changes it. */
  storeStamp: string | null
  plan: Plan
}

interface Entry {
  file: FileStamp
  table: RawTable
  plan: KeptPlan | null
  timer: ReturnType<typeof setTimeout>
}

export class ParsedUploads {
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly max = MAX_PARSED,
    private readonly ttlMs = PARSED_TTL_MS,
  ) {}

  /** The table read from this upload if the file is still the one read. */
  table(uploadId: string, file: FileStamp): RawTable | null {
    const entry = this.entries.get(uploadId)
    if (!entry) return null
    if (entry.file.size !== file.size || entry.file.mtimeMs !== file.mtimeMs) {
      this.drop(uploadId)
      return null
    }
    this.touch(uploadId, entry)
    return entry.table
  }

  keepTable(uploadId: string, file: FileStamp, table: RawTable): void {
    this.drop(uploadId)
    while (this.entries.size >= this.max) this.drop(this.entries.keys().next().value!)
    const entry: Entry = { file, table, plan: null, timer: this.expiry(uploadId) }
    this.entries.set(uploadId, entry)
  }

  /** The plan kept for these options (one per upload: the last options previewed). */
  plan(uploadId: string, key: string): KeptPlan | null {
    const kept = this.entries.get(uploadId)?.plan
    return kept && kept.key === key ? kept : null
  }

  keepPlan(uploadId: string, plan: KeptPlan): void {
    const entry = this.entries.get(uploadId)
    if (entry) entry.plan = plan
  }

  /** Drops every table whose upload `gone` says is no longer there (imported or discarded by another process). */
  dropWhere(gone: (uploadId: string) => boolean): void {
    for (const uploadId of [...this.entries.keys()]) if (gone(uploadId)) this.drop(uploadId)
  }

  drop(uploadId: string): void {
    const entry = this.entries.get(uploadId)
    if (!entry) return
    clearTimeout(entry.timer)
    this.entries.delete(uploadId)
  }

  get size(): number {
    return this.entries.size
  }

  /** Most recently used last, so the first key is the one to drop. */
  private touch(uploadId: string, entry: Entry): void {
    clearTimeout(entry.timer)
    entry.timer = this.expiry(uploadId)
    this.entries.delete(uploadId)
    this.entries.set(uploadId, entry)
  }

  private expiry(uploadId: string): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => this.drop(uploadId), this.ttlMs)
    // A kept table never holds the process open (the CLI, tests).
    timer.unref?.()
    return timer
  }
}

/** Options as a key that does not depend on the order their properties were written in. */
export function optionsKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined'
  if (Array.isArray(value)) return `[${value.map(optionsKey).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${optionsKey(v)}`).join(',')}}`
}
