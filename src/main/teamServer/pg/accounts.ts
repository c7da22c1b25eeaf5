import type pg from 'pg'
import type { ServerRole } from '../../../shared/syncProtocol'
import type { PasswordHash, ScryptParams } from '../passwords'

// Accounts and tokens in PostgreSQL. A token is kept only as its sha256: whoever reads the database
// (a backup, a report user) cannot sign in with what they find there.

type Queryable = pg.Pool | pg.PoolClient

export interface UserRow {
  name: string
  role: ServerRole
  disabled: boolean
  password: PasswordHash
  failedLogins: number
  lastFailedAt: Date | null
}

export interface UserListing {
  name: string
  role: ServerRole
  disabled: boolean
  createdAt: Date
  lastLoginAt: Date | null
}

interface RawUser {
  name: string
  role: ServerRole
  disabled: boolean
  password_hash: Buffer
  password_salt: Buffer
  password_params: ScryptParams
  failed_logins: number
  last_failed_at: Date | null
}

export async function findUser(db: Queryable, name: string): Promise<UserRow | null> {
  const { rows } = await db.query<RawUser>('SELECT * FROM users WHERE name = $1', [name])
  const r = rows[0]
  if (!r) return null
  return {
    name: r.name,
    role: r.role,
    disabled: r.disabled,
    password: { hash: r.password_hash, salt: r.password_salt, params: r.password_params },
    failedLogins: r.failed_logins,
    lastFailedAt: r.last_failed_at,
  }
}

/** false when the name is taken. */
export async function insertUser(db: Queryable, name: string, role: ServerRole, password: PasswordHash): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO users (name, role, password_hash, password_salt, password_params) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (name) DO NOTHING`,
    [name, role, password.hash, password.salt, JSON.stringify(password.params)],
  )
  return rowCount === 1
}

/** A new password signs every device out (its tokens go) and clears the failed logins. false: no such user. */
export async function setPassword(db: Queryable, name: string, password: PasswordHash): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE users SET password_hash = $2, password_salt = $3, password_params = $4, failed_logins = 0,
       last_failed_at = NULL, updated_at = now() WHERE name = $1`,
    [name, password.hash, password.salt, JSON.stringify(password.params)],
  )
  if (rowCount !== 1) return false
  await db.query('DELETE FROM tokens WHERE user_name = $1', [name])
  return true
}

/** The same password hashed again with stronger parameters (at a login), unless it changed meanwhile. */
export async function rehashPassword(db: Queryable, name: string, old: PasswordHash, password: PasswordHash): Promise<void> {
  await db.query(
    `UPDATE users SET password_hash = $2, password_salt = $3, password_params = $4, updated_at = now()
     WHERE name = $1 AND password_hash = $5`,
    [name, password.hash, password.salt, JSON.stringify(password.params), old.hash],
  )
}

export async function setRole(db: Queryable, name: string, role: ServerRole): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE users SET role = $2, updated_at = now() WHERE name = $1', [name, role])
  return rowCount === 1
}

/** Disabling also ends the account's tokens; enabling gives the account back its sign-in. */
export async function setDisabled(db: Queryable, name: string, disabled: boolean): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE users SET disabled = $2, updated_at = now() WHERE name = $1', [name, disabled])
  if (rowCount !== 1) return false
  if (disabled) await db.query('DELETE FROM tokens WHERE user_name = $1', [name])
  return true
}

export async function listUsers(db: Queryable): Promise<UserListing[]> {
  const { rows } = await db.query<{ name: string; role: ServerRole; disabled: boolean; created_at: Date; last_login_at: Date | null }>(
    `SELECT u.name, u.role, u.disabled, u.created_at, max(t.created_at) AS last_login_at
     FROM users u LEFT JOIN tokens t ON t.user_name = u.name
     GROUP BY u.name ORDER BY u.name`,
  )
  return rows.map((r) => ({ name: r.name, role: r.role, disabled: r.disabled, createdAt: r.created_at, lastLoginAt: r.last_login_at }))
}

/**
 * A login attempt on an account, counted as failed BEFORE its password is checked (and cleared when
 * it succeeds): parallel attempts each see the ones before them, so they cannot all pass the
 * throttle on the same count. `wait` judges the count as it was; when it says wait (> 0), nothing is
 * counted and that wait is returned; otherwise 0 (the attempt is reserved). Row-locked: every
 * instance sees it.
 */
export async function reserveLoginAttempt(
  pool: pg.Pool,
  name: string,
  wait: (failures: number, lastFailedAt: Date | null) => number,
): Promise<number> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    try {
      const { rows } = await client.query<{ failed_logins: number; last_failed_at: Date | null }>(
        'SELECT failed_logins, last_failed_at FROM users WHERE name = $1 FOR UPDATE',
        [name],
      )
      const r = rows[0]
      const seconds = r ? wait(r.failed_logins, r.last_failed_at) : 0
      if (r && seconds === 0) {
        await client.query('UPDATE users SET failed_logins = failed_logins + 1, last_failed_at = now() WHERE name = $1', [name])
      }
      await client.query('COMMIT')
      return seconds
    } catch (error) {
      await client.query('ROLLBACK')
      throw error
    }
  } finally {
    client.release()
  }
}

export async function clearFailedLogins(db: Queryable, name: string): Promise<void> {
  await db.query('UPDATE users SET failed_logins = 0, last_failed_at = NULL WHERE name = $1 AND failed_logins > 0', [name])
}

export async function insertToken(db: Queryable, tokenSha256: Buffer, user: string, device: string, expiresAt: Date): Promise<void> {
  await db.query('INSERT INTO tokens (token_sha256, user_name, device, expires_at) VALUES ($1, $2, $3, $4)', [
    tokenSha256,
    user,
    device,
    expiresAt,
  ])
  // Expired tokens are of no use to anyone: swept as new ones are made.
  await db.query("DELETE FROM tokens WHERE expires_at < now() - interval '1 day'")
}

export interface TokenOwner {
  user: string
  role: ServerRole
  device: string
  expiresAt: Date
  expired: boolean
}

/** The live account holding a token (a disabled account's tokens are gone), or null. */
export async function tokenOwner(db: Queryable, tokenSha256: Buffer): Promise<TokenOwner | null> {
  const { rows } = await db.query<{ user_name: string; role: ServerRole; device: string; expires_at: Date; expired: boolean }>(
    `SELECT t.user_name, u.role, t.device, t.expires_at, t.expires_at <= now() AS expired
     FROM tokens t JOIN users u ON u.name = t.user_name
     WHERE t.token_sha256 = $1 AND NOT u.disabled`,
    [tokenSha256],
  )
  const r = rows[0]
  return r ? { user: r.user_name, role: r.role, device: r.device, expiresAt: r.expires_at, expired: r.expired } : null
}
