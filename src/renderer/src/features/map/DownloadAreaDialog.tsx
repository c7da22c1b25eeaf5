import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Basemap } from '../../../../shared/types'
import { Dialog } from '../../components/Dialog'
import { formatBytes, formatCount } from '../../lib/format'
import { useCancelJob, useDownloadArea, useEstimateArea } from '../basemaps/mutations'
import { useJob } from '../basemaps/queries'

const TILE_LIMIT = 50_000

/** Saves the tiles of the current view, from its zoom to a chosen deeper one, with progress. */
export function DownloadAreaDialog({ basemap, bbox, fromZoom, onClose }: { basemap: Basemap; bbox: [number, number, number, number]; fromZoom: number; onClose: () => void }) {
  const { t } = useTranslation('basemaps')
  const minZoom = Math.max(basemap.minZoom, Math.min(fromZoom, basemap.maxZoom))
  const [maxZoom, setMaxZoom] = useState(Math.min(basemap.maxZoom, minZoom + 3))
  const estimate = useEstimateArea()
  const download = useDownloadArea()
  const cancel = useCancelJob()
  const [jobId, setJobId] = useState<string | null>(null)
  const job = useJob(jobId)
  const estimateArea = estimate.mutate

  useEffect(() => {
    estimateArea({ id: basemap.id, bbox, minZoom, maxZoom })
  }, [estimateArea, basemap.id, bbox, minZoom, maxZoom])

  const e = estimate.data
  const tooMany = e !== undefined && e.tiles > TILE_LIMIT
  const j = job.data
  const zooms = Array.from({ length: basemap.maxZoom - minZoom + 1 }, (_, i) => minZoom + i)

  return (
    <Dialog title={t('download.title')} onClose={onClose}>
      <p>{t('download.area')}</p>
      <label className="field">
        <span>{t('download.zooms', { min: minZoom })}</span>
        <select name="downloadMaxZoom" value={maxZoom} disabled={jobId !== null} onChange={(ev) => setMaxZoom(Number(ev.target.value))}>
          {zooms.map((z) => (
            <option key={z} value={z}>{z}</option>
          ))}
        </select>
      </label>
      {e && (
        <p data-estimate-tiles={e.tiles}>
          {t('download.estimate', { tiles: formatCount(e.tiles), cached: formatCount(e.cachedTiles), size: formatBytes(e.estimatedBytes) })}
        </p>
      )}
      {tooMany && <div className="form-error">{t('download.tooMany')}</div>}
      {(estimate.error ?? download.error) && <div className="form-error" role="alert">{(estimate.error ?? download.error)!.message}</div>}
      {j && (
        <>
          <div className="progress" role="progressbar" aria-valuenow={j.done} aria-valuemin={0} aria-valuemax={j.total} data-job-state={j.state}>
            <div className="progress__bar" style={{ width: `${j.total > 0 ? (j.done / j.total) * 100 : 0}%` }} />
            <span>{t('download.progress', { done: formatCount(j.done), total: formatCount(j.total), size: formatBytes(j.bytes) })}</span>
          </div>
          {j.state === 'done' && <p role="status">{t('download.done', { done: formatCount(j.done), failed: formatCount(j.failed) })}</p>}
          {j.state === 'failed' && <p className="form-error" role="alert">{t('download.failed', { message: j.message ?? '' })}</p>}
          {j.state === 'cancelled' && <p role="status">{t('download.cancelled')}</p>}
        </>
      )}
      <div className="modal__actions">
        {jobId === null && (
          <button
            type="button"
            className="primary"
            disabled={!e || tooMany || download.isPending}
            onClick={() => download.mutate({ id: basemap.id, bbox, minZoom, maxZoom }, { onSuccess: ({ jobId: id }) => setJobId(id) })}
          >
            {t('download.start')}
          </button>
        )}
        {j?.state === 'running' && (
          <button type="button" className="danger" onClick={() => cancel.mutate({ id: j.id })}>{t('download.cancel')}</button>
        )}
        <button type="button" onClick={onClose}>{t('download.close')}</button>
      </div>
    </Dialog>
  )
}
