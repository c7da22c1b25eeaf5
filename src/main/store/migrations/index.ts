import type { Migration } from 'kysely'
import * as m001 from './001_initial'

/**
 * The ordered record of migrations. A bundled app has no migrations folder to scan at run time,
 * so they are listed here; the schema version of a store is the number of entries applied.
 */
export const migrations: Record<string, Migration> = {
  '001_initial': m001,
}

export const LATEST_SCHEMA_VERSION = Object.keys(migrations).length
