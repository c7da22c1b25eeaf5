import { z } from 'zod'
import { token } from './schemas/common'
import { findTextProblem, textProblemMessage } from './text'

// THE sync contract (issue 13): laptops exchange the change log's per-field operations, by file
// (a sync package) or through the team server, and merge them field by field.
//
// The model (the rules themselves, pure, are in shared/syncMerge.ts):
// - An operation (SyncOp) is one change_log row: one field of one row set to a value, stamped with
//   its device's hybrid logical clock (store/hlc.ts). Its id is `<hlc>:<seq>` (seq: its place in the
//   log of the store that wrote it), the same on every device that holds it.
// - Each operation names the operations it supersedes (`pred`): on its device, when it was written,
//   the value shown for that field. A delete names every field's current operations (it saw them).
// - A store is the set of operations it holds; importing is a set union (an operation already held
//   is skipped), so a package imported twice or out of order gives the same state.
// - A field's heads are its operations that no other operation of the same field supersedes. One
//   head: its value. Several heads holding the same value: that value, no conflict. Several values:
//   a conflict; the head with the latest clock is shown, the others kept, a person picks.
// - A delete whose operation did not see an edit of the same row is a conflict (deleted vs edited).
// - Rules that must hold after any merge (a space under a running lease stays leased; one live
//   space per building + floor + unit; the unique codes/names) are kept by the store, and an
//   operation that would break one becomes a conflict of kind 'rule' or 'duplicate', never a silent
//   change.

/** A device's clock summary as another store knows it: device id → the latest stamp held from it. */
export type KnowsVector = Record<string, string>

export const SYNC_OP_KINDS = ['insert', 'update', 'delete', 'restore'] as const
export type SyncOpKind = (typeof SYNC_OP_KINDS)[number]

/** One operation as it travels (a change_log row). Values are JSON texts, as logged. */
export interface SyncOp {
  id: string
  hlc: string
  device: string
  actor: string
  /** Wall time on its device, ISO instant (for people; merging orders by `hlc`). */
  at: string
  table: string
  row: string
  op: SyncOpKind
  /** The field written; null: a whole-row insert of generated data, `value` holding every field. */
  field: string | null
  old: string | null
  value: string | null
  pred: string[]
}

// ---- Sync packages (files) ----------------------------------------------------------------------
// A package is gzip-compressed JSON lines: a header line, then one line per operation, then one
// line per photo blob the operations name by digest. The limits bound what a hostile file can cost.
export const PACKAGE_FORMAT = 'site-atlas-changes'
export const PACKAGE_VERSION = 1
export const PACKAGE_EXTENSION = '.sitechanges'
export const PACKAGE_LIMITS = {
  /** The file as handed over. */
  maxFileBytes: 2 * 1024 ** 3,
  /** Decompressed, in all. */
  maxInflatedBytes: 6 * 1024 ** 3,
  /** One line (a photo blob, base64, is the largest). */
  maxLineBytes: 64 * 1024 ** 2,
  maxOps: 5_000_000,
  maxBlobs: 100_000,
  /** Wall time to read and merge a package before it is refused. */
  maxSeconds: 600,
  /** Devices named by a header's vectors (a team's laptops over the years, with room to spare). */
  maxDevices: 2000,
} as const

export interface PackageHeader {
  format: typeof PACKAGE_FORMAT
  version: number
  /** The device that wrote it, and its person. */
  device: string
  actor: string
  createdAt: string
  /** What the writing store held: lets the receiver send back only what the writer lacks. */
  knows: KnowsVector
  /**
   * What the package was filtered by: the receiver's vector as the writer knew it (only operations
   * past it are in the file); null: every operation. A store that does not hold `base` itself
   * refuses the package: merging it would leave a gap its own vector then claims is filled.
   */
  base: KnowsVector | null
  ops: number
  blobs: number
}

// ---- Conflicts ----------------------------------------------------------------------------------
export const CONFLICT_KINDS = ['field', 'delete', 'rule', 'duplicate'] as const
export type ConflictKind = (typeof CONFLICT_KINDS)[number]

/** One of the values in conflict, with who wrote it. */
export interface ConflictValue {
  /** Parsed value (a photo's bytes: { bytes, sha256 }; a delete: its time; a kept row: its id). */
  value: unknown
  /** The value the store shows now. */
  shown: boolean
  device: string
  actor: string
  at: string
  hlc: string
  /** What `sync.resolve` takes to keep this value. */
  choice: string
  /**
   * For 'delete' (deleted / restored: a restore standing against a delete / edited: an edit no
   * delete saw), 'rule' (the rule's value), 'duplicate' (the row kept / held).
   */
  role?: 'deleted' | 'restored' | 'edited' | 'rule' | 'kept' | 'held'
}

export interface SyncConflict {
  table: string
  rowId: string
  /**
   * The field; 'deletedAt' for the row's existence (deleted vs edited or restored); the rule's field
   * for duplicates ('unit', 'creditCode' …). A row has at most one conflict per field and kind (a
   * field conflict on `unit` and the floor + unit rule's duplicate conflict are listed side by side).
   */
  field: string
  kind: ConflictKind
  values: ConflictValue[]
  detectedAt: string
  /** The row's name as people know it (building name, "财富中心 12层 1201", a tenant's name), when it has one. */
  rowName?: string | null
  /** For 'rule' / 'duplicate': the rule in Chinese ("该房源有正在执行的租约，状态应为已租"). */
  note?: string | null
  /** Names of the rows the values point to (a space's buildingId, a duplicate's kept row), id → name, as ChangeEntry.refs. */
  refs?: Record<string, string>
}

export const syncResolveInput = z.strictObject({
  table: token('表'),
  rowId: token('记录'),
  field: token('字段'),
  choice: token('选择', 200),
})
export type SyncResolveInput = z.infer<typeof syncResolveInput>

// ---- Peers and status ---------------------------------------------------------------------------
/** Another device this store exchanged packages with, or the team server. */
export interface SyncPeer {
  /** A device id, or 'server'. */
  id: string
  kind: 'device' | 'server'
  /** The colleague's name as their packages gave it, or the server's address. */
  name: string
  lastSentAt: string | null
  lastReceivedAt: string | null
  /** Operations this store holds that the peer is not known to hold. */
  waiting: number
}

export interface ServerSettingsView {
  url: string
  user: string
  signedIn: boolean
  tokenExpiresAt: string | null
  lastSyncAt: string | null
  /** The last attempt's failure in Chinese (offline, signed out, refused), cleared by a success. */
  lastError: string | null
  /** The role the server gave this person. */
  role: 'viewer' | 'editor' | 'admin' | null
}

/** A row whose operations are held but that cannot be put in place yet (sync_pending): its parent or a photo's bytes have not arrived. */
export interface PendingRow {
  table: string
  rowId: string
  /** Why, in Chinese (缺少上级记录 …, 缺少照片数据 …). */
  reason: string
}

/** How many waiting rows a status or an import lists (the count covers them all). */
export const PENDING_LISTED = 20

export interface SyncStatus {
  deviceId: string
  actor: string
  /** Operations this store holds in all. */
  ops: number
  /** Operations written on this device. */
  ownOps: number
  peers: SyncPeer[]
  server: ServerSettingsView | null
  openConflicts: number
  /** Rows waiting to be put in place (their parent or photo not yet received), and the first PENDING_LISTED of them. */
  pendingRows: number
  pending: PendingRow[]
}

export interface ImportSummary {
  /** Operations new to this store. */
  applied: number
  /** Operations it already held. */
  skipped: number
  /** Conflicts open after the import (all of them, not only new ones). */
  conflicts: number
  /** Conflicts this import opened. */
  newConflicts: number
  /** Rows waiting after the import (all of them), and the first PENDING_LISTED. */
  pendingRows: number
  pending: PendingRow[]
  from: { device: string; actor: string; createdAt: string } | null
}

export interface PackageFile {
  id: string
  fileName: string
  size: number
  ops: number
  blobs: number
  /** Where the hosts serve it: `exports/<id>` (the same route as other exports). */
  assetPath: string
}

export const syncExportInput = z.strictObject({
  /** The colleague's device id: only what they are not known to hold. Absent: everything. */
  peer: token('同事').optional(),
})
export const syncImportInput = z.strictObject({ uploadId: token('上传文件') })

const serverUrl = z
  .string({ error: '服务器地址：必填' })
  .trim()
  .max(500, '服务器地址：过长')
  .refine((u) => /^https?:\/\/[^\s/]+(\/.*)?$/i.test(u), '服务器地址：应以 http:// 或 https:// 开头')
const userName = z
  .string({ error: '账号：必填' })
  .trim()
  .min(1, '账号：必填')
  .max(64, '账号：最多 64 个字')
  .superRefine((v, ctx) => {
    const problem = findTextProblem(v)
    if (problem) ctx.addIssue({ code: 'custom', message: `账号：${textProblemMessage(problem)}` })
  })

export const syncServerSetInput = z.strictObject({ url: serverUrl, user: userName })
export const syncSignInInput = z.strictObject({
  password: z
    .string({ error: '密码：必填' })
    .min(1, '密码：必填')
    .max(200, '密码：过长')
    .superRefine((v, ctx) => {
      const problem = findTextProblem(v)
      if (problem) ctx.addIssue({ code: 'custom', message: `密码：${textProblemMessage(problem)}` })
    }),
})

export interface SyncRunResult {
  pushed: number
  pulled: number
  applied: number
  conflicts: number
  /** Set when the push stopped at operations naming a photo neither the server nor this laptop holds (the pull still ran): what waits and why, in Chinese; also the server's lastError. */
  pushBlocked?: string
  server: ServerSettingsView
}
