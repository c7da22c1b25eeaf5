import { z } from 'zod'
import type { Change } from './types'
import { queryText, token } from './schemas/common'

// The change log as people browse it (who changed what, per site and per person) and the trash
// (every soft-deleted row, restorable). Types and input schemas shared by the store, the services
// and the renderer; the readable sentences are in changeText.ts.

/** Tables whose rows the change log names (LoggedTable in the store's schema). */
export const HISTORY_TABLES = [
  'buildings', 'spaces', 'tenants', 'leases', 'parcels', 'parks', 'subParks', 'parkHosts',
  'clusters', 'visits', 'photos', 'savedSearches', 'districts', 'targets', 'targetEntries',
] as const
export type HistoryTable = (typeof HISTORY_TABLES)[number]

/** Tables a person deletes rows of and restores them from the trash (each has its *.restore). */
export const TRASH_TABLES = [
  'buildings', 'spaces', 'tenants', 'leases', 'parcels', 'parks', 'clusters', 'visits', 'photos', 'savedSearches', 'targets',
] as const
export type TrashTable = (typeof TRASH_TABLES)[number]

/** The restore method of each trash table. */
export const RESTORE_METHOD = {
  buildings: 'buildings.restore', spaces: 'spaces.restore', tenants: 'tenants.restore', leases: 'leases.restore',
  parcels: 'parcels.restore', parks: 'parks.restore', clusters: 'clusters.restore', visits: 'visits.restore',
  photos: 'photos.restore', savedSearches: 'savedSearches.restore', targets: 'targets.restore',
} as const satisfies Record<TrashTable, `${string}.restore`>

/** Sites whose history includes their children's (a building's spaces and leases, a park's sub-parks and hosts). */
export const HISTORY_SITE_KINDS = ['building', 'parcel', 'park', 'tenant', 'cluster'] as const
export type HistorySiteKind = (typeof HISTORY_SITE_KINDS)[number]

/** One logged field with the names a reader needs: its row's and those of the rows its values point to. */
export interface ChangeEntry extends Change {
  /** The row in words (财富中心 12层 1201), or null when the row is gone from the store. */
  rowLabel: string | null
  /** Names of the rows and districts the old and new values refer to, by id (or district code). */
  refs: Record<string, string>
}

export interface TrashItem {
  table: TrashTable
  id: string
  /** The row in words, with its building for a space, its tenant and building for a lease. */
  label: string
  deletedAt: string
  /** Who deleted it, from the change log (null for a row deleted before the log named anyone). */
  deletedBy: string | null
}

const instant = z.iso.datetime({ offset: true, error: '时间：格式不正确' })

export const changeListInput = z.strictObject({
  rowId: token('记录').optional(),
  actor: queryText('修改人').optional(),
  table: z.enum(HISTORY_TABLES, { error: '类型：不支持的类型' }).optional(),
  site: z.strictObject({ kind: z.enum(HISTORY_SITE_KINDS, { error: '对象：不支持的类型' }), id: token('对象') }).optional(),
  /** From this instant (inclusive) … */
  since: instant.optional(),
  /** … to this one (exclusive): the renderer turns the person's local days into instants. */
  until: instant.optional(),
  /** Paging: only changes older than the one with this sequence number. */
  beforeSeq: z.number({ error: '分页：应为序号' }).int({ error: '分页：应为整数' }).min(1, { error: '分页：序号至少为 1' }).optional(),
  limit: z.number({ error: '条数：应为数字' }).int({ error: '条数：应为整数' }).min(1, { error: '条数：至少 1 条' }).max(1000, { error: '条数：最多 1000 条' }).optional(),
})

export const trashListInput = z.strictObject({
  kind: z.enum(TRASH_TABLES, { error: '类型：不支持的类型' }).optional(),
  q: queryText('名称').optional(),
  limit: z.number({ error: '条数：应为数字' }).int({ error: '条数：应为整数' }).min(1, { error: '条数：至少 1 条' }).max(2000, { error: '条数：最多 2000 条' }).optional(),
})

/** A person who wrote changes, with how many and when last. */
export interface ChangeActor {
  actor: string
  changes: number
  lastAt: string
}
