import { z } from 'zod'
import { token } from './schemas/common'

// Removing the demo dataset: what the preview lists and what the removal is told to keep.

/** Tables whose rows the demo (and generated) datasets flag is_demo = 1. */
export const DEMO_TABLES = [
  'clusters', 'buildings', 'spaces', 'tenants', 'leases', 'parcels', 'parks', 'subParks', 'parkHosts', 'targets', 'targetEntries',
] as const
export type DemoTable = (typeof DEMO_TABLES)[number]

/** One live demo row named for a person. */
export interface DemoRowRef {
  table: DemoTable
  id: string
  /** What the row is, as a person would name it (building name, 楼层 and unit, tenant …). */
  label: string
  /** Fields a person changed (edited rows), or what of theirs uses the row (rows in use). */
  fields: string[]
  /** When a person last changed it; null for rows in use that nobody edited. */
  lastEditedAt: string | null
}

export interface DemoRemovalPreview {
  /** Live demo rows per table. */
  counts: Record<DemoTable, number>
  total: number
  /** Demo rows a person edited after the loader wrote them: listed first, each may be kept. */
  edited: DemoRowRef[]
  /** Demo rows the person's own records point at (a lease they added, a photo, a visit): always kept. */
  inUse: DemoRowRef[]
  /** What this preview listed, as a digest: demo.remove given it refuses if the lists have changed since. */
  stamp: string
}

export interface DemoRemovalResult {
  /** Demo rows removed (soft-deleted, each change-logged). */
  removed: number
  /** Demo rows kept as the person's own (no longer flagged as demo), with the rows they need. */
  kept: number
}

export const demoRemove = z.strictObject({
  keep: z
    .array(z.strictObject({ table: z.enum(DEMO_TABLES, { error: '保留的记录：表名无效' }), id: token('保留的记录') }))
    .max(100_000, { error: '保留的记录：过多' }),
  /** The stamp of the preview the person looked at (the dialog and the command line always send it). */
  previewStamp: token('预览').optional(),
})
