import type { PhotoOwnerKind } from '../../../../shared/photos'
import { api } from '../../api/client'
import { useApiMutation, useRefreshingMutation } from '../../api/hooks'

const PHOTO_READS = ['photos.list', 'map.sites'] as const

/** Upload a photo the user chose and attach it to a site: one action for the screen. */
export const useAddPhoto = () =>
  useRefreshingMutation(async ({ file, ...input }: { ownerKind: PhotoOwnerKind; ownerId: string; file: File; caption?: string }) => {
    const { uploadId } = await api.upload(file)
    return api.call('photos.add', { ...input, uploadId })
  }, PHOTO_READS)

export const useDeletePhoto = () => useApiMutation('photos.delete', PHOTO_READS)
export const useRestorePhoto = () => useApiMutation('photos.restore', PHOTO_READS)
