import { useTranslation } from 'react-i18next'
import type { ImportCrs, ImportKind, ImportOptions, ImportPreview } from '../../../../shared/imports'
import { ErrorMessage } from '../../components/Page'
import { ImportSettings } from './ImportSettings'
import { DISTRICT_FIELD, duplicateTargets, effectiveMapping, fieldsOf, mappingInput, missingRequired, type MappingOverrides } from './mappingRules'
import { MappingGrid } from './MappingGrid'
import { usePreviewImport } from './mutations'
import { useImportInspection } from './queries'

/** What the person chose in step 2; null/undefined: the importer's suggestion stands. */
export interface MappingChoice {
  sheet?: string
  headerRow?: number
  kind: ImportKind | null
  crs: ImportCrs | null
  districtCode: string
  overrides: MappingOverrides
}

export const NO_CHOICE: MappingChoice = { kind: null, crs: null, districtCode: '', overrides: {} }

interface Props {
  upload: { uploadId: string; fileName: string }
  choice: MappingChoice
  onChoice: (choice: MappingChoice) => void
  onBack: () => void
  onPreviewed: (options: ImportOptions, preview: ImportPreview) => void
}

/** Step 2: the sheet, its header row, what the rows are, their coordinates and district, and the column mapping. */
export function MappingStep({ upload, choice, onChoice, onBack, onPreviewed }: Props) {
  const { t } = useTranslation('imports')
  // The whole file (every sheet, headers as detected), and once the person picks a header row,
  // that sheet read again with it: an inspection naming a sheet answers for that sheet alone.
  const inspection = useImportInspection({ uploadId: upload.uploadId })
  const reread = useImportInspection(
    choice.headerRow !== undefined && choice.sheet !== undefined ? { uploadId: upload.uploadId, sheet: choice.sheet, headerRow: choice.headerRow } : null,
  )
  const preview = usePreviewImport()

  if (inspection.isPending) return <div className="loading" role="status">{t('mapping.reading')}</div>
  if (inspection.error) {
    return (
      <section className="panel">
        <ErrorMessage error={inspection.error} />
        <div className="form-actions"><button type="button" onClick={onBack}>{t('mapping.back')}</button></div>
      </section>
    )
  }
  const data = inspection.data
  const sheet =
    (choice.headerRow !== undefined ? reread.data?.sheets.find((s) => s.name === choice.sheet) : undefined) ??
    data.sheets.find((s) => s.name === choice.sheet) ??
    data.sheets.find((s) => s.suggestedKind !== null) ??
    data.sheets[0]
  if (!sheet) {
    return (
      <section className="panel">
        <p className="form-error" role="alert">{t('mapping.noSheets')}</p>
        <div className="form-actions"><button type="button" onClick={onBack}>{t('mapping.back')}</button></div>
      </section>
    )
  }
  const kind = choice.kind ?? sheet.suggestedKind ?? 'buildings'
  const crs = choice.crs ?? sheet.suggestedCrs ?? 'wgs84'
  const fields = fieldsOf(data.fields, kind)
  const mapping = effectiveMapping(sheet, fields, choice.overrides)
  const missing = missingRequired(fields, mapping, choice.districtCode !== '')
  const duplicates = duplicateTargets(fields, mapping)
  const flagged = new Set([...mapping].filter(([, key]) => duplicates.some((f) => f.key === key)).map(([index]) => index))
  const busy = reread.isFetching
  // A new sheet or header row means new columns: the person's column choices no longer apply.
  const change = (next: Partial<MappingChoice>, keepOverrides = true) => {
    preview.reset()
    onChoice({ ...choice, ...next, ...(keepOverrides ? {} : { overrides: {} }) })
  }

  const options: ImportOptions = {
    uploadId: upload.uploadId,
    sheet: sheet.name,
    headerRow: sheet.headerRow,
    kind,
    crs,
    ...(kind !== 'workbook' ? { mapping: mappingInput(mapping) } : {}),
    ...(choice.districtCode ? { districtCode: choice.districtCode } : {}),
  }
  const blocked = missing.length > 0 || duplicates.length > 0

  return (
    <section className="panel import-mapping" aria-labelledby="import-mapping-title">
      <h2 id="import-mapping-title" className="visually-hidden">{t('steps.mapping')}</h2>
      <div className="import-file-facts muted small">
        <span>{t('mapping.file', { name: data.fileName })}</span>
        {data.encoding && <span>{t('mapping.encoding', { encoding: data.encoding.toUpperCase() })}</span>}
        <span>{t('mapping.rows', { rows: sheet.rows })}</span>
      </div>
      <ImportSettings
        inspection={data}
        sheet={sheet}
        kind={kind}
        crs={crs}
        districtCode={choice.districtCode}
        onSheet={(name) => {
          // Another sheet may hold another kind of rows: its own detected kind replaces the choice.
          const next = data.sheets.find((s) => s.name === name)?.suggestedKind
          change({ sheet: name, headerRow: undefined, ...(next && next !== 'workbook' ? { kind: null } : {}) }, false)
        }}
        onKind={(k) => change({ kind: k })}
        onCrs={(c) => change({ crs: c })}
        onDistrict={(code) => change({ districtCode: code })}
      />
      {kind === 'workbook' ? (
        <p className="modal__note">{t('mapping.workbook')}</p>
      ) : (
        <>
          <div className="import-mapping__head">
            <h3>{t('mapping.grid')}</h3>
            <span className="field__hint">{t('mapping.gridHint')}</span>
          </div>
          <MappingGrid
            sheet={sheet}
            fields={fields}
            mapping={mapping}
            flagged={flagged}
            busy={busy}
            onHeaderRow={(row) => change({ sheet: sheet.name, headerRow: row }, false)}
            onMap={(column, field) => change({ overrides: { ...choice.overrides, [column]: field } })}
          />
          {missing.length > 0 && (
            <div className="form-error" role="alert" data-mapping-missing>
              {t('mapping.missing', { fields: missing.map((f) => f.label).join('、') })}
              {missing.some((f) => f.key === DISTRICT_FIELD) && t('mapping.missingDistrict')}
            </div>
          )}
          {duplicates.length > 0 && <div className="form-error" role="alert">{t('mapping.duplicate', { fields: duplicates.map((f) => f.label).join('、') })}</div>}
        </>
      )}
      {reread.error && <ErrorMessage error={reread.error} />}
      {preview.error && <div className="form-error" role="alert">{preview.error.message}</div>}
      <div className="form-actions">
        <button type="button" className="primary" disabled={blocked || busy || preview.isPending} onClick={() => preview.mutate(options, { onSuccess: (p) => onPreviewed(options, p) })}>
          {preview.isPending ? t('mapping.previewing') : t('mapping.preview')}
        </button>
        <button type="button" onClick={onBack}>{t('mapping.back')}</button>
      </div>
    </section>
  )
}
