import { z } from 'zod'
import * as f from './schemas/common'
import { findTextProblem } from './text'

// THE backup and restore contract (issue 12). A backup is one SQLite file, made with SQLite's online
// backup API (consistent while the app writes), holding everything the store holds: every site, the
// change log, the photos (kept in the store as BLOBs) and the settings that matter (contact, name,
// freshness period, map state). The device id (a file of its own in the data folder) is not in it:
// a restored file is this device's again. Imported map packages and tile caches are not in it either
// (large, and re-obtainable from their source); the README says so.
//
// Where backups are: <data folder>/backups ('local'), and optionally a second folder the person
// chose, e.g. a USB stick ('mirror'). File names say when and why:
//   site-atlas-20261202-031500-scheduled.db   (UTC stamp, reason)

export const BACKUP_REASONS = ['scheduled', 'manual', 'before-migration', 'before-import', 'before-restore'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

export const BACKUP_FOLDERS = ['local', 'mirror'] as const
export type BackupFolder = (typeof BACKUP_FOLDERS)[number]

/** One backup file in one of the two folders. */
export interface BackupEntry {
  /** The file name inside its folder (the id: names are unique per folder). */
  id: string
  folder: BackupFolder
  reason: BackupReason
  /** When it was made, ISO instant (from the name). */
  createdAt: string
  bytes: number
  /**
   * Where a page can fetch the file to save it elsewhere (the browser host serves it as a download;
   * Electron copies it through its save dialog), e.g. 'backups/local/<id>'.
   */
  assetPath: string
}

/** What a file holds, read without changing it: shown before a restore. */
export interface StoreFileSummary {
  schemaVersion: number
  counts: { buildings: number; spaces: number; tenants: number; leases: number; parcels: number; parks: number; photos: number }
  /** The newest change in its change log: when (ISO instant) and who. Null for a store never written. */
  newestChange: { at: string; actor: string } | null
  bytes: number
}

/**
 * Why a file cannot be restored (or opened): 'damaged' is a Site Atlas file that fails SQLite's
 * integrity check or is truncated; 'foreign' anything else (another program's database, not SQLite
 * at all, an empty file); 'newer_schema' a Site Atlas file from a newer version; 'too_large' beyond
 * the limit a file someone hands us may have; 'unreadable' could not be read (permissions, gone).
 */
export const STORE_FILE_PROBLEMS = ['damaged', 'foreign', 'newer_schema', 'too_large', 'unreadable'] as const
export type StoreFileProblem = (typeof STORE_FILE_PROBLEMS)[number]

export type StoreFileCheck =
  | { ok: true; summary: StoreFileSummary }
  | { ok: false; problem: StoreFileProblem; message: string }

/** Rotation: how many scheduled backups are kept per period (the newest of each day, week, month). */
export interface BackupKeep {
  daily: number
  weekly: number
  monthly: number
}
export const DEFAULT_BACKUP_KEEP: BackupKeep = { daily: 7, weekly: 4, monthly: 12 }
/** Backups made before a migration, an import or a restore: the newest this many are kept. */
export const EVENT_BACKUPS_KEPT = 10
/** Hours between scheduled backups while the app runs; 0 turns them off. */
export const BACKUP_INTERVALS = [0, 1, 4, 12, 24] as const
export const DEFAULT_BACKUP_EVERY_HOURS = 24

export interface BackupSettings {
  everyHours: (typeof BACKUP_INTERVALS)[number]
  /** The second folder (absolute path) each scheduled and manual backup is copied to, or null. */
  mirrorDir: string | null
  keep: BackupKeep
}

/**
 * The store as the host found it at start. 'ok' in normal running; 'damaged' (or another problem)
 * when the data file failed its start-up check: then only the backup.* methods answer, the damaged
 * file is left untouched, and the page offers the newest good backup.
 */
export type StoreState =
  | { state: 'ok' }
  | { state: 'unavailable'; problem: StoreFileProblem | 'missing'; message: string; file: string }

export interface BackupStatus {
  store: StoreState
  settings: BackupSettings
  /** The local backups folder (absolute). */
  folder: string
  lastBackup: BackupEntry | null
  /** When the next scheduled backup is due (ISO), null when scheduled backups are off. */
  nextDueAt: string | null
  /** The mirror folder's state when one is set: reachable or why not (a USB stick pulled out). */
  mirror: { dir: string; ok: boolean; message: string | null } | null
  /** The last scheduled backup's failure in words, null when the last one succeeded. */
  lastError: string | null
}

export interface RestoreResult {
  /** The backup made of the state just replaced (a damaged store is moved aside instead: damagedCopy). */
  safetyBackup: BackupEntry | null
  /** Where a damaged store file was moved, untouched, when a restore replaced it. */
  damagedCopy: string | null
  restored: StoreFileSummary
}

const backupId = z
  .string({ error: '备份：必选' })
  .regex(/^site-atlas-\d{8}-\d{6}(-\d+)?-[a-z-]+\.db$/, { error: '备份：不是本程序的备份文件名' })

/** A backup in one of the folders, or a file handed over (browser upload, Electron's open dialog). */
export const backupSource = z.union(
  [
    z.strictObject({ folder: z.enum(BACKUP_FOLDERS, { error: '备份位置：应为 local 或 mirror' }), id: backupId }),
    z.strictObject({ uploadId: f.id('备份文件') }),
  ],
  { error: '备份来源：应为备份列表中的一项或上传的文件' },
)
export type BackupSource = z.infer<typeof backupSource>

export const backupPreviewInput = z.strictObject({ source: backupSource })
export const backupRestoreInput = z.strictObject({ source: backupSource })

export const backupConfigureInput = z.strictObject({
  everyHours: z
    .number({ error: '自动备份间隔：应为数字' })
    .refine((n) => (BACKUP_INTERVALS as readonly number[]).includes(n), { error: `自动备份间隔：应为 ${BACKUP_INTERVALS.join('、')} 小时之一（0 表示关闭）` })
    .optional(),
  mirrorDir: z
    .string({ error: '第二备份位置：应为文件夹路径' })
    .max(1000, { error: '第二备份位置：路径过长' })
    // A path is used as typed (NFC could name another folder); only characters no path should hold are refused.
    .refine((v) => !findTextProblem(v), { error: '第二备份位置：路径含有控制字符或无效的字符' })
    .trim()
    .max(1000, { error: '第二备份位置：路径过长' })
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v)),
  keep: z
    .strictObject({
      daily: f.intInRange('保留每日备份', 1, 60),
      weekly: f.intInRange('保留每周备份', 0, 52),
      monthly: f.intInRange('保留每月备份', 0, 120),
    })
    .optional(),
})
