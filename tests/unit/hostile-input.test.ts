import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { neutraliseFormula, restoreFormulaText } from '../../src/main/services/exports/formulaText'
import { parseFreeText, parseText, refuseHostileCell } from '../../src/main/services/imports/cells'
import { urlTemplate } from '../../src/shared/schemas/basemaps'
import { area, isoDate, optionalNotes, queryText, requiredText } from '../../src/shared/schemas/common'
import { findTextProblem, normaliseText, textProblemMessage } from '../../src/shared/text'

// The rules hostile input meets, one class at a time: text (shared/text.ts and the schema helpers),
// dates, areas, the importer's cells, and formula-looking text on export.

const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 30 })
const safeText = fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => findTextProblem(s, 'line') === null)

const CONTROLS = [...Array(0x20).keys(), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)].map((c) => String.fromCharCode(c))
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']
const LONE = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF']

describe('text rules', () => {
  it('refuse every control character in a one-line field, and all but \\n \\r \\t in a multi-line one', () => {
    for (const c of CONTROLS) {
      expect(findTextProblem(`名称${c}`, 'line'), JSON.stringify(c)).toEqual({ reason: c === '\n' || c === '\r' ? 'newline' : 'control', position: 3 })
      const lines = findTextProblem(`名称${c}`, 'lines')
      if ('\n\r\t'.includes(c)) expect(lines, JSON.stringify(c)).toBeNull()
      else expect(lines, JSON.stringify(c)).toEqual({ reason: 'control', position: 3 })
    }
  })

  it('refuse bidi overrides and isolates and lone surrogates, wherever they stand, counting characters as a person does', () => {
    fc.assert(
      fc.property(safeText, fc.constantFrom(...BIDI, ...LONE), safeText, (before, bad, after) => {
        // A lone low surrogate after a text ending in a high one would pair up: not lone then.
        fc.pre(!(LONE.includes(bad) && /[\uD800-\uDBFF]$/.test(before)))
        const problem = findTextProblem(`${before}${bad}${after}`, 'lines')
        expect(problem).toEqual({ reason: BIDI.includes(bad) ? 'bidi' : 'surrogate', position: [...before].length + 1 })
      }),
    )
  })

  it('find a problem exactly when the text holds one of the refused classes', () => {
    fc.assert(
      fc.property(anyUnits, (s) => {
        const wellFormed = !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)
        const clean = wellFormed && [...s].every((c) => !CONTROLS.includes(c) && !BIDI.includes(c))
        expect(findTextProblem(s, 'line') === null).toBe(clean)
      }),
    )
  })

  it('normalise idempotently to NFC, without invisible characters or spaces at the ends, CRLF as LF in notes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('line', 'lines') as fc.Arbitrary<'line' | 'lines'>, (s, kind) => {
        const once = normaliseText(s, kind)
        expect(normaliseText(once, kind)).toBe(once)
        expect(once.normalize('NFC')).toBe(once)
        expect(once).not.toMatch(/[\u200B\u2060\uFEFF]|^\s|\s$/)
        if (kind === 'lines') expect(once).not.toMatch(/\r/)
      }),
    )
    expect(normaliseText('Cafe\u0301')).toBe('Café')
    expect(normaliseText('\u200D\u200B 中\u200D海 \uFEFF')).toBe('中\u200D海')
    expect(normaliseText('一\r\n二\r三', 'lines')).toBe('一\n二\n三')
  })

  it('name the field, the reason and the place in the schemas', () => {
    expect(requiredText('名称').safeParse('ab\u0000').error?.issues[0]?.message).toBe('名称：不能包含控制字符（第 3 个字）')
    expect(requiredText('名称').safeParse('😀\u202E').error?.issues[0]?.message).toBe('名称：不能包含文字方向控制符（第 2 个字）')
    expect(requiredText('名称').safeParse('\uD83D').error?.issues[0]?.message).toBe('名称：含有无效的字符编码（第 1 个字）')
    expect(requiredText('名称').safeParse('\u200B').error?.issues[0]?.message).toBe('名称：必填')
    expect(optionalNotes('备注').parse('一\r\n\t二')).toBe('一\n\t二')
    expect(queryText('搜索').safeParse('a\u0000').success).toBe(false)
    expect(textProblemMessage({ reason: 'newline', position: 7 })).toBe('不能换行（第 7 个字）')
  })

  it('accept any clean text as it is (in NFC, trimmed)', () => {
    fc.assert(
      fc.property(safeText, (s) => {
        const stored = normaliseText(s)
        fc.pre(stored.length >= 1 && stored.length <= 100)
        expect(requiredText('名称').parse(s)).toBe(stored)
      }),
    )
  })
})

describe('texts with a format of their own', () => {
  it('refuse hostile characters inside an otherwise valid value (a tile URL template)', () => {
    expect(urlTemplate.safeParse('https://t0.example.cn/{z}/{x}/{y}.png').success).toBe(true)
    expect(urlTemplate.safeParse('https://t0.example.cn/\u202E{z}/{x}/{y}.png').error?.issues[0]?.message).toBe('地址模板：不能包含文字方向控制符（第 23 个字）')
    expect(urlTemplate.safeParse('https://t0.example.cn/\u0000{z}/{x}/{y}.png').success).toBe(false)
  })
})

describe('dates, areas and numbers', () => {
  it('take dates from 1900-01-01 to 2100-12-31 only', () => {
    const date = isoDate('日期')
    for (const ok of ['1900-01-01', '2025-06-01', '2100-12-31', '2024-02-29']) expect(date.safeParse(ok).success, ok).toBe(true)
    for (const bad of ['0000-01-01', '1899-12-31', '2101-01-01', '9999-12-31', '2025-02-29', '+02025-01-01', '2025-1-1', '2025-06-01\n']) {
      expect(date.safeParse(bad).success, bad).toBe(false)
    }
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const s = d.toISOString().slice(0, 10)
        expect(date.safeParse(s).success).toBe(s >= '1900-01-01' && s <= '2100-12-31')
      }),
    )
  })

  it('take areas from 1 m² to the maximum, finite, refusing 5e-324, -0 and NaN', () => {
    const a = area('面积', 1e6)
    for (const bad of [5e-324, 0, -0, 0.99, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e6 + 1]) expect(a.safeParse(bad).success, String(bad)).toBe(false)
    fc.assert(fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), (n) => {
      expect(a.parse(n)).toBe(n)
    }))
    expect(a.safeParse(5e-324).error?.issues[0]?.message).toBe('面积：不能小于 1 m²')
  })
})

describe('the importer\'s cells', () => {
  it('refuse a cell holding a control character, a bidi override or a lone surrogate, saying where', () => {
    expect(refuseHostileCell('华润\u0000大厦')).toEqual({ ok: false, message: '不能包含控制字符（第 3 个字）' })
    expect(refuseHostileCell('\u202Excod.exe')).toEqual({ ok: false, message: '不能包含文字方向控制符（第 1 个字）' })
    expect(refuseHostileCell('名\uDC00')).toEqual({ ok: false, message: '含有无效的字符编码（第 2 个字）' })
    // Alt+Enter line breaks and tabs are folded by the readers, not refused; numbers and dates pass.
    for (const ok of ['第一行\n第二行', 'a\tb', 'a\r\nb', 12, null, true, new Date()]) expect(refuseHostileCell(ok)).toBeNull()
  })

  it('read text cells into NFC', () => {
    expect(parseFreeText('Cafe\u0301 大厦')).toEqual({ ok: true, value: 'Café 大厦' })
    expect(parseText('Cafe\u0301')).toEqual({ ok: true, value: 'Café' })
  })
})

describe('formula-looking text on export', () => {
  it('never starts a written cell with = + - @ tab or CR, and the importer reads back what was written', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('=HYPERLINK("http://evil.example","点我")', '+cmd|/C calc', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=', '-5')), (s) => {
        const written = neutraliseFormula(s)
        expect(written).not.toMatch(/^[=+\-@\t\r]/)
        expect(restoreFormulaText(written)).toBe(s)
      }),
    )
  })
})
