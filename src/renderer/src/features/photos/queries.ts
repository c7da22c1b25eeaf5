import type { PhotoOwnerKind } from '../../../../shared/photos'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'

export const usePhotos = (ownerKind: PhotoOwnerKind, ownerId: string) => useApiQuery('photos.list', { ownerKind, ownerId })

/** The address of a photo's image as this host serves it. */
export const photoUrl = (photoId: string) => api.assetUrl(`photos/${photoId}`)

/** The address of one of a photo's images by its relative path (Photo.path, thumbnailPath, photoPaths().original). */
export const photoAssetUrl = (assetPath: string) => api.assetUrl(assetPath)
