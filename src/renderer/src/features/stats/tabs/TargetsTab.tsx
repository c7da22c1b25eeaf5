import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TargetRow } from '../../../../../shared/stats'
import { ConfirmDialog } from '../../../components/Dialog'
import { EmptyState, ErrorMessage, Loading } from '../../../components/Page'
import { useToast } from '../../../components/Toast'
import { useDeleteTarget } from './targets/mutations'
import { useTargets } from './targets/queries'
import { TargetDialog } from './targets/TargetDialog'
import { TargetList } from './targets/TargetList'
import { TargetProgress } from './targets/TargetProgress'
import { FIRST_YEAR, LAST_YEAR, parseYear } from './targets/year'
import './targets/i18n'
import './targets/targets.css'

const thisYear = () => new Date().getFullYear()

/** 年度目标: a year's targets with their completion, and one target's progress by month. */
export function TargetsTab() {
  const { t } = useTranslation('statsTargets')
  const toast = useToast()
  const [year, setYear] = useState(thisYear)
  // What the year box holds while being typed; the list follows once it is a year.
  const [yearText, setYearText] = useState(() => String(thisYear()))
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [editing, setEditing] = useState<TargetRow | 'new' | null>(null)
  const [deleting, setDeleting] = useState<TargetRow | null>(null)
  const progressRef = useRef<HTMLDivElement>(null)
  const targets = useTargets(year)
  const remove = useDeleteTarget()

  const list = targets.data ?? []
  const selected = list.find((x) => x.id === selectedId) ?? list[0] ?? null
  const askDelete = (target: TargetRow) => {
    // A failure to delete another target earlier is not this one's.
    remove.reset()
    setDeleting(target)
  }
  const confirmDelete = () => {
    if (!deleting) return
    remove.mutate(
      { id: deleting.id },
      {
        onSuccess: () => {
          toast(t('deleted', { name: deleting.name }))
          setDeleting(null)
        },
      },
    )
  }

  return (
    <div className="targets">
      <div className="targets__bar">
        <label>
          {t('year')}{' '}
          <input
            type="number"
            name="year"
            className="targets__year"
            min={FIRST_YEAR}
            max={LAST_YEAR}
            step={1}
            value={yearText}
            onChange={(e) => {
              setYearText(e.target.value)
              const typed = parseYear(e.target.value)
              if (typed !== null) setYear(typed)
            }}
            onBlur={() => setYearText(String(year))}
          />
        </label>
        {year !== thisYear() && (
          <button type="button" className="link-button" onClick={() => { setYear(thisYear()); setYearText(String(thisYear())) }}>
            {t('thisYear')}
          </button>
        )}
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('add')}
        </button>
      </div>
      {targets.isPending ? (
        <Loading />
      ) : targets.error ? (
        <ErrorMessage error={targets.error} onRetry={() => void targets.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState title={t('empty', { year })} body={t('emptyBody')} />
      ) : (
        <>
          <TargetList targets={list} selectedId={selected?.id ?? null} onSelect={(x) => {
              setSelectedId(x.id)
              // Below the list at 1280×720: brought into view once it has been drawn.
              requestAnimationFrame(() => progressRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }))
            }} onEdit={setEditing} onDelete={askDelete} />
          <div ref={progressRef}>{selected && <TargetProgress key={selected.id} target={selected} />}</div>
        </>
      )}
      {editing && <TargetDialog year={year} target={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDialog
          title={t('deleteTitle')}
          message={remove.error ? remove.error.message : t('deleteMessage', { name: deleting.name })}
          confirmLabel={t('actions.delete')}
          pending={remove.isPending}
          onConfirm={confirmDelete}
          onCancel={() => setDeleting(null)}
        />
      )}
    </div>
  )
}
