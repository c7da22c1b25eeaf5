import { createHash, randomUUID } from 'node:crypto'
import type pg from 'pg'
import { ENTITY_VIEWS, viewName, viewStatements } from './views'

// The team server's PostgreSQL schema, created and migrated at start. Versioned (meta.schema_version),
// each step in the one transaction that holds an advisory lock, so two instances starting at once
// against an empty database do not both create it (CREATE TABLE IF NOT EXISTS alone races on the
// catalogue). A database migrated by a newer server is refused rather than written wrongly.

/** Advisory lock keys (any bigint constant unique to this program). */
export const SCHEMA_LOCK = 7_240_131_001
export const PUSH_LOCK = 7_240_131_002

const STEPS: string[][] = [
  // 1: operations, blobs, accounts, the merged state.
  [
    `CREATE TABLE ops (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      op_id text NOT NULL UNIQUE,
      hlc text NOT NULL,
      device text NOT NULL,
      actor text NOT NULL,
      at text NOT NULL,
      table_name text NOT NULL,
      row_id text NOT NULL,
      op text NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'restore')),
      field text,
      old_value text,
      new_value text,
      pred jsonb NOT NULL DEFAULT '[]',
      received_at timestamptz NOT NULL DEFAULT now(),
      received_by text NOT NULL)`,
    `CREATE INDEX ops_row ON ops (table_name, row_id)`,
    `CREATE TABLE blobs (
      sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      bytes bytea NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE TABLE users (
      name text PRIMARY KEY,
      role text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
      password_hash bytea NOT NULL,
      password_salt bytea NOT NULL,
      password_params jsonb NOT NULL,
      disabled boolean NOT NULL DEFAULT false,
      failed_logins integer NOT NULL DEFAULT 0,
      last_failed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE TABLE tokens (
      token_sha256 bytea PRIMARY KEY,
      user_name text NOT NULL REFERENCES users (name) ON DELETE CASCADE,
      device text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL)`,
    `CREATE INDEX tokens_expiry ON tokens (expires_at)`,
    `CREATE TABLE merged_rows (
      table_name text NOT NULL,
      row_id text NOT NULL,
      deleted boolean NOT NULL,
      fields jsonb NOT NULL,
      conflicted_fields text[] NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (table_name, row_id))`,
    `CREATE INDEX merged_rows_conflicted ON merged_rows (table_name) WHERE cardinality(conflicted_fields) > 0`,
  ],
  // 2: operations an admin took out of circulation (`ops quarantine`): kept, never served.
  [`ALTER TABLE ops ADD COLUMN quarantined_at timestamptz`, `ALTER TABLE ops ADD COLUMN quarantined_by text`],
]

export const SCHEMA_VERSION = STEPS.length

export class SchemaError extends Error {}

/** Creates or upgrades the schema, and (re)creates the entity views when their definition changed. */
export async function migrate(client: pg.PoolClient): Promise<{ serverId: string }> {
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK])
    await client.query('CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL)')
    const version = Number((await readMeta(client, 'schema_version')) ?? '0')
    if (version > SCHEMA_VERSION) {
      throw new SchemaError(
        `数据库：由更新版本的服务器建立（结构版本 ${version}，本程序只认识到 ${SCHEMA_VERSION}），请升级 Site Atlas 后再启动`,
      )
    }
    for (let v = version; v < SCHEMA_VERSION; v++) for (const statement of STEPS[v]!) await client.query(statement)
    if (version !== SCHEMA_VERSION) await writeMeta(client, 'schema_version', String(SCHEMA_VERSION))
    let serverId = await readMeta(client, 'server_id')
    if (!serverId) {
      serverId = randomUUID()
      await writeMeta(client, 'server_id', serverId)
    }
    await ensureViews(client)
    await client.query('COMMIT')
    return { serverId }
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  }
}

async function ensureViews(client: pg.PoolClient): Promise<void> {
  const statements = viewStatements()
  const digest = createHash('sha256').update(statements.join(';\n')).digest('hex')
  if ((await readMeta(client, 'views_sha256')) === digest) return
  // Dropped and made again: CREATE OR REPLACE VIEW cannot remove or reorder columns.
  for (const table of Object.keys(ENTITY_VIEWS)) await client.query(`DROP VIEW IF EXISTS ${viewName(table)}`)
  for (const statement of statements) await client.query(statement)
  await writeMeta(client, 'views_sha256', digest)
}

async function readMeta(client: pg.PoolClient, key: string): Promise<string | null> {
  const { rows } = await client.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key])
  return rows[0]?.value ?? null
}

async function writeMeta(client: pg.PoolClient, key: string, value: string): Promise<void> {
  await client.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [
    key,
    value,
  ])
}
