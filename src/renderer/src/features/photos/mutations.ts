import type { PhotoOwnerKind, PhotoPosition } from '../../../../shared/photos'
import { api } from '../../api/client'
import type { UploadProgress } from '../../api/transport'
import { INVENTORY_READS, useApiMutation, useRefreshingMutation } from '../../api/hooks'

const PHOTO_READS = ['photos.list', 'map.sites'] as const

export interface AddPhotoInput {
  ownerKind: PhotoOwnerKind
  ownerId: string
  file: File
  caption?: string
  keepOriginal?: boolean
  /** Bytes sent so far; once all are sent the host is still downscaling. */
  onProgress?: UploadProgress
}

/** Upload a photo the user chose and attach it to a site: one action for the screen. */
export const useAddPhoto = () =>
  useRefreshingMutation(async ({ file, onProgress, ...input }: AddPhotoInput) => {
    const { uploadId } = await api.upload(file, onProgress)
    return api.call('photos.add', { ...input, uploadId })
  }, PHOTO_READS)

export const useDeletePhoto = () => useApiMutation('photos.delete', PHOTO_READS)
export const useRestorePhoto = () => useApiMutation('photos.restore', PHOTO_READS)

/** Puts a building or parcel where a photo was taken, through the site's own update. */
export const usePlaceSiteAtPhoto = () =>
  useRefreshingMutation(async ({ kind, id, at }: { kind: 'building' | 'parcel'; id: string; at: PhotoPosition }) => {
    const position = { id, lng: at.lng, lat: at.lat }
    return kind === 'building' ? api.call('buildings.update', position) : api.call('parcels.update', position)
  }, INVENTORY_READS)
