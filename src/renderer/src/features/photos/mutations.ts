import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Photo, PhotoOwnerKind } from '../../../../shared/photos'
import { api, type ApiCallError } from '../../api/client'
import { useApiMutation } from '../../api/hooks'

const PHOTO_READS = ['photos.list', 'map.sites'] as const

/** Upload a photo the user chose and attach it to a site: one action for the screen. */
export function useAddPhoto() {
  const client = useQueryClient()
  return useMutation<Photo, ApiCallError, { ownerKind: PhotoOwnerKind; ownerId: string; file: File; caption?: string }>({
    mutationFn: async ({ file, ...input }) => {
      const { uploadId } = await api.upload(file)
      return api.call('photos.add', { ...input, uploadId })
    },
    onSuccess: async () => {
      await Promise.all(PHOTO_READS.map((m) => client.invalidateQueries({ queryKey: [m] })))
    },
  })
}

export const useDeletePhoto = () => useApiMutation('photos.delete', PHOTO_READS)
export const useRestorePhoto = () => useApiMutation('photos.restore', PHOTO_READS)
