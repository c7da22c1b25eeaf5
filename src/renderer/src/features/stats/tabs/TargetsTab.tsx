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
import './targets/i18n'
import './targets/targets.css'

const thisYear = () => new Date().getFullYear()
/** The years offered: a few back (to look at last year's figures) and the next one (to plan it). */
const yearsAround = (year: number) => Array.from({ length: 6 }, (_, i) => year + 1 - i)

/** 年度目标: a year's targets with their completion, and one target's progress by month. */
export function TargetsTab() {
  const { t } = useTranslation('statsTargets')
  const toast = useToast()
  const [year, setYear] = useState(thisYear)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [editing, setEditing] = useState<TargetRow | 'new' | null>(null)
  const [deleting, setDeleting] = useState<TargetRow | null>(null)
  const progressRef = useRef<HTMLDivElement>(null)
  const targets = useTargets(year)
  const remove = useDeleteTarget()

  const list = targets.data ?? []
  const selected = list.find((x) => x.id === selectedId) ?? list[0] ?? null
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
          <select name="year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {yearsAround(thisYear()).map((y) => (
              <option key={y} value={y}>
                {t('yearOption', { year: y })}
              </option>
            ))}
          </select>
        </label>
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
            }} onEdit={setEditing} onDelete={setDeleting} />
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
