import { useTranslation } from 'react-i18next'
import type { Space } from '../../../../shared/types'
import { Field, NumberField, TextField } from '../../components/Field'
import type { Language } from '../../i18n'
import { formatArea } from '../../lib/format'
import { textOrNull, parseNumber } from '../../lib/form'

/** A lease's terms as typed: the spaces it covers, its dates, area, rent and notes. */
export interface LeaseTerms {
  spaceIds: string[]
  startDate: string
  endDate: string
  area: string
  rent: string
  notes: string
}

/** The terms as the lease methods take them. */
export const leaseTermsInput = (terms: LeaseTerms) => ({
  spaceIds: terms.spaceIds,
  startDate: textOrNull(terms.startDate),
  endDate: textOrNull(terms.endDate),
  area: parseNumber(terms.area),
  rent: parseNumber(terms.rent),
  notes: textOrNull(terms.notes),
})

/**
 * The fields of a lease's terms, shared by the new-lease and the edit dialogs so that both read and
 * check the same way: the building's spaces as a checklist, then dates, area, rent and notes.
 */
export function LeaseTermFields({ spaces, terms, onChange, errors, areaHint }: {
  spaces: readonly Space[]
  terms: LeaseTerms
  onChange: (patch: Partial<LeaseTerms>) => void
  errors: Record<string, string | undefined>
  areaHint?: string
}) {
  const { t, i18n } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const lang = i18n.language as Language
  const label = (field: string) => t(`leases.fields.${field}`)
  const toggle = (id: string, on: boolean) =>
    onChange({ spaceIds: on ? [...terms.spaceIds, id] : terms.spaceIds.filter((x) => x !== id) })
  return (
    <>
      <div className="form-grid__wide">
        <Field label={label('spaceIds')} required error={errors.spaceIds}>
          {(id) => (
            <div id={id} className="space-checklist" role="group">
              {spaces.length === 0 && <span className="muted">{t('leases.noSpaces')}</span>}
              {spaces.map((s) => (
                <label key={s.id} className="checkbox-field">
                  <input type="checkbox" name="spaceIds" value={s.id} checked={terms.spaceIds.includes(s.id)} onChange={(ev) => toggle(s.id, ev.target.checked)} />
                  {t('leases.spaceOption', { floor: s.floorLabel, unit: s.unit ?? '', area: formatArea(s.area, lang), status: t(`vocab.spaceStatus.${s.status}`) })}
                </label>
              ))}
            </div>
          )}
        </Field>
      </div>
      <TextField label={label('startDate')} name="startDate" type="date" value={terms.startDate} onChange={(v) => onChange({ startDate: v })} error={errors.startDate} />
      <TextField label={label('endDate')} name="endDate" type="date" value={terms.endDate} onChange={(v) => onChange({ endDate: v })} error={errors.endDate} />
      <NumberField label={label('area')} name="area" unit={t('units.m2')} value={terms.area} onChange={(v) => onChange({ area: v })} hint={areaHint} error={errors.area} />
      <NumberField label={label('rent')} name="rent" unit={t('units.rentDay')} value={terms.rent} onChange={(v) => onChange({ rent: v })} error={errors.rent} />
      <div className="form-grid__wide">
        <TextField label={label('notes')} name="notes" multiline value={terms.notes} onChange={(v) => onChange({ notes: v })} error={errors.notes} />
      </div>
    </>
  )
}
