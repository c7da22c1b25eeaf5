import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportPreview } from '../../../../shared/imports'
import { problemRows } from './problemRows'

type Only = 'all' | 'error' | 'warning'

/**
 * Every problem of the dry run by row and column with its reason, errors before notes within a
 * row. Only the lines in view are drawn: a file of 10,000 bad rows scrolls like one of ten.
 */
export function ProblemTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('imports')
  const [only, setOnly] = useState<Only>('all')
  const rows = problemRows(preview, only)
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 34, overscan: 10 })
  const counts: Record<Only, number> = { all: preview.rejected.length + preview.warnings.length, error: preview.rejected.length, warning: preview.warnings.length }

  return (
    <section className="import-problems" aria-labelledby="import-problems-title">
      <div className="import-box__head">
        <h3 id="import-problems-title">{t('preview.problems')}</h3>
        <div className="filter-chips" role="group" aria-label={t('preview.problems')}>
          {(['all', 'error', 'warning'] as const).map((o) => (
            <button key={o} type="button" className="chip" aria-pressed={only === o} onClick={() => setOnly(o)}>
              {t(`preview.filter.${o === 'all' ? 'all' : o === 'error' ? 'errors' : 'warnings'}`, { n: counts[o] })}
            </button>
          ))}
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('preview.noProblems')}</p>
      ) : (
        <div className="import-vtable" role="table" aria-label={t('preview.problems')} aria-rowcount={rows.length + 1}>
          <div role="rowgroup">
            <div role="row" className="import-vtable__row import-vtable__row--head import-problems__cols">
              <span role="columnheader">{t('preview.columns.row')}</span>
              <span role="columnheader">{t('preview.columns.column')}</span>
              <span role="columnheader">{t('preview.columns.message')}</span>
            </div>
          </div>
          <div ref={scrollRef} className="import-vtable__scroll" role="rowgroup" tabIndex={0}>
            <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
              {virtual.getVirtualItems().map((item) => {
                const p = rows[item.index]!
                return (
                  <div
                    key={item.key}
                    role="row"
                    aria-rowindex={item.index + 2}
                    data-problem-row={p.row}
                    data-level={p.level}
                    ref={virtual.measureElement}
                    data-index={item.index}
                    className={`import-vtable__row import-problems__cols${p.first ? ' is-first' : ''}`}
                    style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
                  >
                    {/* Repeated row numbers stay for screen readers but are drawn once per row group. */}
                    <span role="cell" className={p.first ? undefined : 'is-repeat'}>{p.row > 0 ? t('mapping.rowNumber', { row: p.row }) : t('preview.wholeFile')}</span>
                    <span role="cell">{p.column ?? '—'}</span>
                    <span role="cell">
                      <span className={`badge ${p.level === 'error' ? 'badge--error' : 'badge--reserved'}`} title={t(`preview.level.${p.level}`)}>
                        {t(`preview.badge.${p.level}`)}
                      </span>{' '}
                      {p.message}
                    </span>
                  </div>
                )
              })}
            </div>
          </div>
        </div>
      )}
    </section>
  )
}
