import type { Kysely } from 'kysely'
import type { MapArea, MapFilter } from '../../shared/mapFilter'
import type { SavedSearch } from '../../shared/types'
import type { Database, SavedSearchRow } from './schema'
import { sortByName } from './collate'

function toSavedSearch(row: SavedSearchRow): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    filter: JSON.parse(row.filters) as MapFilter,
    area: row.area ? (JSON.parse(row.area) as MapArea) : null,
    notes: row.notes,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
    isDemo: row.isDemo === 1,
  }
}

export async function listSavedSearches(db: Kysely<Database>): Promise<SavedSearch[]> {
  const rows = await db.selectFrom('savedSearches').selectAll().where('deletedAt', 'is', null).orderBy('name').execute()
  return sortByName(rows).map(toSavedSearch)
}

export async function getSavedSearch(db: Kysely<Database>, id: string): Promise<SavedSearch | undefined> {
  const row = await db.selectFrom('savedSearches').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toSavedSearch(row)
}

/** The live saved search named `name`, other than `exceptId`: names are unique among live ones. */
export async function findLiveSavedSearchByName(db: Kysely<Database>, name: string, exceptId?: string): Promise<string | undefined> {
  let query = db.selectFrom('savedSearches').select('id').where('name', '=', name).where('deletedAt', 'is', null)
  if (exceptId) query = query.where('id', '!=', exceptId)
  return (await query.executeTakeFirst())?.id
}
