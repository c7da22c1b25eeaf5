import type { Kysely } from 'kysely'
import type { Database } from './schema'

export async function getSetting(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value ?? null
}

export async function setSetting(db: Kysely<Database>, key: string, value: string): Promise<void> {
  const updatedAt = new Date().toISOString()
  await db
    .insertInto('settings')
    .values({ key, value, updatedAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt }))
    .execute()
}

export async function listSettings(db: Kysely<Database>, prefix: string): Promise<Record<string, string>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'like', `${prefix}%`).execute()
  return Object.fromEntries(rows.map((r) => [r.key, r.value]))
}
