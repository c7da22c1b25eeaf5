// What the crash drill's parent (crashDrill.ts) and its child (crashChild.ts) say to each other:
// the child's config on stdin, its lines on stdout.

export interface CrashChildConfig {
  file: string
  /** A folder for the files the child writes (import sheets). */
  workDir: string
  /** The project's resources/ (district boundaries for imports). */
  resourcesDir: string
  /** Photo files to add, made by the parent. */
  photos: string[]
  seed: number
  /** Makes the names this child imports unique across the drill. */
  tag: string
}

/** The building, tenants and import size every child works with. */
export const CRASH_BUILDING = '压测大厦'
export const CRASH_TENANTS = ['压测科技有限公司', '压测贸易有限公司', '压测咨询有限公司'] as const
export const IMPORT_ROWS = 6
export const importPrefix = (tag: string, n: number): string => `导入${tag}-${n}-`

export type CrashOp =
  | { kind: 'open'; version?: number }
  | { kind: 'building'; id?: string }
  | { kind: 'floors'; buildingId: string; count?: number }
  | { kind: 'tenant'; name: string; id?: string }
  | { kind: 'import'; prefix: string; batchId?: string }
  | { kind: 'leaseCreate'; spaceIds: string[]; tenantId: string; rent: number; startDate: string; endDate: string; id?: string }
  | { kind: 'leaseUpdate'; id: string; rent: number }
  | { kind: 'leaseEnd'; id: string; endDate: string }
  | { kind: 'leaseRenew'; id: string; spaceIds: string[]; endDate: string; rent: number; newId?: string }
  | { kind: 'bulkUpdate'; ids: string[]; askingRent: number }
  | { kind: 'photo'; ownerId: string; file: string; id?: string }

export type CrashLine =
  | { t: 'ready' }
  | { t: 'begin'; n: number; op: CrashOp }
  | { t: 'ack'; n: number; op: CrashOp }
  | { t: 'refused'; n: number; method: string; message: string }
  | { t: 'error'; message: string }
