import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ImportKind } from '../../../../shared/imports'
import { formatCount } from '../../lib/format'
import { useCancelImportJob } from './mutations'
import { useImportBatches, useImportJob } from './queries'
import { UndoImportButton } from './UndoImportButton'

const LISTS: Record<ImportKind, Array<'buildings' | 'parcels' | 'parks'>> = {
  buildings: ['buildings'],
  parcels: ['parcels'],
  parks: ['parks'],
  workbook: ['buildings', 'parcels', 'parks'],
}

/** Step 4: the import running (rows done of total, cancel), then what it did, with undo. */
export function RunStep({ jobId, kind, onBack, onAnother }: { jobId: string; kind: ImportKind; onBack: () => void; onAnother: () => void }) {
  const { t } = useTranslation('imports')
  const job = useImportJob(jobId)
  const cancel = useCancelImportJob()
  const batches = useImportBatches()
  const j = job.data
  const batch = j?.resultId ? batches.data?.find((b) => b.id === j.resultId) : undefined

  return (
    <section className="panel import-run" aria-labelledby="import-run-title">
      <h2 id="import-run-title">{j?.state === 'done' ? t('run.done') : t('run.running')}</h2>
      {job.error && <div className="form-error" role="alert">{job.error.message}</div>}
      {j && (
        <div className="progress" role="progressbar" aria-label={t('run.running')} aria-valuenow={j.done} aria-valuemin={0} aria-valuemax={j.total} data-job-state={j.state}>
          <div className="progress__bar" style={{ width: `${j.total > 0 ? (j.done / j.total) * 100 : 0}%` }} />
          {/* Until the file is read the total is unknown: the job says what it is doing instead. */}
          <span>{j.total > 0 ? t('run.progress', { done: formatCount(j.done), total: formatCount(j.total) }) : (j.state === 'running' ? j.message : null) ?? t('run.running')}</span>
        </div>
      )}
      {j?.state === 'running' && (
        <div className="form-actions">
          <button type="button" className="danger" disabled={cancel.isPending} onClick={() => cancel.mutate({ id: j.id })}>
            {cancel.isPending ? t('run.cancelling') : t('run.cancel')}
          </button>
        </div>
      )}
      {j?.state === 'cancelled' && <p role="status" className="import-run__outcome">{t('run.cancelled')}</p>}
      {j?.state === 'failed' && <p role="alert" className="form-error">{t('run.failed', { message: j.message ?? '' })}</p>}
      {j?.state === 'done' && batch && (
        <div className="import-run__result" role="status">
          <div className="stat-tiles import-totals import-run__counts">
            {([['created', batch.created], ['updated', batch.updated], ['skipped', batch.rejected]] as const).map(([k, n]) => (
              <div key={k} className={`stat-tile import-totals__${k}`} data-result={k}>
                <div className="stat-tile__value">{formatCount(n)}</div>
                <div className="stat-tile__label">{t(`run.counts.${k}`)}</div>
              </div>
            ))}
          </div>
          <p>
            {t('run.see')}
            {[...LISTS[kind], 'map' as const].map((l, i) => (
              <span key={l}>
                {i > 0 && ' · '}
                <Link to={`/${l}`}>{t(`run.links.${l}`)}</Link>
              </span>
            ))}
          </p>
          {batch.undoneAt ? <p role="status" data-undone>{t('run.undone')}</p> : <UndoImportButton batch={batch} label={t('run.undo')} />}
        </div>
      )}
      {j && j.state !== 'running' && (
        <div className="form-actions">
          {(j.state === 'cancelled' || j.state === 'failed') && <button type="button" onClick={onBack}>{t('run.backToPreview')}</button>}
          <button type="button" onClick={onAnother}>{t('run.another')}</button>
          <Link to="/imports/history">{t('historyLink')}</Link>
        </div>
      )}
    </section>
  )
}
