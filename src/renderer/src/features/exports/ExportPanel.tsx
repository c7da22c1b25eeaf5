import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EXPORT_TABLES, type ExportFormat, type ExportTable } from '../../../../shared/exports'
import type { SiteScope } from '../../../../shared/siteScope'
import { isEmptyFilter } from '../../../../shared/mapFilter'
import { formatBytes, formatCount } from '../../lib/format'
import { useMapState } from '../map/mapState'
import { useCancelExport, useSaveExport, useStartExport } from './mutations'
import { useDistricts, useExportFile, useExportJob, useSavedSearches } from './queries'

// Choose a format and what to export, watch the job, and save the file when it is made.

export type ScopeChoice = 'all' | 'selection' | 'filter' | 'search' | 'district'
const FORMATS: ExportFormat[] = ['xlsx', 'csv', 'geojson']

export function ExportPanel({ initialScope = 'all', onClose }: { initialScope?: ScopeChoice; onClose?: () => void }) {
  const { t } = useTranslation('exports')
  const map = useMapState()
  const searches = useSavedSearches()
  const districts = useDistricts()
  const [format, setFormat] = useState<ExportFormat>('xlsx')
  const [table, setTable] = useState<ExportTable>('buildings')
  const [choice, setChoice] = useState<ScopeChoice>(initialScope)
  const [searchId, setSearchId] = useState('')
  const [districtCode, setDistrictCode] = useState('')
  const [jobId, setJobId] = useState<string | null>(null)
  const start = useStartExport()
  const cancel = useCancelExport()
  const save = useSaveExport()
  const job = useExportJob(jobId).data
  const file = useExportFile(job?.state === 'done' ? job.resultId : null).data
  const [savedId, setSavedId] = useState<string | null>(null)

  const hasFilter = !isEmptyFilter(map.filter) || map.area !== null
  const scope: SiteScope | null | undefined =
    choice === 'all' ? undefined
    : choice === 'selection' ? (map.selection.length > 0 ? { kind: 'ids', sites: map.selection } : null)
    : choice === 'filter' ? { kind: 'filter', filter: map.filter, area: map.area }
    : choice === 'search' ? (searchId ? { kind: 'search', searchId } : null)
    : districtCode ? { kind: 'district', districtCode } : null

  // The file is saved once, as soon as it is made; "save again" is there for a cancelled dialog.
  const saveFile = save.mutate
  useEffect(() => {
    if (!file || savedId === file.id) return
    setSavedId(file.id)
    saveFile({ assetPath: file.assetPath, fileName: file.fileName })
  }, [file, savedId, saveFile])

  const running = job?.state === 'running' || start.isPending
  const choose = (next: ScopeChoice) => () => setChoice(next)
  const radio = (value: ScopeChoice, label: string, disabled = false) => (
    <label className="export__option">
      <input type="radio" name="exportScope" value={value} checked={choice === value} disabled={disabled || running} onChange={choose(value)} />
      {label}
    </label>
  )

  return (
    <div className="export">
      <fieldset className="export__group">
        <legend>{t('format.label')}</legend>
        {FORMATS.map((f) => (
          <label key={f} className="export__option">
            <input type="radio" name="exportFormat" value={f} checked={format === f} disabled={running} onChange={() => setFormat(f)} />
            {t(`format.${f}`)}
          </label>
        ))}
        {format === 'csv' && (
          <label className="field export__inline">
            <span>{t('table.label')}</span>
            <select name="exportTable" value={table} disabled={running} onChange={(e) => setTable(e.target.value as ExportTable)}>
              {EXPORT_TABLES.map((name) => <option key={name} value={name}>{t(`table.${name}`)}</option>)}
            </select>
          </label>
        )}
      </fieldset>
      <fieldset className="export__group">
        <legend>{t('scope.label')}</legend>
        {radio('all', t('scope.all'))}
        {radio('selection', t('scope.selection', { count: map.selection.length }), map.selection.length === 0)}
        {radio('filter', `${t('scope.filter')}${hasFilter ? '' : ` ${t('scope.noFilter')}`}`)}
        <div className="export__inline">
          {radio('search', t('scope.search'), (searches.data ?? []).length === 0)}
          <select name="exportSearch" aria-label={t('scope.search')} value={searchId} disabled={running} onChange={(e) => { setSearchId(e.target.value); setChoice('search') }}>
            <option value="">{t('scope.choose')}</option>
            {(searches.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </div>
        <div className="export__inline">
          {radio('district', t('scope.district'))}
          <select name="exportDistrict" aria-label={t('scope.district')} value={districtCode} disabled={running} onChange={(e) => { setDistrictCode(e.target.value); setChoice('district') }}>
            <option value="">{t('scope.choose')}</option>
            {(districts.data ?? []).map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
          </select>
        </div>
      </fieldset>

      {start.error && <div className="form-error" role="alert">{start.error.message}</div>}
      {job && (
        <div className="export__status">
          {job.state === 'running' && (
            <div className="progress" role="progressbar" aria-valuenow={job.done} aria-valuemin={0} aria-valuemax={job.total} data-job-state={job.state}>
              <div className="progress__bar" style={{ width: `${job.total > 0 ? (job.done / job.total) * 100 : 0}%` }} />
              <span>{t('progress', { done: formatCount(job.done), total: formatCount(job.total) })}</span>
            </div>
          )}
          {job.state === 'done' && file && (
            <p role="status" data-export-file={file.fileName}>
              {t('done', { name: file.fileName, size: formatBytes(file.size) })}
              {save.data && ` · ${save.data.saved ? t('saved') : t('notSaved')}`}
            </p>
          )}
          {job.state === 'failed' && <p className="form-error" role="alert">{t('failed', { message: job.message ?? '' })}</p>}
          {job.state === 'cancelled' && <p role="status">{t('cancelled')}</p>}
          {save.error && <p className="form-error" role="alert">{save.error.message}</p>}
        </div>
      )}

      <div className="modal__actions">
        {!running && (
          <button
            type="button"
            className="primary"
            disabled={scope === null}
            onClick={() => {
              // The last file stays marked as saved, so only the new one is saved when it is made.
              setJobId(null)
              start.mutate({ format, ...(format === 'csv' ? { table } : {}), ...(scope ? { scope } : {}) }, { onSuccess: ({ jobId: id }) => setJobId(id) })
            }}
          >
            {t('start')}
          </button>
        )}
        {job?.state === 'running' && (
          <button type="button" className="danger" onClick={() => cancel.mutate({ id: job.id })}>{t('cancel')}</button>
        )}
        {job?.state === 'done' && file && (
          <button type="button" onClick={() => save.mutate({ assetPath: file.assetPath, fileName: file.fileName })}>{t('saveAgain')}</button>
        )}
        {onClose && <button type="button" onClick={onClose}>{t('close')}</button>}
      </div>
    </div>
  )
}
