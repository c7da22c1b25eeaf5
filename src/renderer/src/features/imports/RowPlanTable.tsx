import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportRowPlan } from '../../../../shared/imports'

const BADGE = { create: 'badge--vacant', update: 'badge--info', reject: 'badge--error' } as const

/** What happens to each row (new, update, skip) with the site's name; drawn only where in view. */
export function RowPlanTable({ rows, total }: { rows: ImportRowPlan[]; total: number }) {
  const { t } = useTranslation('imports')
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 32, overscan: 10 })
  return (
    <section className="import-plan" aria-labelledby="import-plan-title">
      <div className="import-box__head">
        <h3 id="import-plan-title">{t('preview.plan')}</h3>
        {rows.length < total && <span className="muted small">{t('preview.planNote', { n: rows.length })}</span>}
      </div>
      <div className="import-vtable" role="table" aria-label={t('preview.plan')} aria-rowcount={rows.length + 1}>
        <div role="rowgroup">
          <div role="row" className="import-vtable__row import-vtable__row--head import-plan__cols">
            <span role="columnheader">{t('preview.planColumns.row')}</span>
            <span role="columnheader">{t('preview.planColumns.action')}</span>
            <span role="columnheader">{t('preview.planColumns.name')}</span>
          </div>
        </div>
        <div ref={scrollRef} className="import-vtable__scroll" role="rowgroup" tabIndex={0}>
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => {
              const r = rows[item.index]!
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-plan-row={r.row}
                  data-action={r.action}
                  className="import-vtable__row import-plan__cols"
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
                >
                  <span role="cell">{t('mapping.rowNumber', { row: r.row })}</span>
                  <span role="cell"><span className={`badge ${BADGE[r.action]}`}>{t(`preview.actions.${r.action}`)}</span></span>
                  <span role="cell" className="import-plan__name" title={r.name}>{r.name || '—'}</span>
                </div>
              )
            })}
          </div>
        </div>
      </div>
    </section>
  )
}
