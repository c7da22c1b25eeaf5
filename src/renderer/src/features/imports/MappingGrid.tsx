import { useTranslation } from 'react-i18next'
import type { ImportFieldInfo, ImportSheetInfo } from '../../../../shared/imports'

interface Props {
  sheet: ImportSheetInfo
  fields: ImportFieldInfo[]
  mapping: Map<number, string | null>
  /** Columns whose field is a required one nobody else took, or one taken twice: drawn in red. */
  flagged: Set<number>
  busy: boolean
  onHeaderRow: (row: number) => void
  onMap: (column: number, field: string | null) => void
}

const SKIP = ''

/**
 * The sheet's first rows as a grid, the header row highlighted, each column's mapping menu above
 * it. Row numbers are buttons that make their row the header. The grid scrolls inside its box,
 * so a sheet of forty columns never widens the page.
 */
export function MappingGrid({ sheet, fields, mapping, flagged, busy, onHeaderRow, onMap }: Props) {
  const { t } = useTranslation('imports')
  const header = sheet.headerRow
  const headerText = (index: number, text: string) => text.trim() || t('mapping.emptyHeader', { n: index + 1 })
  return (
    <div className="import-grid" role="region" aria-label={t('mapping.grid')} tabIndex={0} aria-busy={busy}>
      <table>
        <thead>
          <tr>
            <th className="import-grid__corner">
              <div>
                <span>{t('mapping.headerRow', { row: header })}</span>
                <span className="import-grid__move">
                <button type="button" className="icon-button" aria-label={t('mapping.headerUp')} title={t('mapping.headerUp')} disabled={busy || header <= 1} onClick={() => onHeaderRow(header - 1)}>↑</button>
                <button type="button" className="icon-button" aria-label={t('mapping.headerDown')} title={t('mapping.headerDown')} disabled={busy || sheet.sample.length === 0} onClick={() => onHeaderRow(header + 1)}>↓</button>
                </span>
              </div>
            </th>
            {sheet.columns.map((c) => {
              const value = mapping.get(c.index) ?? null
              return (
                <th key={c.index} className={value === null ? 'is-skipped' : flagged.has(c.index) ? 'is-flagged' : undefined}>
                  <select
                    name={`map-${c.index}`}
                    value={value ?? SKIP}
                    aria-label={t('mapping.columnMenu', { header: headerText(c.index, c.header) })}
                    onChange={(e) => onMap(c.index, e.target.value === SKIP ? null : e.target.value)}
                  >
                    <option value={SKIP}>{t('mapping.skip')}</option>
                    {fields.map((f) => (
                      <option key={f.key} value={f.key}>{f.required ? `${f.label} *` : f.label}</option>
                    ))}
                  </select>
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          <tr className="import-grid__header" data-row={header}>
            <th scope="row">{t('mapping.isHeader', { row: header })}</th>
            {sheet.columns.map((c) => (
              <td key={c.index} data-column={c.index}>{headerText(c.index, c.header)}</td>
            ))}
          </tr>
          {sheet.sample.map((cells, i) => {
            const row = sheet.sampleRows?.[i] ?? header + 1 + i
            return (
              <tr key={row} data-row={row}>
                <th scope="row">
                  <button type="button" className="link-button" disabled={busy} aria-label={t('mapping.setHeader', { row })} title={t('mapping.setHeader', { row })} onClick={() => onHeaderRow(row)}>
                    {t('mapping.rowNumber', { row })}
                  </button>
                </th>
                {sheet.columns.map((c) => (
                  <td key={c.index} className={mapping.get(c.index) == null ? 'is-skipped' : undefined}>{cells[c.index] ?? ''}</td>
                ))}
              </tr>
            )
          })}
          {sheet.sample.length === 0 && (
            <tr>
              <td colSpan={sheet.columns.length + 1} className="muted">{t('mapping.noSample')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}
