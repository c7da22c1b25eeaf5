import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BuildingSummary } from '../../../../../shared/types'
import { NumberField, TextField } from '../../../components/Field'
import { useToast } from '../../../components/Toast'
import { parseNumber } from '../../../lib/form'
import { ErrorSummary } from '../FormBits'
import { formErrorsOf } from '../formErrors'
import { useGenerateFloors } from './mutations'

/**
 * "Generate floors" in one step: floors from–to (B-floors allowed), units per floor, a typical
 * area. The service fills only floors with no space yet, all or nothing.
 */
export function GenerateFloors({ building, onDone }: { building: BuildingSummary; onDone?: (ids: string[]) => void }) {
  const { t } = useTranslation(['stacking', 'buildings', 'common'], { nsMode: 'fallback' })
  const toast = useToast()
  const generate = useGenerateFloors()
  const [from, setFrom] = useState('1')
  const [to, setTo] = useState(building.floorsAbove ? String(building.floorsAbove) : '')
  const [units, setUnits] = useState('4')
  const [area, setArea] = useState('')
  const errors = formErrorsOf(generate.error)
  const e = errors.fields

  const submit = (event: FormEvent) => {
    event.preventDefault()
    // mutateAsync, not mutate's callbacks: the form leaves the page once the floors exist, and the
    // person should still hear how many units were made.
    generate
      .mutateAsync({
        buildingId: building.id,
        fromFloor: from,
        toFloor: to,
        unitsPerFloor: parseNumber(units) as number,
        typicalArea: parseNumber(area) as number,
      })
      .then(({ ids }) => {
        toast(t('generate.done', { count: ids.length }))
        onDone?.(ids)
      }, () => undefined) // shown beside the fields (generate.error)
  }

  return (
    <form className="generate-floors" onSubmit={submit} noValidate aria-label={t('generate.title')}>
      <div className="generate-floors__fields">
        <TextField label={t('generate.fromFloor')} name="fromFloor" required value={from} onChange={setFrom} error={e.fromFloor} />
        <TextField label={t('generate.toFloor')} name="toFloor" required value={to} onChange={setTo} error={e.toFloor} />
        <NumberField label={t('generate.unitsPerFloor')} name="unitsPerFloor" required value={units} onChange={setUnits} error={e.unitsPerFloor} />
        <NumberField label={t('generate.typicalArea')} name="typicalArea" required unit={t('units.m2')} value={area} onChange={setArea} error={e.typicalArea} />
        <button type="submit" className="primary" disabled={generate.isPending}>
          {generate.isPending ? t('generate.working') : t('generate.submit')}
        </button>
      </div>
      <p className="muted small">{t('generate.hint')}</p>
      {Object.keys(e).length === 0 && <ErrorSummary errors={errors} />}
    </form>
  )
}
