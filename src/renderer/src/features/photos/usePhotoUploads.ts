import { useCallback, useRef, useState } from 'react'
import { MAX_PHOTO_BYTES, type PhotoOwnerKind } from '../../../../shared/photos'
import { useAddPhoto } from './mutations'

// Several photos dropped or picked at once: each gets a row with its own progress and, when it is
// refused, its own reason; they are sent one after another (the host downscales one at a time
// anyway), and one refused file does not stop the others.

export type UploadState = 'waiting' | 'sending' | 'processing' | 'done' | 'failed'

export interface PhotoUpload {
  key: number
  name: string
  state: UploadState
  /** 0–1 of the bytes sent. */
  sent: number
  error?: string
}

const MB = 1024 * 1024

export function usePhotoUploads(ownerKind: PhotoOwnerKind, ownerId: string, messages: { tooLarge: (mb: string) => string }) {
  const add = useAddPhoto()
  const [uploads, setUploads] = useState<PhotoUpload[]>([])
  const nextKey = useRef(0)
  const queue = useRef<Promise<void>>(Promise.resolve())

  const patch = useCallback((key: number, change: Partial<PhotoUpload>) => {
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)))
  }, [])

  const addFiles = useCallback(
    (files: File[], keepOriginal: boolean) => {
      const entries = files.map((file) => ({ file, key: nextKey.current++ }))
      setUploads((list) => [
        // Finished rows of an earlier batch make way; failures stay until dismissed.
        ...list.filter((u) => u.state !== 'done'),
        ...entries.map(({ file, key }) => ({ key, name: file.name, state: 'waiting' as const, sent: 0 })),
      ])
      for (const { file, key } of entries) {
        queue.current = queue.current.then(async () => {
          // Refused here without sending it: the host would refuse it after the whole upload.
          if (file.size > MAX_PHOTO_BYTES) {
            patch(key, { state: 'failed', error: messages.tooLarge((file.size / MB).toFixed(1)) })
            return
          }
          patch(key, { state: 'sending' })
          try {
            await add.mutateAsync({
              ownerKind, ownerId, file, keepOriginal,
              onProgress: (sent, total) => patch(key, total > 0 && sent >= total ? { state: 'processing', sent: 1 } : { sent: total > 0 ? sent / total : 0 }),
            })
            patch(key, { state: 'done', sent: 1 })
          } catch (error) {
            patch(key, { state: 'failed', error: error instanceof Error ? error.message : String(error) })
          }
        })
      }
    },
    [add, ownerKind, ownerId, patch, messages],
  )

  const dismiss = useCallback((key: number) => setUploads((list) => list.filter((u) => u.key !== key)), [])
  return { uploads, addFiles, dismiss }
}
