import { useTranslation } from 'react-i18next'
import { PARK_STATUSES } from '../../../../shared/domain'
import type { FormErrors } from '../parcels/formKit'
import { emptyHost, emptySubPark, type HostRow, type SubParkRow } from './parkForm'
import { useHostBuildingOptions } from './queries'

// The two editable lists of the park form. Inputs are named by their API path
// (`subParks.1.name`), which is also the path of a server error, so each message sits in its cell.

function Cell({ name, label, value, onChange, error, inputMode }: { name: string; label: string; value: string; onChange: (v: string) => void; error?: string; inputMode?: 'decimal' }) {
  return (
    <div className={`row-cell${error ? ' field--error' : ''}`}>
      <input name={name} aria-label={label} value={value} inputMode={inputMode} aria-invalid={Boolean(error)} onChange={(e) => onChange(e.target.value)} />
      {error && <div className="field__error" role="alert" data-field-error>{error}</div>}
    </div>
  )
}

function update<R>(rows: R[], index: number, patch: Partial<R>): R[] {
  return rows.map((r, i) => (i === index ? { ...r, ...patch } : r))
}

export function SubParkRows({ rows, onChange, errors }: { rows: SubParkRow[]; onChange: (rows: SubParkRow[]) => void; errors: FormErrors }) {
  const { t } = useTranslation('parks')
  const listError = errors.at('subParks')
  return (
    <div className="child-rows" data-testid="sub-park-rows">
      {rows.length === 0 ? <div className="child-rows__empty">{t('subPark.empty')}</div> : (
        <div className="child-rows__head child-rows__grid--sub">
          <span>{t('subPark.name')}</span><span>{t('subPark.theme')}</span><span>{t('subPark.area')} (m²)</span><span>{t('subPark.status')}</span><span />
        </div>
      )}
      {rows.map((row, i) => {
        const path = `subParks.${i}`
        const label = (field: string) => `${t('subPark.row', { n: i + 1 })} ${t(`subPark.${field}`)}`
        return (
          <div key={row.key} className="child-rows__row child-rows__grid--sub" data-testid="sub-park-row">
            <Cell name={`${path}.name`} label={label('name')} value={row.name} onChange={(name) => onChange(update(rows, i, { name }))} error={errors.under(`${path}.name`) ?? errors.at(path) ?? errors.under(`${path}.id`)} />
            <Cell name={`${path}.theme`} label={label('theme')} value={row.theme} onChange={(theme) => onChange(update(rows, i, { theme }))} error={errors.under(`${path}.theme`)} />
            <Cell name={`${path}.area`} label={label('area')} value={row.area} inputMode="decimal" onChange={(area) => onChange(update(rows, i, { area }))} error={errors.under(`${path}.area`)} />
            <div className={`row-cell${errors.under(`${path}.status`) ? ' field--error' : ''}`}>
              <select name={`${path}.status`} aria-label={label('status')} value={row.status} onChange={(e) => onChange(update(rows, i, { status: e.target.value as SubParkRow['status'] }))}>
                <option value="">{t('subPark.asPark')}</option>
                {PARK_STATUSES.map((v) => <option key={v} value={v}>{t(`common:vocab.parkStatus.${v}`)}</option>)}
              </select>
              {errors.under(`${path}.status`) && <div className="field__error" role="alert" data-field-error>{errors.under(`${path}.status`)}</div>}
            </div>
            <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>{t('subPark.remove')}</button>
          </div>
        )
      })}
      {listError && <div className="field__error" role="alert" data-field-error>{listError}</div>}
      <button type="button" onClick={() => onChange([...rows, emptySubPark()])}>{t('subPark.add')}</button>
    </div>
  )
}

export function HostRows({ rows, onChange, errors }: { rows: HostRow[]; onChange: (rows: HostRow[]) => void; errors: FormErrors }) {
  const { t } = useTranslation('parks')
  const buildings = useHostBuildingOptions()
  const options = (buildings.data ?? []).map((b) => ({ value: b.id, label: `${b.name}（${b.districtName}）` }))
  const listError = errors.at('hosts')
  return (
    <div className="child-rows" data-testid="host-rows">
      {rows.length === 0 ? <div className="child-rows__empty">{t('host.empty')}</div> : (
        <div className="child-rows__head child-rows__grid--host">
          <span>{t('host.buildingId')}</span><span>{t('host.floors')}</span><span>{t('host.area')} (m²)</span><span />
        </div>
      )}
      {rows.map((row, i) => {
        const path = `hosts.${i}`
        const label = (field: string) => `${t('host.row', { n: i + 1 })} ${t(`host.${field}`)}`
        const buildingError = errors.under(`${path}.buildingId`) ?? errors.at(path) ?? errors.under(`${path}.id`)
        // A host whose building is no longer listed (deleted since) still shows by id until changed.
        const known = row.buildingId === '' || options.some((o) => o.value === row.buildingId)
        return (
          <div key={row.key} className="child-rows__row child-rows__grid--host" data-testid="host-row">
            <div className={`row-cell${buildingError ? ' field--error' : ''}`}>
              <select name={`${path}.buildingId`} aria-label={label('buildingId')} value={row.buildingId} aria-invalid={Boolean(buildingError)} onChange={(e) => onChange(update(rows, i, { buildingId: e.target.value }))}>
                <option value="">{t('host.choose')}</option>
                {!known && <option value={row.buildingId}>{row.buildingId}</option>}
                {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
              {buildingError && <div className="field__error" role="alert" data-field-error>{buildingError}</div>}
            </div>
            <Cell name={`${path}.floors`} label={label('floors')} value={row.floors} onChange={(floors) => onChange(update(rows, i, { floors }))} error={errors.under(`${path}.floors`)} />
            <Cell name={`${path}.area`} label={label('area')} value={row.area} inputMode="decimal" onChange={(area) => onChange(update(rows, i, { area }))} error={errors.under(`${path}.area`)} />
            <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>{t('host.remove')}</button>
          </div>
        )
      })}
      {rows.length > 0 && <div className="field__hint">{t('host.floorsHint')}</div>}
      {listError && <div className="field__error" role="alert" data-field-error>{listError}</div>}
      <button type="button" onClick={() => onChange([...rows, emptyHost()])}>{t('host.add')}</button>
    </div>
  )
}
