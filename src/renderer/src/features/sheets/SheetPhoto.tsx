import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import { useReadyTask } from './readiness'

/** Print width of a photo: enough for a half-page picture at 300 dpi and a small PDF. */
const PRINT_WIDTH = 1200
const JPEG_QUALITY = 0.82

/**
 * A site's photo downscaled in the page to print resolution (a JPEG data URL at most 1200 px
 * wide), so that a sheet of twenty sites stays small enough to send by WeChat.
 */
export function SheetPhoto({ photoId, alt }: { photoId: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  const finish = useReadyTask(`photo:${photoId}`)

  useEffect(() => {
    let cancelled = false
    setSrc(null)
    setFailed(false)
    const image = new Image()
    image.onload = () => {
      if (cancelled) return
      const scale = Math.min(1, PRINT_WIDTH / image.naturalWidth)
      const canvas = document.createElement('canvas')
      canvas.width = Math.max(1, Math.round(image.naturalWidth * scale))
      canvas.height = Math.max(1, Math.round(image.naturalHeight * scale))
      const context = canvas.getContext('2d')
      if (!context) {
        setSrc(image.src)
        return
      }
      context.drawImage(image, 0, 0, canvas.width, canvas.height)
      setSrc(canvas.toDataURL('image/jpeg', JPEG_QUALITY))
    }
    image.onerror = () => {
      if (cancelled) return
      setFailed(true)
      finish()
    }
    image.src = api.assetUrl(`photos/${photoId}`)
    return () => {
      cancelled = true
    }
    // `finish` belongs to this photo's task, which the photo id keys.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [photoId])

  if (failed) return null
  if (!src) return <div className="sheet-photo sheet-photo--loading" />
  return <img className="sheet-photo" src={src} alt={alt} onLoad={finish} onError={finish} />
}
