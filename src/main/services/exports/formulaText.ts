// Text that a spreadsheet could read as a formula (CSV/DDE injection: =HYPERLINK(…), +cmd|…, -2+3,
// @SUM(…), or a leading tab or carriage return) is written with a ZERO WIDTH SPACE (U+200B) in
// front. Why not OWASP's apostrophe: Excel and WPS hide an apostrophe only when a person types it,
// so in a CSV or in a cell written by a program it shows ('+86 24 2288 0000, '-A座), and contact
// phones starting with + are common here. U+200B is invisible in both, keeps the cell text when a
// person edits it (it no longer starts with =), and is removed exactly by the importer
// (restoreFormulaText), so an exported workbook imports back to the same values.

const FORMULA_START = /^[=+\-@\t\r]/
export const FORMULA_GUARD = '\u200b'

/** The text as written into a cell: guarded when it could be read as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? FORMULA_GUARD + text : text
}

/** The value a guarded cell stood for (what the importer reads back). */
export function restoreFormulaText(text: string): string {
  return text.startsWith(FORMULA_GUARD) && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text
}
