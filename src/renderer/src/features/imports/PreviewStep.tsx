import { useTranslation } from 'react-i18next'
import type { ImportOptions, ImportPreview } from '../../../../shared/imports'
import { formatCount } from '../../lib/format'
import { useRunImport } from './mutations'
import { fileRejected, rejectedRowCount } from './problemRows'
import { ProblemTable } from './ProblemTable'
import { RowPlanTable } from './RowPlanTable'

interface Props {
  options: ImportOptions
  preview: ImportPreview
  onBack: () => void
  onStarted: (jobId: string) => void
}

/** Step 3: the dry run's outcome, every problem by row and column, and the choice to import the valid rows or go back. Nothing is written here. */
export function PreviewStep({ options, preview, onBack, onStarted }: Props) {
  const { t } = useTranslation('imports')
  const run = useRunImport()
  const valid = preview.created + preview.updated
  const rejected = rejectedRowCount(preview)
  const canImport = valid > 0 && !fileRejected(preview)
  const related = Object.entries(preview.related).filter(([, n]) => n > 0)
  const tiles = [
    ['created', preview.created, 'rows'],
    ['updated', preview.updated, 'rows'],
    ['rejected', rejected, 'rows'],
    ['warnings', preview.warnings.length, null],
  ] as const

  return (
    <section className="panel import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" className="visually-hidden">{t('steps.preview')}</h2>
      <div className="stat-tiles import-totals">
        {tiles.map(([key, n, unit]) => (
          <div key={key} className={`stat-tile import-totals__${key}`} data-total={key}>
            <div className="stat-tile__value">{formatCount(n)}{unit && <small> {t(`preview.totals.${unit}`)}</small>}</div>
            <div className="stat-tile__label">{t(`preview.totals.${key}`)}</div>
          </div>
        ))}
        <div className="import-totals__notes small muted">
          <div>{t('preview.totals.total', { total: formatCount(preview.total) })}</div>
          {related.length > 0 && (
            <div>{t('preview.related', { items: related.map(([k, n]) => t(`preview.relatedKinds.${k}`, { n: formatCount(n), defaultValue: `${k} ${n}` })).join('、') })}</div>
          )}
          <div role="status">{t('preview.nothingWritten')}</div>
        </div>
      </div>
      <div className="import-preview__tables">
        <ProblemTable preview={preview} />
        <RowPlanTable rows={preview.rows} total={preview.total} />
      </div>
      {run.error && <div className="form-error" role="alert">{run.error.message}</div>}
      <div className="form-actions import-preview__actions">
        <button
          type="button"
          className="primary"
          disabled={!canImport || run.isPending}
          onClick={() => run.mutate({ ...options, skipInvalid: rejected > 0 }, { onSuccess: ({ jobId }) => onStarted(jobId) })}
        >
          {rejected > 0 ? t('preview.importValid', { valid: formatCount(valid), rejected: formatCount(rejected) }) : t('preview.importAll', { valid: formatCount(valid) })}
        </button>
        <button type="button" onClick={onBack}>{t('preview.back')}</button>
        <span className="muted small">{canImport ? t('preview.fixFileNote') : t('preview.nothingValid')}</span>
      </div>
    </section>
  )
}
