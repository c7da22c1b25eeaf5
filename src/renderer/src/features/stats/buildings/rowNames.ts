import type { RollupLevel, RollupRow } from '../../../../../shared/stats'

// A rollup row's name in the reader's language. The server names kind/grade groups, the "none"
// rows and the total in Chinese; the renderer names those from the row's key (the vocabulary in
// i18n/common.ts, the "none" rows in the stats strings). Districts, clusters, parks, buildings and
// floors keep the names people gave them.

type Translate = (key: string) => string

/** The name of one row of a `level` rollup (not the total: see totalName). */
export function rollupRowName(level: RollupLevel, row: Pick<RollupRow, 'key' | 'name'>, t: Translate): string {
  if (row.key === null) return t(`stats:noneRow.${level}`)
  if (level === 'kind') return t(`common:vocab.buildingKind.${row.key}`)
  if (level === 'grade') return t(`common:vocab.grade.${row.key}`)
  return row.name || t('stats:none')
}

/** A rollup's rows and total under their names: the total is named by the stats strings. */
export function rollupNamer<Row extends Pick<RollupRow, 'key' | 'name'>>(level: RollupLevel, total: Row | undefined, t: Translate): (row: Row) => string {
  return (row) => (row === total ? t('stats:total') : rollupRowName(level, row, t))
}
