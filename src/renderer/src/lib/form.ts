// Small helpers for forms whose inputs are kept as typed text and sent as numbers or nulls.

/** '' → null; '12.5' → 12.5; text that is not a number is passed through so the server names it. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(/,/g, '')
  if (trimmed === '') return null
  const n = Number(trimmed)
  return Number.isFinite(n) ? n : (trimmed as unknown as number)
}

/** '' → null, otherwise the trimmed text. */
export function textOrNull(text: string): string | null {
  const trimmed = text.trim()
  return trimmed === '' ? null : trimmed
}

export const numberText = (n: number | null | undefined, scale = 1): string => (n == null ? '' : String(Number((n / scale).toPrecision(12))))

/**
 * An edit's input without the fields it leaves as loaded (`before` is the input the loaded record
 * makes). Updates are partial, so the server keeps those as stored; and a value stored before a
 * rule tightened (an area under 1 m²) does not block saving a change to another field.
 */
export function changedFields<T extends object>(input: T, before: T): Partial<T> {
  const changed: Partial<T> = {}
  for (const key of Object.keys(input) as (keyof T)[]) {
    if (JSON.stringify(input[key]) !== JSON.stringify(before[key])) changed[key] = input[key]
  }
  return changed
}
