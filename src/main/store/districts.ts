import type { Kysely } from 'kysely'
import type { District } from '../../shared/types'
import type { Database } from './schema'

export async function listDistricts(db: Kysely<Database>): Promise<District[]> {
  return db
    .selectFrom('districts')
    .select(['code', 'name', 'city', 'province'])
    .where('deletedAt', 'is', null)
    .orderBy('code')
    .execute()
}

/** The district with this code, live or deleted (the code is its primary key either way). */
export async function findDistrict(
  db: Kysely<Database>,
  code: string,
): Promise<{ code: string; name: string; deletedAt: string | null } | undefined> {
  return db.selectFrom('districts').select(['code', 'name', 'deletedAt']).where('code', '=', code).executeTakeFirst()
}
