import { sql, type Kysely } from 'kysely'
import { photoPaths, type Photo, type PhotoOwnerKind } from '../../shared/photos'
import type { Database } from './schema'

const META = [
  'id', 'ownerKind', 'ownerId', 'mime', 'size', 'width', 'height', 'caption', 'sortOrder', 'createdAt', 'isDemo',
  'takenAt', 'gpsLng', 'gpsLat', 'isPanorama',
] as const

type MetaRow = Pick<Database['photos'], (typeof META)[number]> & { hasThumbnail: number; hasOriginal: number }

/** The metadata columns and whether the two optional images are there, never the images themselves. */
const selectMeta = (db: Kysely<Database>) =>
  db
    .selectFrom('photos')
    .select(META)
    .select([
      sql<number>`thumbnail IS NOT NULL`.as('hasThumbnail'),
      sql<number>`original IS NOT NULL`.as('hasOriginal'),
    ])

function toPhoto({ hasThumbnail, hasOriginal, gpsLng, gpsLat, isPanorama, ...row }: MetaRow): Photo {
  const paths = photoPaths(row.id)
  return {
    ...row,
    isDemo: row.isDemo === 1,
    path: paths.image,
    // A photo stored before thumbnails were made shows its image in the gallery.
    thumbnailPath: hasThumbnail === 1 ? paths.thumbnail : paths.image,
    gps: gpsLng != null && gpsLat != null ? { lng: gpsLng, lat: gpsLat } : null,
    isPanorama: isPanorama === 1,
    hasOriginal: hasOriginal === 1,
  }
}

/** A site's live photos in their order, without the image bytes. */
export async function listPhotos(db: Kysely<Database>, ownerKind: PhotoOwnerKind, ownerId: string): Promise<Photo[]> {
  const rows = await selectMeta(db)
    .where('ownerKind', '=', ownerKind)
    .where('ownerId', '=', ownerId)
    .where('deletedAt', 'is', null)
    .orderBy('sortOrder')
    .orderBy('createdAt')
    .execute()
  return rows.map(toPhoto)
}

export async function getPhoto(db: Kysely<Database>, id: string): Promise<Photo | undefined> {
  const row = await selectMeta(db).where('id', '=', id).executeTakeFirst()
  return row && toPhoto(row)
}

/**
 * What an edit of a live photo compares against (the fields photos.update may change), or
 * undefined when no live photo has this id. Never the image: an edit does not load it.
 */
export async function livePhotoFields(db: Kysely<Database>, id: string): Promise<Pick<Database['photos'], 'caption' | 'sortOrder'> | undefined> {
  return db.selectFrom('photos').select(['caption', 'sortOrder']).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst()
}

/** Which of a photo's images the hosts serve: the kept image, its thumbnail, or the file as it came. */
export type PhotoVariant = 'image' | 'thumbnail' | 'original'

/**
 * One image of a live photo, for the hosts to serve; undefined when there is no such photo or it
 * has no such image. The thumbnail is always JPEG; an original's type is not stored (the service sniffs it).
 */
export async function photoBytes(db: Kysely<Database>, id: string, variant: PhotoVariant = 'image'): Promise<{ bytes: Uint8Array; mime: string } | undefined> {
  const live = db.selectFrom('photos').where('id', '=', id).where('deletedAt', 'is', null)
  if (variant === 'image') return live.select(['bytes', 'mime']).executeTakeFirst()
  if (variant === 'thumbnail') {
    const row = await live.select(['thumbnail', 'bytes', 'mime']).executeTakeFirst()
    if (!row) return undefined
    // A photo stored before thumbnails were made: its image stands in.
    return row.thumbnail ? { bytes: row.thumbnail, mime: 'image/jpeg' } : { bytes: row.bytes, mime: row.mime }
  }
  const row = await live.select('original').executeTakeFirst()
  return row?.original ? { bytes: row.original, mime: 'application/octet-stream' } : undefined
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
