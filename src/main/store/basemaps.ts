import type { Kysely } from 'kysely'
import type { BasemapRow, Database, NewRow } from './schema'
import { getSetting, setSetting } from './settings'

// The basemaps this device has. They are the device's own (file paths, caches), so they are not
// logged field by field like person-edited rows; each write is still one transaction.

/** The settings key holding the id of the basemap the map shows ('' = the embedded boundary map). */
export const ACTIVE_BASEMAP_KEY = 'map.basemap'

export type BasemapPatch = Partial<Pick<BasemapRow, 'name' | 'crs' | 'attribution' | 'bounds' | 'format'>>

export async function listBasemapRows(db: Kysely<Database>): Promise<BasemapRow[]> {
  return db.selectFrom('basemaps').selectAll().orderBy('createdAt').orderBy('name').execute()
}

export async function getBasemapRow(db: Kysely<Database>, id: string): Promise<BasemapRow | undefined> {
  return db.selectFrom('basemaps').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertBasemap(db: Kysely<Database>, row: Omit<NewRow<'basemaps'>, 'createdAt' | 'updatedAt'>): Promise<void> {
  const now = new Date().toISOString()
  await db.insertInto('basemaps').values({ ...row, createdAt: now, updatedAt: now }).execute()
}

/** Applies a patch; false when the basemap does not exist. */
export async function updateBasemap(db: Kysely<Database>, id: string, patch: BasemapPatch): Promise<boolean> {
  if (Object.keys(patch).length === 0) return (await getBasemapRow(db, id)) !== undefined
  const result = await db
    .updateTable('basemaps')
    .set({ ...patch, updatedAt: new Date().toISOString() })
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Deletes the row and, if it was the active basemap, falls back to the embedded map, in one transaction. */
export async function deleteBasemap(db: Kysely<Database>, id: string): Promise<BasemapRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await getBasemapRow(trx, id)
    if (!row) return undefined
    await trx.deleteFrom('basemaps').where('id', '=', id).execute()
    if ((await getSetting(trx, ACTIVE_BASEMAP_KEY)) === id) await setSetting(trx, ACTIVE_BASEMAP_KEY, '')
    return row
  })
}

export async function getActiveBasemapId(db: Kysely<Database>): Promise<string | null> {
  const id = await getSetting(db, ACTIVE_BASEMAP_KEY)
  if (!id) return null
  // A setting left pointing at a removed basemap reads as the embedded map.
  return (await getBasemapRow(db, id)) ? id : null
}

/** Sets the active basemap (null = embedded map); false when the id names no basemap. */
export async function setActiveBasemapId(db: Kysely<Database>, id: string | null): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (id !== null && !(await getBasemapRow(trx, id))) return false
    await setSetting(trx, ACTIVE_BASEMAP_KEY, id ?? '')
    return true
  })
}
