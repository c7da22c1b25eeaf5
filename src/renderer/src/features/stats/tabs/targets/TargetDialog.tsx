import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { COMPUTED_TARGET_KINDS, TARGET_KINDS, TARGET_UNITS, type TargetKind, type TargetRow } from '../../../../../../shared/stats'
import { Dialog } from '../../../../components/Dialog'
import { Field, NumberField, SelectField, TextField } from '../../../../components/Field'
import { useToast } from '../../../../components/Toast'
import { numberText, parseNumber, textOrNull } from '../../../../lib/form'
import { ErrorSummary, useFocusFirstError } from '../../../buildings/FormBits'
import { formErrorsOf } from '../../../buildings/formErrors'
import { useCreateTarget, useUpdateTarget } from './mutations'
import './i18n'

interface FormState {
  kind: TargetKind
  name: string
  unit: string
  targetValue: string
  notes: string
}

const stateOf = (t?: TargetRow): FormState => ({
  kind: t?.kind ?? 'new_above_scale_tenants',
  name: t?.name ?? '',
  unit: t?.kind === 'custom' ? t.unit : '',
  targetValue: numberText(t?.targetValue),
  notes: t?.notes ?? '',
})

const unitOf = (kind: TargetKind) => (kind === 'custom' ? null : TARGET_UNITS[kind])

/** Adds a target to a year, or edits one (its kind stays: what it counts is what it is). */
export function TargetDialog({ year, target, onClose }: { year: number; target?: TargetRow; onClose: () => void }) {
  const { t } = useTranslation('statsTargets')
  const toast = useToast()
  const create = useCreateTarget()
  const update = useUpdateTarget()
  const [s, setS] = useState(() => (target ? stateOf(target) : { ...stateOf(), name: t('kinds.new_above_scale_tenants') }))
  const set = <K extends keyof FormState>(key: K) => (value: FormState[K]) => setS((prev) => ({ ...prev, [key]: value }))
  const errors = formErrorsOf(target ? update.error : create.error)
  const e = errors.fields
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, errors)
  const pending = create.isPending || update.isPending
  const fixedUnit = unitOf(s.kind)

  const chooseKind = (kind: TargetKind | '') => {
    const next = kind || 'new_above_scale_tenants'
    // The name follows the kind until the person writes their own.
    setS((prev) => ({ ...prev, kind: next, name: prev.name === '' || prev.name === t(`kinds.${prev.kind}`) ? (next === 'custom' ? '' : t(`kinds.${next}`)) : prev.name }))
  }
  const done = () => {
    toast(t('saved'))
    onClose()
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    // An empty target value is sent as it is so the server names the field.
    const targetValue = parseNumber(s.targetValue) as number
    // Only a custom target has a unit of its own; empty, the server names the field.
    const unit = s.kind === 'custom' ? textOrNull(s.unit) : undefined
    if (target) update.mutate({ id: target.id, name: s.name, unit, targetValue, notes: textOrNull(s.notes) }, { onSuccess: done })
    else create.mutate({ year, kind: s.kind, name: s.name, unit, targetValue, notes: textOrNull(s.notes) }, { onSuccess: done })
  }

  return (
    <Dialog title={target ? t('dialog.editTitle') : t('dialog.addTitle', { year })} onClose={onClose}>
      <form ref={formRef} className="target-form" onSubmit={submit} noValidate>
        <div className="form-grid form-grid--compact">
          {target ? (
            <Field label={t('dialog.kind')}>{(id) => <input id={id} name="kind" value={t(`kinds.${target.kind}`)} readOnly />}</Field>
          ) : (
            <SelectField
              label={t('dialog.kind')}
              name="kind"
              required
              value={s.kind}
              options={TARGET_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              onChange={chooseKind}
              error={e.kind}
            />
          )}
          <TextField label={t('dialog.name')} name="name" required value={s.name} onChange={set('name')} error={e.name} />
          {fixedUnit === null ? (
            <TextField label={t('dialog.unit')} name="unit" required value={s.unit} onChange={set('unit')} placeholder={t('dialog.unitHint')} error={e.unit} />
          ) : null}
          <NumberField
            label={t('dialog.targetValue')}
            name="targetValue"
            required
            unit={fixedUnit ?? (s.unit || undefined)}
            value={s.targetValue}
            onChange={set('targetValue')}
            error={e.targetValue}
            hint={COMPUTED_TARGET_KINDS.includes(s.kind) ? t('dialog.computedHint') : t('dialog.enteredHint')}
          />
          <div className="form-grid__wide">
            <TextField label={t('dialog.notes')} name="notes" multiline value={s.notes} onChange={set('notes')} error={e.notes} />
          </div>
        </div>
        <ErrorSummary errors={errors} />
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
