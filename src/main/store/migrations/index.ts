import type { Migration } from 'kysely'
import * as m001 from './001_initial'
import * as m002 from './002_map'
import * as m003 from './003_figure_indexes'
import * as m004 from './004_photos'
import * as m005 from './005_imports'
import * as m006 from './006_visits'
import * as m007 from './007_sites_version'
import * as m008 from './008_field_survey'
import * as m009 from './009_space_checks'
import * as m010 from './010_stats_targets'
import * as m011 from './011_sync'

/**
 * The ordered record of migrations. A bundled app has no migrations folder to scan at run time,
 * so they are listed here; the schema version of a store is the number of entries applied.
 */
export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_map': m002,
  '003_figure_indexes': m003,
  '004_photos': m004,
  '005_imports': m005,
  '006_visits': m006,
  '007_sites_version': m007,
  '008_field_survey': m008,
  '009_space_checks': m009,
  '010_stats_targets': m010,
  '011_sync': m011,
}

export const LATEST_SCHEMA_VERSION = Object.keys(migrations).length
