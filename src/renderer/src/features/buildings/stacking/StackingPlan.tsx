import { useMemo, useState, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { checkOf, oldestCheck } from '../../../../../shared/freshness'
import { type PlanFloor, stackingPlan } from '../../../../../shared/stacking'
import type { BuildingDetail, Space } from '../../../../../shared/types'
import { useToast } from '../../../components/Toast'
import type { Language } from '../../../i18n'
import { formatArea } from '../../../lib/format'
import { useFreshness, VerifyButton } from '../../recheck/Freshness'
import { SpaceDialog } from '../SpaceDialog'
import { GenerateFloors } from './GenerateFloors'
import { PlanLegend } from './PlanLegend'
import { SelectionBar } from './SelectionBar'
import type { UndoStack } from './useUndoStack'

/** Today in the person's calendar (YYYY-MM-DD), the day leases are counted from. */
export const localToday = (): string => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/**
 * The stacking plan (楼宇剖面): floors top to bottom, each floor's spaces as blocks as wide as
 * their area (against the widest floor), coloured by status, leases ending within 6/12 months
 * marked, the largest contiguous vacant block outlined. Click a block to edit it; Ctrl-click to
 * pick blocks for split/merge; click floor numbers (Shift for a run) to set floors at once.
 */
export function StackingPlan({ detail, undo, onWalk }: { detail: BuildingDetail; undo: UndoStack; onWalk: () => void }) {
  const { t, i18n } = useTranslation(['stacking', 'buildings', 'common'], { nsMode: 'fallback' })
  const lang = i18n.language as Language
  const toast = useToast()
  const { building, spaces, leases } = detail
  const plan = useMemo(
    () => stackingPlan(spaces, leases, localToday(), { above: building.floorsAbove, below: building.floorsBelow }),
    [spaces, leases, building.floorsAbove, building.floorsBelow],
  )
  const endDates = useMemo(() => {
    const out = new Map<string, string>()
    for (const l of leases) if (l.endDate) for (const id of l.spaceIds) out.set(id, l.endDate)
    return out
  }, [leases])
  const byId = useMemo(() => new Map(spaces.map((s) => [s.id, s])), [spaces])
  const blockFloors = new Set(plan.block.labels)
  const [floors, setFloors] = useState<string[]>([])
  const [anchor, setAnchor] = useState<string | null>(null)
  const [picked, setPicked] = useState<string[]>([])
  const [editing, setEditing] = useState<Space | null>(null)
  const [generating, setGenerating] = useState(false)

  const selectFloor = (label: string, event: MouseEvent) => {
    if (event.shiftKey && anchor) {
      const labels = plan.floors.map((f) => f.label)
      const ends = [labels.indexOf(anchor), labels.indexOf(label)].sort((x, y) => x - y)
      setFloors(labels.slice(ends[0], ends[1]! + 1))
      return
    }
    setAnchor(label)
    setFloors((current) => (event.ctrlKey || event.metaKey ? (current.includes(label) ? current.filter((l) => l !== label) : [...current, label]) : current.length === 1 && current[0] === label ? [] : [label]))
  }

  const clickBlock = (space: Space, event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey) {
      setPicked((p) => (p.includes(space.id) ? p.filter((id) => id !== space.id) : [...p, space.id]))
      return
    }
    setEditing(space)
  }

  const hasSpaces = spaces.length > 0
  const blockText = plan.block.area > 0
    ? t('plan.block', { area: formatArea(plan.block.area, lang), floors: blockRange(plan.block.labels) })
    : t('plan.noBlock')

  return (
    <section className="stacking" aria-label={t('plan.title')}>
      <div className="section-header stacking__header">
        <h2>{t('plan.title')}</h2>
        <span className="stacking__block-figure" data-testid="largest-block">{blockText}</span>
        <div className="stacking__tools">
          {undo.top && (
            <button type="button" onClick={() => void undo.undo().then((e) => e && toast(t('undo.done', { what: e.label })), (e: Error) => toast(e.message))}>
              {t('undo.action', { what: undo.top.label })}
            </button>
          )}
          <button type="button" onClick={() => setGenerating((g) => !g)} aria-expanded={generating || !hasSpaces}>
            {t('generate.title')}
          </button>
          <button type="button" onClick={onWalk}>
            {t('views.grid')}
          </button>
        </div>
      </div>
      {(generating || !hasSpaces) && <GenerateFloors building={building} onDone={() => setGenerating(false)} />}
      <PlanLegend />
      <SelectionBar
        plan={plan}
        buildingId={building.id}
        floors={floors}
        setFloors={setFloors}
        picked={picked.map((id) => byId.get(id)).filter((s): s is Space => !!s)}
        clearPicked={() => setPicked([])}
        undo={undo}
      />
      {plan.floors.length === 0 ? (
        <p className="muted">{t('plan.empty')}</p>
      ) : (
        <>
          <p className="muted small">{t('plan.hint')}</p>
          <div className="stacking__floors" role="list">
            {plan.floors.map((floor) => (
              <FloorRow
                key={floor.label}
                buildingId={building.id}
                floor={floor}
                widest={plan.widest}
                selected={floors.includes(floor.label)}
                inBlock={blockFloors.has(floor.label)}
                blockEdge={blockEdge(plan.block.labels, floor.label)}
                picked={picked}
                ending={plan.ending}
                endDates={endDates}
                byId={byId}
                onFloor={selectFloor}
                onBlock={clickBlock}
              />
            ))}
          </div>
        </>
      )}
      {editing && <SpaceDialog buildingId={building.id} space={editing} onClose={() => setEditing(null)} />}
    </section>
  )
}

/** Where a floor sits in the outlined run of wholly vacant floors (the outline is drawn per row). */
function blockEdge(labels: string[], label: string): string {
  const i = labels.indexOf(label)
  if (i < 0) return ''
  return `${i === 0 ? ' block-top' : ''}${i === labels.length - 1 ? ' block-bottom' : ''}`
}

/** "12-14" for a run of floors given top first, "12" for one. */
const blockRange = (labels: string[]) => (labels.length > 1 ? `${labels[labels.length - 1]}-${labels[0]}` : (labels[0] ?? ''))

interface FloorRowProps {
  floor: PlanFloor
  widest: number
  selected: boolean
  inBlock: boolean
  blockEdge: string
  picked: string[]
  ending: Map<string, 'within6' | 'within12'>
  endDates: Map<string, string>
  byId: Map<string, Space>
  buildingId: string
  onFloor: (label: string, event: MouseEvent) => void
  onBlock: (space: Space, event: MouseEvent) => void
}

function FloorRow({ floor, widest, selected, inBlock, blockEdge, picked, ending, endDates, byId, buildingId, onFloor, onBlock }: FloorRowProps) {
  const { t, i18n } = useTranslation(['stacking', 'buildings', 'common'], { nsMode: 'fallback' })
  const lang = i18n.language as Language
  const freshness = useFreshness()
  // A floor is as fresh as its least recently verified space (shared/freshness.ts); one click
  // verifies the floor, as on the table view.
  const check = oldestCheck(...floor.spaces.map((s) => byId.get(s.id)).filter((s) => s !== undefined).map((s) => checkOf(s.verifiedAt, s.createdAt)))
  const stale = check ? freshness.stale(check) : false
  const width = widest > 0 && floor.area > 0 ? Math.max(12, (floor.area / widest) * 100) : 100
  // A wholly vacant floor of the block is outlined as a whole (runs join into one box); on a floor
  // only partly vacant, the vacant units are.
  const wholeFloor = inBlock && floor.area > 0 && floor.vacant >= floor.area - 1e-6
  return (
    <div className={`stacking__floor${selected ? ' is-selected' : ''}${stale ? ' is-stale' : ''}`} role="listitem" data-floor={floor.label} data-stale={stale ? '1' : '0'}>
      <button
        type="button"
        className="stacking__floor-label"
        aria-pressed={selected}
        aria-label={t('plan.floorSummary', { floor: floor.label, count: floor.spaces.length, area: formatArea(floor.area, lang), vacant: formatArea(floor.vacant, lang) })}
        onClick={(e) => onFloor(floor.label, e)}
      >
        {floor.label}
      </button>
      <div className="stacking__track">
      <div className={`stacking__bar${wholeFloor ? ` in-block${blockEdge}` : ''}`} style={{ width: `${width}%` }}>
        {floor.spaces.length === 0 && <span className="stacking__empty">{t('plan.emptyFloor')}</span>}
        {floor.spaces.map((s) => {
          const space = byId.get(s.id)!
          const mark = ending.get(s.id)
          const outlined = inBlock && !wholeFloor && s.status === 'vacant'
          const title = t('plan.blockTitle', {
            floor: floor.label,
            unit: s.unit ?? '',
            area: formatArea(s.area, lang),
            status: t(`vocab.spaceStatus.${s.status}`),
            tenant: space.tenantName ? ` · ${space.tenantName}` : '',
            ending: mark && endDates.get(s.id) ? t('plan.endingOn', { date: endDates.get(s.id) }) : '',
          })
          return (
            <button
              key={s.id}
              type="button"
              className={`stacking__space status--${s.status}${mark ? ` ending--${mark}` : ''}${outlined ? ' in-block' : ''}${picked.includes(s.id) ? ' is-picked' : ''}`}
              style={{ flexGrow: s.area, flexBasis: 0 }}
              title={title}
              aria-label={title}
              data-space-id={s.id}
              data-status={s.status}
              onClick={(e) => onBlock(space, e)}
            >
              <span className="stacking__unit">{s.unit ?? '—'}</span>
              {space.tenantName && <span className="stacking__tenant">{space.tenantName}</span>}
              <span className="stacking__area">{Math.round(s.area).toLocaleString()}</span>
            </button>
          )
        })}
      </div>
      </div>
      <span className="stacking__floor-area">{formatArea(floor.area, lang)}</span>
      <span className="stacking__floor-check" title={check ? freshness.words(check) : undefined}>
        {check && <VerifyButton target={{ kind: 'floor', id: buildingId, floorLabel: floor.label }} label={stale ? t('plan.verifyStale') : t('plan.verify')} className="link-button" />}
      </span>
    </div>
  )
}
