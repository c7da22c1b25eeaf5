import type { ImportPreview, ImportProblem } from '../../../../shared/imports'

// The dry run's problems as the wizard lists them: errors and notes together, by row then column,
// so everything wrong with one row reads as one group.

export interface ProblemRow extends ImportProblem {
  level: 'error' | 'warning'
  /** First problem of its row: the row number is shown once per group. */
  first: boolean
}

export function problemRows(preview: Pick<ImportPreview, 'rejected' | 'warnings'>, only: 'all' | 'error' | 'warning' = 'all'): ProblemRow[] {
  const all = [
    ...(only === 'warning' ? [] : preview.rejected.map((p) => ({ ...p, level: 'error' as const }))),
    ...(only === 'error' ? [] : preview.warnings.map((p) => ({ ...p, level: 'warning' as const }))),
  ]
  // Stable sort keeps the importer's order of problems within a row and column.
  all.sort((a, b) => a.row - b.row || (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1))
  return all.map((p, i) => ({ ...p, first: i === 0 || all[i - 1]!.row !== p.row }))
}

/** Rows skipped by an import of the valid rows (a problem of the whole file, row 0, is not a row). */
export function rejectedRowCount(preview: Pick<ImportPreview, 'rejected'>): number {
  return new Set(preview.rejected.filter((p) => p.row > 0).map((p) => p.row)).size
}

/** A problem of the file as a whole stops the import whatever is skipped. */
export function fileRejected(preview: Pick<ImportPreview, 'rejected'>): boolean {
  return preview.rejected.some((p) => p.row === 0)
}
