import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { SPACE_STATUSES, type SpaceStatus } from '../../../../../shared/domain'
import { parseFloorRange, storeyLabel } from '../../../../../shared/floors'
import type { StackingPlan } from '../../../../../shared/stacking'
import type { Space } from '../../../../../shared/types'
import { useToast } from '../../../components/Toast'
import { useBulkUpdateSpaces, useCopyFloor, useMergeSpaces } from './mutations'
import { LeaseFloors } from './LeaseFloors'
import { SplitDialog } from './SplitDialog'
import { undoBulkUpdate, undoCreated, undoMerge } from './undoCalls'
import type { UndoStack } from './useUndoStack'

interface Props {
  plan: StackingPlan
  buildingId: string
  floors: string[]
  setFloors: (floors: string[]) => void
  picked: Space[]
  clearPicked: () => void
  undo: UndoStack
}

/**
 * What can be done to the floors and units picked on the plan: select floors by typing a run
 * ("12-18"), set their status, lease them whole to a company, copy one floor's layout to others;
 * split one picked unit, merge picked neighbours.
 */
export function SelectionBar({ plan, buildingId, floors, setFloors, picked, clearPicked, undo }: Props) {
  const { t } = useTranslation(['stacking', 'buildings', 'common'], { nsMode: 'fallback' })
  const toast = useToast()
  const bulk = useBulkUpdateSpaces()
  const copy = useCopyFloor()
  const merge = useMergeSpaces()
  const [range, setRange] = useState('')
  const [rangeError, setRangeError] = useState<string | null>(null)
  const [status, setStatus] = useState<SpaceStatus>('leased')
  const [copyTo, setCopyTo] = useState('')
  const [splitting, setSplitting] = useState<Space | null>(null)

  const chosen = plan.floors.filter((f) => floors.includes(f.label))
  const spaceIds = chosen.flatMap((f) => f.spaces.map((s) => s.id))
  const fail = (e: Error) => toast(e.message)

  const selectRange = (event: FormEvent) => {
    event.preventDefault()
    const storeys = parseFloorRange(range)
    if (!storeys) {
      setRangeError(t('select.rangeInvalid', { text: range }))
      return
    }
    setRangeError(null)
    const wanted = new Set(storeys.map(storeyLabel))
    setFloors(plan.floors.filter((f) => wanted.has(f.label)).map((f) => f.label))
  }

  const setStatusOfFloors = () => {
    bulk.mutateAsync({ ids: spaceIds, patch: { status } }).then(({ previous }) => {
      const label = t('undo.bulk', { count: previous.length, status: t(`vocab.spaceStatus.${status}`) })
      if (previous.length > 0) undo.push({ label, undo: () => undoBulkUpdate(previous) })
      toast(t('select.setDone', { count: spaceIds.length, status: t(`vocab.spaceStatus.${status}`) }))
    }, fail)
  }

  const copyLayout = () => {
    const storeys = parseFloorRange(copyTo)
    if (!storeys || chosen.length !== 1) return void toast(t('select.rangeInvalid', { text: copyTo }))
    copy.mutateAsync({ buildingId, fromFloor: chosen[0]!.label, toFloors: storeys.map(storeyLabel) }).then(({ ids }) => {
      undo.push({ label: `${t('select.copyTo')} ${copyTo}`, undo: () => undoCreated(ids) })
      toast(t('select.copyDone', { count: storeys.filter((s) => storeyLabel(s) !== chosen[0]!.label).length }))
      setCopyTo('')
    }, fail)
  }

  const mergePicked = () => {
    merge.mutateAsync({ ids: picked.map((s) => s.id) }).then((result) => {
      undo.push({ label: t('undo.merge', { unit: picked.map((s) => s.unit).join('+') }), undo: () => undoMerge(result) })
      toast(t('select.mergeDone', { unit: picked.map((s) => s.unit).join('+') }))
      clearPicked()
    }, fail)
  }

  return (
    <div className="stacking__selection">
      <form className="stacking__range" onSubmit={selectRange}>
        <label>
          {t('select.range')}{' '}
          <input name="floorRange" value={range} placeholder={t('select.rangePlaceholder')} onChange={(e) => setRange(e.target.value)} aria-invalid={!!rangeError} />
        </label>
        <button type="submit">{t('select.apply')}</button>
        {rangeError && <span className="field__error" role="alert">{rangeError}</span>}
      </form>
      {chosen.length > 0 && (
        <div className="stacking__actions" role="group" aria-label={t('select.floors', { count: chosen.length, floors: '' })}>
          <span className="stacking__chosen">{t('select.floors', { count: chosen.length, floors: chosen.length > 1 ? `${chosen[chosen.length - 1]!.label}–${chosen[0]!.label}` : chosen[0]!.label })}</span>
          <label>
            {t('select.status')}{' '}
            <select name="floorStatus" value={status} onChange={(e) => setStatus(e.target.value as SpaceStatus)}>
              {SPACE_STATUSES.map((s) => (
                <option key={s} value={s}>{t(`vocab.spaceStatus.${s}`)}</option>
              ))}
            </select>
          </label>
          <button type="button" onClick={setStatusOfFloors} disabled={bulk.isPending || spaceIds.length === 0}>
            {t('select.setStatus')}
          </button>
          <LeaseFloors floors={chosen.map((f) => f.label)} spaceIds={spaceIds} undo={undo} />
          {chosen.length === 1 && (
            <span className="stacking__copy">
              <label>
                {t('select.copyTo')}{' '}
                <input name="copyTo" value={copyTo} placeholder={t('select.copyPlaceholder')} onChange={(e) => setCopyTo(e.target.value)} size={8} />
              </label>
              <button type="button" onClick={copyLayout} disabled={copy.isPending || !copyTo.trim() || chosen[0]!.spaces.length === 0}>
                {t('select.copy')}
              </button>
            </span>
          )}
          <button type="button" className="link-button" onClick={() => setFloors([])}>
            {t('select.clear')}
          </button>
        </div>
      )}
      {picked.length > 0 && (
        <div className="stacking__actions" role="group" aria-label={t('select.spaces', { count: picked.length })}>
          <span className="stacking__chosen">{t('select.spaces', { count: picked.length })}：{picked.map((s) => `${s.floorLabel}/${s.unit ?? '—'}`).join('、')}</span>
          <button type="button" disabled={picked.length !== 1} onClick={() => setSplitting(picked[0]!)}>
            {t('select.split')}
          </button>
          <button type="button" disabled={picked.length < 2 || merge.isPending} onClick={mergePicked}>
            {t('select.merge')}
          </button>
          <button type="button" className="link-button" onClick={clearPicked}>
            {t('select.clear')}
          </button>
        </div>
      )}
      {splitting && (
        <SplitDialog
          space={splitting}
          undo={undo}
          onClose={(done) => {
            setSplitting(null)
            if (done) clearPicked()
          }}
        />
      )}
    </div>
  )
}
