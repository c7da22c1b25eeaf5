import type { SyncOp } from './sync'

// THE team server's HTTP protocol (issue 13), spoken by `npm run server` (src/main/teamServer) and
// by a laptop's sync (services/sync/server*.ts). JSON bodies; every call but login carries
// `Authorization: Bearer <token>`. Versioned in the path so a later server can keep serving older
// laptops.
//
//   POST /api/v1/login   LoginRequest → LoginResponse           (anyone; slowed after failures)
//   GET  /api/v1/whoami  → WhoAmI
//   POST /api/v1/push    PushRequest → PushResponse              (editor, admin)
//   GET  /api/v1/pull?after=<cursor>&limit=<n> → PullResponse   (viewer, editor, admin)
//   GET  /api/v1/blobs/<sha256> → the bytes (application/octet-stream)
//   PUT  /api/v1/blobs/<sha256> ← the bytes → 204               (editor, admin; digest checked)
//
// Errors: { error: ServerErrorCode, message: string (Chinese) } with 400/401/403/404/413/500.
// A push is idempotent (an operation already held is skipped), and a pull's cursor only moves once
// the laptop has merged what it got, so a sync cut off anywhere is resumed by running it again.

export const PROTOCOL_PREFIX = '/api/v1'

export const SERVER_ROLES = ['viewer', 'editor', 'admin'] as const
export type ServerRole = (typeof SERVER_ROLES)[number]

export type ServerErrorCode =
  | 'unauthorized' // no token, a wrong one, or a wrong user name / password at login
  | 'token_expired'
  | 'forbidden' // the role does not allow it (a viewer pushing)
  | 'invalid' // the body is not what the protocol says
  | 'too_large'
  | 'not_found'
  | 'internal'

export interface ServerError {
  error: ServerErrorCode
  message: string
}

export interface LoginRequest {
  user: string
  password: string
  /** The laptop's device id, recorded with the token (who synced from where). */
  device: string
}

export interface LoginResponse {
  token: string
  /** ISO instant. */
  expiresAt: string
  user: string
  role: ServerRole
  /** The server's database id: a laptop notices it is talking to another team's server. */
  serverId: string
}

export interface WhoAmI {
  user: string
  role: ServerRole
  expiresAt: string
  serverId: string
}

/** At most PUSH_MAX_OPS operations per call; photo bytes go by PUT /blobs before the operations naming them. */
export interface PushRequest {
  ops: SyncOp[]
}
export interface PushResponse {
  /** Operations new to the server. */
  accepted: number
  /** Operations it already held. */
  duplicates: number
  /**
   * Digests named by the new operations that the server does not hold yet. Not empty: the server
   * stored none of this push (accepted 0); PUT them, then push the same operations again.
   */
  missingBlobs: string[]
}

export interface PullResponse {
  ops: SyncOp[]
  /** Give it back as `after` for the next page; opaque to the laptop. */
  cursor: string
  /** More operations wait after this page. */
  more: boolean
}

export const PUSH_MAX_OPS = 2000
export const PULL_MAX_OPS = 5000
/** A request body's limit (a page of operations; a photo blob). */
export const SERVER_MAX_BODY_BYTES = 64 * 1024 ** 2
/** How long a token lasts. */
export const TOKEN_LIFETIME_HOURS = 12
