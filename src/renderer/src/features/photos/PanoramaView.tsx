import '@photo-sphere-viewer/core/index.css'
import { Viewer } from '@photo-sphere-viewer/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A 360° equirectangular panorama to look around in (drag, wheel to zoom), drawn with
 * Photo Sphere Viewer from the image the host serves: bundled with the app, nothing fetched from
 * elsewhere. Loaded as a chunk of its own (three.js is large) when a panorama is opened.
 */
export function PanoramaView({ src, caption }: { src: string; caption?: string }) {
  const { t } = useTranslation('photos')
  const container = useRef<HTMLDivElement>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    if (!container.current) return
    let viewer: Viewer | undefined
    try {
      viewer = new Viewer({
        container: container.current,
        panorama: src,
        caption,
        loadingTxt: t('panoramaLoading'),
        navbar: ['zoom', 'move', 'caption', 'fullscreen'],
        defaultZoomLvl: 30,
        // Our arrows step through the gallery; the view turns by dragging.
        keyboard: false,
        lang: { zoom: t('psv.zoom'), zoomOut: t('psv.zoomOut'), zoomIn: t('psv.zoomIn'), moveUp: t('psv.moveUp'), moveDown: t('psv.moveDown'), moveLeft: t('psv.moveLeft'), moveRight: t('psv.moveRight'), fullscreen: t('psv.fullscreen'), loadError: t('panoramaFailed') },
      })
      viewer.addEventListener('panorama-error', () => setFailed(true))
    } catch {
      // No WebGL (an old graphics driver): say so rather than show a blank box.
      setFailed(true)
    }
    return () => viewer?.destroy()
  }, [src, caption, t])

  return (
    <div className="panorama-view">
      <div ref={container} className="panorama-view__canvas" data-panorama-src={src} />
      {failed && <div className="form-error panorama-view__failed" role="alert">{t('panoramaFailed')}</div>}
    </div>
  )
}
