import type { Kysely } from 'kysely'
import type { Photo, PhotoOwnerKind } from '../../shared/photos'
import type { Database } from './schema'

const META = ['id', 'ownerKind', 'ownerId', 'mime', 'size', 'width', 'height', 'caption', 'sortOrder', 'createdAt', 'isDemo'] as const

type MetaRow = Pick<Database['photos'], (typeof META)[number]>

const toPhoto = (row: MetaRow): Photo => ({ ...row, isDemo: row.isDemo === 1, path: `photos/${row.id}` })

/** A site's live photos in their order, without the image bytes. */
export async function listPhotos(db: Kysely<Database>, ownerKind: PhotoOwnerKind, ownerId: string): Promise<Photo[]> {
  const rows = await db
    .selectFrom('photos')
    .select(META)
    .where('ownerKind', '=', ownerKind)
    .where('ownerId', '=', ownerId)
    .where('deletedAt', 'is', null)
    .orderBy('sortOrder')
    .orderBy('createdAt')
    .execute()
  return rows.map(toPhoto)
}

export async function getPhoto(db: Kysely<Database>, id: string): Promise<Photo | undefined> {
  const row = await db.selectFrom('photos').select(META).where('id', '=', id).executeTakeFirst()
  return row && toPhoto(row)
}

/**
 * What an edit of a live photo compares against (the fields photos.update may change), or
 * undefined when no live photo has this id. Never the image: an edit does not load it.
 */
export async function livePhotoFields(db: Kysely<Database>, id: string): Promise<Pick<Database['photos'], 'caption' | 'sortOrder'> | undefined> {
  return db.selectFrom('photos').select(['caption', 'sortOrder']).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst()
}

/** The image of a live photo, for the hosts to serve. */
export async function photoBytes(db: Kysely<Database>, id: string): Promise<{ bytes: Uint8Array; mime: string } | undefined> {
  return db.selectFrom('photos').select(['bytes', 'mime']).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst()
}

/** The first photo of every site that has one: the card's picture. */
export async function coverPhotos(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('photos')
    .select(['ownerKind', 'ownerId', 'id'])
    .where('deletedAt', 'is', null)
    .orderBy('ownerKind')
    .orderBy('ownerId')
    .orderBy('sortOrder', 'desc')
    .orderBy('createdAt', 'desc')
    .execute()
  // Ordered so that each site's first photo comes last and wins.
  return new Map(rows.map((r) => [`${r.ownerKind}:${r.ownerId}`, r.id]))
}

export async function nextPhotoOrder(db: Kysely<Database>, ownerKind: PhotoOwnerKind, ownerId: string): Promise<number> {
  const row = await db
    .selectFrom('photos')
    .select((eb) => eb.fn.max('sortOrder').as('last'))
    .where('ownerKind', '=', ownerKind)
    .where('ownerId', '=', ownerId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst()
  return row?.last == null ? 0 : Number(row.last) + 1
}
