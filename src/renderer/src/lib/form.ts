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
