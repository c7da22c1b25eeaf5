import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SpaceStatus } from '../../../../../shared/domain'
import { stackingPlan } from '../../../../../shared/stacking'
import type { BuildingDetail } from '../../../../../shared/types'
import type { Language } from '../../../i18n'
import { parseNumber } from '../../../lib/form'
import { formatArea } from '../../../lib/format'
import { useUpdateSpace } from '../mutations'
import { GenerateFloors } from './GenerateFloors'
import { STATUS_KEYS } from './i18n'
import { useMarkVerified } from './mutations'
import { PlanLegend } from './PlanLegend'
import { undoSpaceField } from './undoCalls'
import { localToday } from './StackingPlan'
import type { UndoStack } from './useUndoStack'

interface Cursor {
  row: number
  col: number
}

/** A change shown until the store's answer arrives: what the person just typed. */
type Pending = { status?: SpaceStatus; area?: number }

/**
 * The keyboard grid for walking a tower: rows are floors (top first), columns the units of each
 * floor. Arrows move; a status letter or a number sets the cell; Enter edits and commits the area;
 * Ctrl+Z undoes; V marks the floor verified, and leaving a floor one changed marks it too. Every
 * change is one call, saved as it is made. The grid follows the WAI-ARIA grid pattern: one cell in
 * the tab order, focus moved with the cursor, each cell named by floor, unit, status and area.
 */
export function WalkGrid({ detail, undo }: { detail: BuildingDetail; undo: UndoStack }) {
  const { t, i18n } = useTranslation(['stacking', 'buildings', 'common'], { nsMode: 'fallback' })
  const lang = i18n.language as Language
  const { building, spaces, leases } = detail
  const update = useUpdateSpace()
  const verify = useMarkVerified()
  const plan = useMemo(
    () => stackingPlan(spaces, leases, localToday(), { above: building.floorsAbove, below: building.floorsBelow }),
    [spaces, leases, building.floorsAbove, building.floorsBelow],
  )
  const rows = plan.floors.filter((f) => f.spaces.length > 0)
  const columns = Math.max(1, ...rows.map((f) => f.spaces.length))
  const [cursor, setCursor] = useState<Cursor>({ row: 0, col: 0 })
  const [editing, setEditing] = useState<string | null>(null)
  const [pending, setPending] = useState<Record<string, Pending>>({})
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null)
  const edited = useRef(new Set<string>())
  const gridRef = useRef<HTMLDivElement>(null)
  const focusWanted = useRef(false)
  // Floors generated from this grid: the form goes away with them, and the focus moves to the first cell.
  const wasEmpty = useRef(rows.length === 0)
  if (wasEmpty.current && rows.length > 0) {
    wasEmpty.current = false
    focusWanted.current = true
  }

  const row = rows[Math.min(cursor.row, rows.length - 1)]
  const space = row?.spaces[cursor.col]
  const say = (text: string, error = false) => setMessage({ text, error })

  // Focus follows the cursor once the person is in the grid (not when the page first draws).
  useEffect(() => {
    if (!focusWanted.current || editing !== null) return
    gridRef.current?.querySelector<HTMLElement>('[data-active="true"]')?.focus()
  }, [cursor, editing, rows.length])

  // Leaving the grid leaves the floor one was on: floors changed and not yet marked are verified.
  const verifyLater = useRef(verify.mutateAsync)
  verifyLater.current = verify.mutateAsync
  useEffect(() => {
    const floors = edited.current
    return () => {
      for (const floorLabel of floors) void verifyLater.current({ kind: 'floor', id: building.id, floorLabel }).catch(() => undefined)
      floors.clear()
    }
  }, [building.id])

  const markFloor = (floorLabel: string) => {
    edited.current.delete(floorLabel)
    verify.mutateAsync({ kind: 'floor', id: building.id, floorLabel }).then(
      () => say(t('grid.verified', { floor: floorLabel })),
      (e: Error) => say(e.message, true),
    )
  }

  const move = (dRow: number, dCol: number) => {
    if (rows.length === 0) return
    const nextRow = Math.max(0, Math.min(rows.length - 1, cursor.row + dRow))
    const nextCol = Math.max(0, Math.min(columns - 1, cursor.col + dCol))
    if (nextRow !== cursor.row && row && edited.current.has(row.label)) markFloor(row.label)
    setCursor({ row: nextRow, col: nextCol })
  }

  /**
   * Saves one field of the space under the cursor: one call. Its inverse goes on the undo stack at
   * once, in the order the person typed (saves may answer out of order), and waits for the save.
   */
  const save = (change: Pending) => {
    if (!space || !row) return
    const id = space.id
    // The value before this change is the one shown: an earlier change may still be on its way.
    const before = { status: (pending[id]?.status ?? space.status) as SpaceStatus, area: pending[id]?.area ?? space.area }
    const unit = space.unit ?? ''
    const what = change.status
      ? t('undo.status', { floor: row.label, unit, status: t(`vocab.spaceStatus.${change.status}`) })
      : t('undo.area', { floor: row.label, unit, area: formatArea(change.area!, lang) })
    setPending((p) => ({ ...p, [id]: { ...p[id], ...change } }))
    edited.current.add(row.label)
    const settle = () => setPending((p) => {
      const { [id]: _, ...rest } = p
      return rest
    })
    const saved = update.mutateAsync({ id, ...change }).then(
      () => {
        settle()
        say(t('grid.saved', { what }))
        return true
      },
      (e: Error) => {
        settle()
        say(e.message, true)
        return false
      },
    )
    const inverse = change.status ? { status: before.status } : { area: before.area }
    undo.push({ label: what, undo: async () => (await saved) && undoSpaceField(id, inverse) })
  }

  const commitArea = (text: string) => {
    const area = parseNumber(text)
    setEditing(null)
    if (area === null || typeof area !== 'number' || !(area > 0)) {
      say(t('grid.badArea', { text }), true)
      return
    }
    if (space && area !== space.area) save({ area })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing !== null) return
    focusWanted.current = true
    const key = event.key
    const mod = event.ctrlKey || event.metaKey
    const handled = () => event.preventDefault()
    if (mod && key.toLowerCase() === 'z') {
      handled()
      void undo.undo().then(
        (entry) => say(entry ? t('undo.done', { what: entry.label }) : t('undo.empty')),
        (e: Error) => say(e.message, true),
      )
      return
    }
    if (mod || event.altKey) return
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1],
      PageUp: [-10, 0], PageDown: [10, 0], Home: [0, -columns], End: [0, columns],
    }
    if (moves[key]) {
      handled()
      move(...moves[key])
      return
    }
    if (!space) return
    const letter = key.toUpperCase() as keyof typeof STATUS_KEYS
    if (key.length === 1 && letter in STATUS_KEYS) {
      handled()
      save({ status: STATUS_KEYS[letter] })
      return
    }
    if (key.length === 1 && key.toUpperCase() === 'V' && row) {
      handled()
      markFloor(row.label)
      return
    }
    if (/^[0-9.]$/.test(key)) {
      handled()
      setEditing(key)
      return
    }
    if (key === 'Enter' || key === 'F2') {
      handled()
      setEditing(String(pending[space.id]?.area ?? space.area))
    }
  }

  return (
    <section className="walk-grid" aria-label={t('grid.title')}>
      <div className="section-header">
        <h2>{t('grid.title')}</h2>
        {undo.top && <span className="muted small">Ctrl+Z · {t('undo.action', { what: undo.top.label })}</span>}
      </div>
      {rows.length === 0 && (
        <GenerateFloors building={building} />
      )}
      <p className="muted small">{t('grid.hint')}</p>
      <div className="walk-grid__legend">
        <span className="muted small">{t('grid.keys')}</span>
        <PlanLegend withKeys />
      </div>
      <div className="walk-grid__status" role="status" aria-live="polite" data-error={message?.error ? 'true' : undefined}>
        {message?.text}
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('grid.empty')}</p>
      ) : (
        <div className="walk-grid__scroll">
          <div
            ref={gridRef}
            role="grid"
            aria-label={t('grid.label')}
            aria-rowcount={rows.length + 1}
            aria-colcount={columns + 1}
            className="walk-grid__table"
            style={{ gridTemplateColumns: `56px repeat(${columns}, minmax(72px, 1fr))` }}
            onKeyDown={onKeyDown}
          >
            <div role="row" className="walk-grid__row walk-grid__head" aria-rowindex={1}>
              <span role="columnheader">{t('grid.floor')}</span>
              {Array.from({ length: columns }, (_, i) => (
                <span role="columnheader" key={i}>{t('grid.unit', { n: i + 1 })}</span>
              ))}
            </div>
            {rows.map((floor, r) => (
              <div role="row" key={floor.label} className="walk-grid__row" aria-rowindex={r + 2} data-floor={floor.label}>
                <span role="rowheader" className="walk-grid__floor">{floor.label}</span>
                {Array.from({ length: columns }, (_, c) => {
                  const s = floor.spaces[c]
                  const active = r === cursor.row && c === cursor.col
                  const shown = s ? { status: pending[s.id]?.status ?? s.status, area: pending[s.id]?.area ?? s.area } : null
                  const label = s && shown
                    ? t('grid.cell', { floor: floor.label, unit: s.unit ?? '', status: t(`vocab.spaceStatus.${shown.status}`), area: formatArea(shown.area, lang) })
                    : t('grid.noSpace', { floor: floor.label, n: c + 1 })
                  return (
                    <div
                      key={c}
                      role="gridcell"
                      tabIndex={active ? 0 : -1}
                      aria-label={label}
                      aria-selected={active}
                      data-active={active ? 'true' : undefined}
                      data-space-id={s?.id}
                      data-status={shown?.status}
                      data-saving={s && pending[s.id] ? 'true' : undefined}
                      className={`walk-grid__cell${shown ? ` status--${shown.status}` : ' is-empty'}${active ? ' is-active' : ''}`}
                      onClick={() => {
                        focusWanted.current = true
                        if (r !== cursor.row && row && edited.current.has(row.label)) markFloor(row.label)
                        setCursor({ row: r, col: c })
                      }}
                    >
                      {active && editing !== null && s ? (
                        <AreaEditor
                          initial={editing}
                          label={t('grid.editArea', { floor: floor.label, unit: s.unit ?? '' })}
                          onCommit={commitArea}
                          onCancel={() => setEditing(null)}
                        />
                      ) : s && shown ? (
                        <>
                          <span className="walk-grid__unit">{s.unit ?? '—'}</span>
                          <span className="walk-grid__area">{Math.round(shown.area * 100) / 100}</span>
                        </>
                      ) : null}
                    </div>
                  )
                })}
              </div>
            ))}
          </div>
        </div>
      )}
    </section>
  )
}

/** The area being typed into a cell: Enter commits, Escape cancels; focus returns to the grid. */
function AreaEditor({ initial, label, onCommit, onCancel }: { initial: string; label: string; onCommit: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(initial)
  return (
    <input
      className="walk-grid__input"
      aria-label={label}
      inputMode="decimal"
      value={text}
      autoFocus
      onFocus={(e) => {
        // A typed first digit stays as typed; an area opened with Enter is selected to be replaced.
        if (initial.length > 1) e.currentTarget.select()
      }}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Enter') {
          e.preventDefault()
          onCommit(text)
        } else if (e.key === 'Escape') {
          e.preventDefault()
          onCancel()
        }
      }}
      onBlur={() => onCancel()}
    />
  )
}
