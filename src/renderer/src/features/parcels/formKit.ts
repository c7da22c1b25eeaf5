import { ApiCallError } from '../../api/client'

// Form plumbing shared by the parcel, park, cluster and district forms. Unlike a flat error map,
// it keeps nested paths (`subParks.1.name`) so a message can sit beside the row that caused it.

export interface FormErrors {
  /** The message for exactly this path. */
  at(path: string): string | undefined
  /** The message for this path or anything inside it (`boundary` catches `boundary.coordinates.0`). */
  under(path: string): string | undefined
  /** Messages whose top-level field is not one of `shown`: they have no place beside a control. */
  unplaced(shown: readonly string[]): string[]
  count: number
}

/**
 * Errors of a failed save: the server's issues (when `error` is an ApiCallError) plus checks made
 * in the form before sending (`local`, path → message), which win on the same path. `plainer`
 * (path → message) rewords a server issue the form can say better, e.g. an empty select reported
 * as "not a valid code" becomes "choose one".
 */
export function formErrorsOf(error: unknown, local: Record<string, string> = {}, plainer: Record<string, string | undefined> = {}): FormErrors {
  const byPath = new Map<string, string>(Object.entries(local))
  const loose: string[] = []
  if (error instanceof ApiCallError) {
    const issues = error.error.issues ?? [{ field: error.error.field ?? '', message: error.error.message }]
    for (const { field, message } of issues) {
      if (!field) loose.push(message)
      else if (!byPath.has(field)) byPath.set(field, plainer[field] ?? message)
    }
  } else if (error) {
    loose.push(error instanceof Error ? error.message : String(error))
  }
  const entries = [...byPath.entries()]
  return {
    at: (path) => byPath.get(path),
    under: (path) => byPath.get(path) ?? entries.find(([p]) => p.startsWith(`${path}.`))?.[1],
    unplaced: (shown) => [
      ...new Set([...loose, ...entries.filter(([p]) => !shown.includes(p.split('.')[0]!)).map(([, m]) => m)]),
    ],
    count: byPath.size + loose.length,
  }
}
