import fsp from 'node:fs/promises'
import type { Kysely } from 'kysely'
import type { PhotoOwnerKind } from '../../../shared/photos'
import { DomainError } from '../../../shared/result'
import { getPhoto, listPhotos, livePhotoFields, nextPhotoOrder, photoBytes, type PhotoVariant } from '../../store/photos'
import type { Database, LoggedTable } from '../../store/schema'
import { insertRow, restoreRow, softDeleteRow, updateRow, write } from '../../store/writer'
import type { FeatureHandlers, ServiceContext } from '../context'
import { requireDeleted, requireLive } from '../guards'
import { checkPhotoSize, sniffPhotoMime } from './image'
import { processPhoto } from './process'

const OWNER: Record<PhotoOwnerKind, { table: LoggedTable; label: string }> = {
  building: { table: 'buildings', label: '楼宇' },
  parcel: { table: 'parcels', label: '地块' },
  park: { table: 'parks', label: '园区' },
}

/** requireLive for a photo, reading only the fields an edit compares (not the image). */
async function requireLivePhoto(db: Kysely<Database>, id: string) {
  const row = await livePhotoFields(db, id)
  if (!row) throw new DomainError('not_found', '照片：找不到该记录（可能已被删除）')
  return row
}

export const photoHandlers = {
  'photos.list': async ({ ownerKind, ownerId }, { store }) => listPhotos(store.db, ownerKind, ownerId),

  // The file is read, checked and processed (downscaled, thumbnail, EXIF) before the transaction;
  // the upload is let go only once the photo is stored, so a refused file can be chosen again
  // without uploading it twice.
  'photos.add': async ({ ownerKind, ownerId, uploadId, caption, keepOriginal }, ctx) => {
    const upload = ctx.uploads.get(uploadId)
    if (!upload) throw new DomainError('invalid', '上传文件：找不到该文件，请重新选择', 'uploadId')
    // The size is known before reading: a file of gigabytes is refused without being loaded.
    checkPhotoSize(upload.size)
    const file = await fsp.readFile(upload.path) // a Buffer is a Uint8Array: no copy
    const { isPanorama, ...photo } = await processPhoto(file, { keepOriginal })
    const id = await write(ctx.store.db, ctx.author, async (w) => {
      await requireLive(w.trx, OWNER[ownerKind].table, ownerId, OWNER[ownerKind].label, 'ownerId')
      const sortOrder = await nextPhotoOrder(w.trx, ownerKind, ownerId)
      return insertRow(w, 'photos', {
        ownerKind, ownerId, ...photo, isPanorama: isPanorama ? 1 : 0, size: photo.bytes.byteLength, caption: caption ?? null, sortOrder,
      })
    })
    await ctx.uploads.discard(uploadId)
    return (await getPhoto(ctx.store.db, id))!
  },

  'photos.update': async ({ id, ...patch }, { store, author }) => {
    await write(store.db, author, async (w) => {
      const before = await requireLivePhoto(w.trx, id)
      await updateRow(w, 'photos', id, patch, before)
    })
    return (await getPhoto(store.db, id))!
  },

  'photos.delete': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireLivePhoto(w.trx, id)
      await softDeleteRow(w, 'photos', id)
      return null
    }),

  'photos.restore': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      const deletedAt = await requireDeleted(w.trx, 'photos', id, '照片')
      await restoreRow(w, 'photos', id, deletedAt)
      return null
    }),
} satisfies FeatureHandlers<'photos'>

/** One image of a live photo, for the hosts' /photos/<id>[/thumb|/original] paths. */
export async function readPhoto(ctx: ServiceContext, id: string, variant: PhotoVariant = 'image'): Promise<{ bytes: Uint8Array; contentType: string } | null> {
  const found = await photoBytes(ctx.store.db, id, variant)
  if (!found) return null
  // The original's type is not stored: it is what its bytes say (it was checked when it came).
  const contentType = variant === 'original' ? (sniffPhotoMime(found.bytes) ?? 'application/octet-stream') : found.mime
  return { bytes: found.bytes, contentType }
}
