import { useTranslation } from 'react-i18next'
import { IMPORT_CRS, IMPORT_KINDS, type ImportCrs, type ImportInspection, type ImportKind, type ImportSheetInfo } from '../../../../shared/imports'
import { Field, SelectField } from '../../components/Field'
import { DistrictSelect } from '../parcels/DistrictSelect'

interface Props {
  inspection: ImportInspection
  sheet: ImportSheetInfo
  kind: ImportKind
  crs: ImportCrs
  districtCode: string
  onSheet: (name: string) => void
  onKind: (kind: ImportKind) => void
  onCrs: (crs: ImportCrs) => void
  onDistrict: (code: string) => void
}

/** Step 2's choices about the whole sheet: which sheet, what its rows are, their coordinates, their district. */
export function ImportSettings({ inspection, sheet, kind, crs, districtCode, onSheet, onKind, onCrs, onDistrict }: Props) {
  const { t } = useTranslation('imports')
  const suggested = (yes: boolean) => (yes ? t('mapping.suggested') : '')
  return (
    <div className="import-settings">
      {/* A whole workbook is read sheet by sheet in its own layout: there is no sheet to choose. */}
      {inspection.sheets.length > 1 && kind !== 'workbook' && (
        <SelectField
          label={t('mapping.sheet')}
          name="importSheet"
          value={sheet.name}
          options={inspection.sheets.map((s) => ({ value: s.name, label: t('mapping.sheetRows', { name: s.name, rows: s.rows }) }))}
          onChange={(v) => v && onSheet(v)}
        />
      )}
      <SelectField
        label={t('mapping.kind')}
        name="importKind"
        value={kind}
        options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`mapping.kinds.${k}`) + suggested(sheet.suggestedKind === k) }))}
        onChange={(v) => v && onKind(v)}
      />
      <Field label={t('mapping.crs')} hint={t('mapping.crsHint')}>
        {(id) => (
          <select id={id} name="importCrs" value={crs} onChange={(e) => onCrs(e.target.value as ImportCrs)}>
            {IMPORT_CRS.map((c) => (
              <option key={c} value={c}>{t(`mapping.crsOptions.${c}`) + suggested(sheet.suggestedCrs === c)}</option>
            ))}
          </select>
        )}
      </Field>
      <div>
        <DistrictSelect label={t('mapping.district')} placeholder={t('mapping.districtNone')} value={districtCode} onChange={onDistrict} required={false} />
        <div className="field__hint">{t('mapping.districtHint')}</div>
      </div>
    </div>
  )
}
