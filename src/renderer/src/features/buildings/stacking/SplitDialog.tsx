import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { splitUnits } from '../../../../../shared/stacking'
import type { Space } from '../../../../../shared/types'
import { NumberField, TextField } from '../../../components/Field'
import { useToast } from '../../../components/Toast'
import type { Language } from '../../../i18n'
import { numberText, parseNumber } from '../../../lib/form'
import { formatArea } from '../../../lib/format'
import { Dialog, ErrorSummary } from '../FormBits'
import { formErrorsOf } from '../formErrors'
import { useSplitSpace } from './mutations'
import { undoSplit } from './undoCalls'
import type { UndoStack } from './useUndoStack'

/** Splits a space in two by area; the units default to 1201A / 1201B. */
export function SplitDialog({ space, undo, onClose }: { space: Space; undo: UndoStack; onClose: (done: boolean) => void }) {
  const { t, i18n } = useTranslation(['stacking', 'buildings', 'common'], { nsMode: 'fallback' })
  const lang = i18n.language as Language
  const toast = useToast()
  const split = useSplitSpace()
  const [defaultA, defaultB] = splitUnits(space.unit)
  const half = Math.round((space.area / 2) * 100) / 100
  const [unitA, setUnitA] = useState(defaultA)
  const [unitB, setUnitB] = useState(defaultB)
  const [areaA, setAreaA] = useState(numberText(half))
  // The second part follows the first so the two always add up unless the person types both.
  const [areaB, setAreaB] = useState<string | null>(null)
  const shownB = areaB ?? numberText(Math.round((space.area - (parseNumber(areaA) ?? 0)) * 100) / 100)
  const errors = formErrorsOf(split.error)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    split.mutate(
      { id: space.id, areas: [parseNumber(areaA) as number, parseNumber(shownB) as number], units: [unitA, unitB] },
      {
        onSuccess: (result) => {
          undo.push({ label: t('undo.split', { unit: space.unit ?? '' }), undo: () => undoSplit(result) })
          toast(t('select.splitDone', { a: unitA, b: unitB }))
          onClose(true)
        },
      },
    )
  }

  return (
    <Dialog title={t('split.title')} onClose={() => onClose(false)}>
      <form onSubmit={submit} noValidate>
        <p>{t('split.of', { floor: space.floorLabel, unit: space.unit ?? '', area: formatArea(space.area, lang) })}</p>
        <div className="form-grid form-grid--compact">
          <TextField label={`${t('split.first')} · ${t('split.unit')}`} name="unitA" value={unitA} onChange={setUnitA} />
          <NumberField label={`${t('split.first')} · ${t('split.area')}`} name="areaA" unit={t('units.m2')} value={areaA} onChange={setAreaA} />
          <TextField label={`${t('split.second')} · ${t('split.unit')}`} name="unitB" value={unitB} onChange={setUnitB} />
          <NumberField label={`${t('split.second')} · ${t('split.area')}`} name="areaB" unit={t('units.m2')} value={shownB} onChange={setAreaB} hint={t('split.sum', { area: formatArea(space.area, lang) })} />
        </div>
        <ErrorSummary errors={errors} />
        <div className="modal__actions">
          <button type="submit" className="primary" disabled={split.isPending}>
            {t('select.split')}
          </button>
          <button type="button" onClick={() => onClose(false)}>
            {t('actions.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
