// What a text a person gives us may hold, in one place for every schema (schemas/common.ts), the
// importer's cells and the search. Refused: control characters (C0 incl. NUL, BEL, ESC; DEL; C1),
// which SQLite's FTS and C string APIs cut a text at ("unterminated string") and which no form can
// type; bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069), which make a name read
// differently from what it is (a file name "报告\u202Excod.exe" shows as "报告exe.docx"); and lone
// surrogates, which SQLite stores as invalid UTF-8. A multi-line field (a <textarea>: notes,
// descriptions) keeps line breaks and tabs.

/** 'line': one line (an <input>); 'lines': a multi-line field, where \n, \r and \t are text. */
export type TextKind = 'line' | 'lines'

export type TextProblemReason = 'control' | 'newline' | 'bidi' | 'surrogate'

export interface TextProblem {
  reason: TextProblemReason
  /** 1-based, in characters (code points) as a person counts them. */
  position: number
}

const LONE_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]'
const BIDI = '\\u202A-\\u202E\\u2066-\\u2069'
const BAD: Record<TextKind, RegExp> = {
  line: new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F${BIDI}]|${LONE_SURROGATE}`),
  lines: new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F${BIDI}]|${LONE_SURROGATE}`),
}

function reasonOf(unit: number): TextProblemReason {
  if (unit === 0x0a || unit === 0x0d) return 'newline'
  if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) return 'control'
  if (unit >= 0xd800 && unit <= 0xdfff) return 'surrogate'
  return 'bidi'
}

/** The first character `text` may not hold, or null. Linear in the text; a regex does the scan. */
export function findTextProblem(text: string, kind: TextKind = 'line'): TextProblem | null {
  const found = BAD[kind].exec(text)
  if (!found) return null
  // Code points before the character: a well-formed prefix, so the iterator counts as a person does.
  let position = 1
  for (const _ of text.slice(0, found.index)) position++
  return { reason: reasonOf(text.charCodeAt(found.index)), position }
}

const REASONS: Record<TextProblemReason, string> = {
  control: '不能包含控制字符',
  newline: '不能换行',
  bidi: '不能包含文字方向控制符',
  surrogate: '含有无效的字符编码',
}

/** '不能包含控制字符（第 3 个字）': the reason, without the field (callers put it in front). */
export function textProblemMessage(problem: TextProblem): string {
  return `${REASONS[problem.reason]}（第 ${problem.position} 个字）`
}

// Zero-width characters. U+200B, U+2060 and the BOM (U+FEFF) carry nothing in a name or note and
// break a search ("浑南\u200B国际" is not found by "浑南国际"): removed anywhere. The joiners
// (U+200C/U+200D) are part of emoji and some scripts: removed only at the ends, where they mean nothing.
const INVISIBLE = /[\u200B\u2060\uFEFF]/g
const EDGE_JOINERS = /^[\u200C\u200D\s]+|[\u200C\u200D\s]+$/g

/**
 * A text as stored: invisible characters removed, trimmed, line breaks as \n (multi-line), in
 * Unicode NFC (so "é" typed two ways is one name, and searches match). Idempotent.
 */
export function normaliseText(text: string, kind: TextKind = 'line'): string {
  let out = text.replace(INVISIBLE, '')
  if (kind === 'lines') out = out.replace(/\r\n?/g, '\n')
  return out.replace(EDGE_JOINERS, '').normalize('NFC')
}
