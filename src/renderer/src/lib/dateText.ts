// Dates as typed into a form, in the interface's order (年-月-日) whatever the system's locale:
// a native <input type="date"> shows the operating system's order (月/日/年 on an English
// Windows), so date fields are text fields that read the ways a person writes a date here.

/**
 * The ISO date (YYYY-MM-DD) of `text` when it names a real day written year first: 2025-6-1,
 * 2025/06/01, 2025.6.1, 2025年6月1日, 20250601; null otherwise (empty, partial, 2025-02-30).
 */
export function isoDateOf(text: string): string | null {
  const t = text.trim()
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** What a date field hands its form: the ISO date when the text is one, else the text (for the form's check to name). */
export const dateFieldValue = (text: string): string => isoDateOf(text) ?? text.trim()

/**
 * The same shapes as an <input pattern> (which browsers compile with the v flag, so the class's
 * punctuation is escaped), for the :invalid look while typing; isoDateOf still decides.
 */
export const DATE_PATTERN = String.raw`\s*\d{4}\s*[\-\/\.年]\s*\d{1,2}\s*[\-\/\.月]\s*\d{1,2}\s*日?\s*|\s*\d{8}\s*`
