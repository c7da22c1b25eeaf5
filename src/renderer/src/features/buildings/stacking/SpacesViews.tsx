import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BuildingDetail } from '../../../../../shared/types'
import { SpacesSection } from '../SpacesSection'
import './i18n'
import { StackingPlan } from './StackingPlan'
import './stacking.css'
import { useUndoStack } from './useUndoStack'
import { WalkGrid } from './WalkGrid'

type View = 'plan' | 'table' | 'grid'
const VIEWS: View[] = ['plan', 'table', 'grid']
const VIEW_KEY = 'site-atlas.spacesView'

const savedView = (): View => {
  const v = localStorage.getItem(VIEW_KEY)
  return VIEWS.includes(v as View) ? (v as View) : 'plan'
}

/**
 * A building's spaces three ways: the stacking plan (楼宇剖面), today's table, and the keyboard grid
 * for walking a tower. The plan is the first view a person meets (a tower read at a glance); the
 * choice is remembered, so those who prefer the table keep it. The plan and the grid share one undo stack.
 */
export function SpacesViews({ detail }: { detail: BuildingDetail }) {
  const { t } = useTranslation('stacking')
  const [view, setViewState] = useState<View>(savedView)
  const undo = useUndoStack()
  const setView = (v: View) => {
    localStorage.setItem(VIEW_KEY, v)
    setViewState(v)
  }
  return (
    <div className="spaces-views">
      <div className="view-switch" role="tablist" aria-label={t('views.label')}>
        {VIEWS.map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'is-active' : ''} onClick={() => setView(v)}>
            {t(`views.${v}`)}
          </button>
        ))}
      </div>
      {view === 'table' && <SpacesSection buildingId={detail.building.id} spaces={detail.spaces} />}
      {view === 'plan' && <StackingPlan detail={detail} undo={undo} onWalk={() => setView('grid')} />}
      {view === 'grid' && <WalkGrid detail={detail} undo={undo} />}
    </div>
  )
}
