import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { FIT_OUTS, SPACE_STATUSES, type FitOut, type SpaceStatus } from '../../../../shared/domain'
import type { Space } from '../../../../shared/types'
import { CheckboxField, NumberField, SelectField, TextField } from '../../components/Field'
import { useToast } from '../../components/Toast'
import { changedFields, numberText, parseNumber, textOrNull } from '../../lib/form'
import { Dialog, ErrorSummary, useFocusFirstError } from './FormBits'
import { OpenLeaseLink } from '../tenancy/OpenLeaseLink'
import { formErrorsOf } from './formErrors'
import { useCreateSpace, useUpdateSpace } from './mutations'

interface SpaceFormState {
  floorLabel: string
  unit: string
  area: string
  status: SpaceStatus
  askingRent: string
  fitOut: FitOut | ''
  availableFrom: string
  divisible: boolean
  notes: string
}

const stateOf = (s?: Space): SpaceFormState => ({
  floorLabel: s?.floorLabel ?? '',
  unit: s?.unit ?? '',
  area: numberText(s?.area),
  status: s?.status ?? 'vacant',
  askingRent: numberText(s?.askingRent),
  fitOut: s?.fitOut ?? '',
  availableFrom: s?.availableFrom ?? '',
  divisible: s?.divisible ?? false,
  notes: s?.notes ?? '',
})

const inputOf = (s: SpaceFormState) => ({
  floorLabel: s.floorLabel,
  unit: textOrNull(s.unit),
  // An empty area is sent as it is so the server names the missing field.
  area: parseNumber(s.area) as number,
  status: s.status,
  askingRent: parseNumber(s.askingRent),
  fitOut: s.fitOut || null,
  availableFrom: textOrNull(s.availableFrom),
  divisible: s.divisible,
  notes: textOrNull(s.notes),
})

/** Adds a space to a building, or edits one when `space` is given. */
export function SpaceDialog({ buildingId, space, onClose }: { buildingId: string; space?: Space; onClose: () => void }) {
  const { t } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const toast = useToast()
  const create = useCreateSpace()
  const update = useUpdateSpace()
  const [s, setS] = useState(() => stateOf(space))
  const set = <K extends keyof SpaceFormState>(key: K) => (value: SpaceFormState[K]) => setS((prev) => ({ ...prev, [key]: value }))
  const pending = create.isPending || update.isPending
  const errors = formErrorsOf(space ? update.error : create.error)
  const e = errors.fields
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, errors)
  const label = (field: keyof SpaceFormState) => t(`spaces.fields.${field}`)

  const done = () => {
    toast(t('state.saved'))
    onClose()
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    // An edit sends what changed: a legacy area under 1 m² left as it was does not block the save.
    if (space) update.mutate({ id: space.id, ...changedFields(inputOf(s), inputOf(stateOf(space))) }, { onSuccess: done })
    else create.mutate({ buildingId, ...inputOf(s) }, { onSuccess: done })
  }

  return (
    <Dialog title={space ? t('spaces.editTitle') : t('spaces.add')} onClose={onClose} wide>
      <form ref={formRef} className="space-form" onSubmit={submit} noValidate>
        <div className="form-grid form-grid--compact">
          <TextField label={label('floorLabel')} name="floorLabel" required value={s.floorLabel} onChange={set('floorLabel')} hint={t('spaces.floorHint')} error={e.floorLabel} />
          <TextField label={label('unit')} name="unit" value={s.unit} onChange={set('unit')} error={e.unit} />
          <NumberField label={label('area')} name="area" required unit={t('units.m2')} value={s.area} onChange={set('area')} error={e.area} />
          <SelectField
            label={label('status')}
            name="status"
            required
            value={s.status}
            options={SPACE_STATUSES.map((v) => ({ value: v, label: t(`vocab.spaceStatus.${v}`) }))}
            onChange={(v) => set('status')(v || 'vacant')}
            error={e.status}
          />
          <NumberField label={label('askingRent')} name="askingRent" unit={t('units.rentDay')} value={s.askingRent} onChange={set('askingRent')} error={e.askingRent} />
          <SelectField
            label={label('fitOut')}
            name="fitOut"
            value={s.fitOut}
            emptyLabel={t('none')}
            options={FIT_OUTS.map((v) => ({ value: v, label: t(`vocab.fitOut.${v}`) }))}
            onChange={set('fitOut')}
            error={e.fitOut}
          />
          <TextField label={label('availableFrom')} name="availableFrom" type="date" value={s.availableFrom} onChange={set('availableFrom')} error={e.availableFrom} />
          <CheckboxField label={label('divisible')} name="divisible" checked={s.divisible} onChange={set('divisible')} />
          <div className="form-grid__wide">
            <TextField label={label('notes')} name="notes" multiline value={s.notes} onChange={set('notes')} error={e.notes} />
          </div>
        </div>
        <ErrorSummary errors={errors} />
        <OpenLeaseLink error={space ? update.error : create.error} buildingId={buildingId} onOpen={onClose} />
        <div className="modal__actions">
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t('actions.saving') : t('actions.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('actions.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
