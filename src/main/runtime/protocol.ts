import type { StoreState } from '../../shared/backup'
import type { Result } from '../../shared/result'
import type { Asset } from '../services/assets'
import type { ServiceOptions } from '../services/context'

// The messages between the pool (host side, pool.ts) and a store worker (worker.ts). Every call
// carries a sequence number; every answer names the one it answers.

/**
 * 'offline' opens no store: it answers backup.preview / backup.restore while the store is closed
 * (a restore) or unavailable (recovery mode), one short-lived process per call.
 */
export type WorkerRole = 'writer' | 'reader' | 'offline'

/** What a worker is started with (its first message). */
export interface WorkerInit {
  type: 'init'
  role: WorkerRole
  file: string
  actor?: string
  options: ServiceOptions
  /** Tests only: enables the 'test' calls below. Never set by a host. */
  testHooks?: boolean
  /** 'offline' only: the store as the runtime found it (backup.status, the store_unavailable sentence). */
  state?: StoreState
}

/** Test-only work that is not part of the contract: raw SQL, a crash, a stall. */
export type TestHook =
  | { kind: 'sql'; statements: string[]; inWriteTransaction?: boolean }
  | { kind: 'crash' }
  /** Async work that yields every few milliseconds for `ms` (answers pings meanwhile), like a parse of a large workbook. */
  | { kind: 'busy'; ms: number }

export type WorkerCall =
  | { type: 'dispatch'; seq: number; method: string; input: unknown }
  /** The same, answered as the bytes of the HTTP body (web/encode.ts, made in the worker, kept there for a kept answer). */
  | { type: 'dispatchEncoded'; seq: number; method: string; input: unknown; gzipOk: boolean }
  | { type: 'asset'; seq: number; pathname: string }
  /** A write's checks of a file someone handed us, run in a reader first (pool.ts CHECKED_FIRST); answered as null or the error. */
  | { type: 'precheck'; seq: number; method: string; input: unknown }
  | { type: 'test'; seq: number; hook: TestHook }
  | { type: 'ping'; seq: number }
  | { type: 'close'; seq: number }

export type AssetAnswer = Asset | null | 'bad'

/** Why a worker could not open the store, with StoreOpenError's problem when it was one. */
export interface WorkerFailure {
  name: string
  message: string
  problem?: string
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failed'; error: WorkerFailure }
  | { type: 'answer'; seq: number; result: Result<unknown> }
  | { type: 'encoded'; seq: number; body: Uint8Array; gzipped: boolean }
  | { type: 'asset'; seq: number; asset?: AssetAnswer; error?: string }
  | { type: 'pong'; seq: number }
  | { type: 'closed'; seq: number }
