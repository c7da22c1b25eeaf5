import { describe, expect, it } from 'vitest'
import {
  parseFreeText,
  cellToText,
  looksLikeFormula,
  normaliseText,
  parseArea,
  parseAreaMu,
  parseBoolean,
  parseDate,
  parseInteger,
  parseMoney,
  parseNumberCell,
  parsePercent,
  parsePricePerMu,
  parseRange,
  parseRentPerDay,
  parseText,
  type Parsed,
} from '../../src/main/services/imports/cells'
import { SQUARE_METRES_PER_MU } from '../../src/shared/domain'

function valueOf<T>(p: Parsed<T>): T | null {
  if (!p.ok) throw new Error(`expected a value, got: ${p.message}`)
  return p.value
}

function messageOf<T>(p: Parsed<T>): string {
  if (p.ok) throw new Error(`expected a refusal, got: ${JSON.stringify(p.value)}`)
  return p.message
}

function warningOf<T>(p: Parsed<T>): string | undefined {
  if (!p.ok) throw new Error(`expected a value, got: ${p.message}`)
  return p.warning
}

describe('normaliseText', () => {
  it('turns full-width ASCII into half-width and ideographic spaces into spaces', () => {
    expect(normaliseText('ＡＢＣ大厦（一期）１２３')).toBe('ABC大厦(一期)123')
    expect(normaliseText('面积：１，２３４．５')).toBe('面积:1,234.5')
    expect(normaliseText('－５')).toBe('-5')
    expect(normaliseText('万达\u3000广场')).toBe('万达 广场')
  })

  it('strips zero-width, BOM and control characters, trims and collapses whitespace', () => {
    expect(normaliseText('\uFEFF华润\u200B大厦\u0007')).toBe('华润大厦')
    expect(normaliseText('  沈阳 \t\n 国际   金融中心 ')).toBe('沈阳 国际 金融中心')
    expect(normaliseText('\u00A0\u3000')).toBe('')
  })

  it('keeps the CJK punctuation names use', () => {
    expect(normaliseText('《沈阳》大厦、“金廊”【A座】。')).toBe('《沈阳》大厦、“金廊”【A座】。')
  })
})

describe('parseFreeText', () => {
  it('keeps a name as written: full-width brackets and letters stay, invisible characters go', () => {
    expect(parseFreeText('\u200b浑南国际商务中心（停缓建）  Ａ座 ')).toEqual({ ok: true, value: '浑南国际商务中心（停缓建） Ａ座' })
    expect(parseFreeText('—')).toEqual({ ok: true, value: null })
    expect(parseFreeText(12)).toEqual({ ok: true, value: '12' })
  })
})

describe('looksLikeFormula', () => {
  it('spots what a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+86', '-2+3', '@SUM(A1)', '\t=cmd', '\r=cmd', ' =HYPERLINK("x")', '＝1+1']) {
      expect(looksLikeFormula(s), s).toBe(true)
    }
    for (const s of ['华润大厦', 'A=B 大厦', '1+1', '', '（=）']) expect(looksLikeFormula(s), s).toBe(false)
  })
})

describe('parseNumberCell', () => {
  it('reads numbers as Excel stores them and as people type them', () => {
    expect(valueOf(parseNumberCell(1234.5))).toBe(1234.5)
    expect(valueOf(parseNumberCell('1,234.5'))).toBe(1234.5)
    expect(valueOf(parseNumberCell('1，234'))).toBe(1234)
    expect(valueOf(parseNumberCell('１２３４．５'))).toBe(1234.5)
    expect(valueOf(parseNumberCell('12,345,678'))).toBe(12345678)
    expect(valueOf(parseNumberCell(' 42 '))).toBe(42)
    expect(valueOf(parseNumberCell('-5.5'))).toBe(-5.5)
    expect(valueOf(parseNumberCell('－５'))).toBe(-5)
    expect(valueOf(parseNumberCell('\u22123'))).toBe(-3)
    expect(valueOf(parseNumberCell('.5'))).toBe(0.5)
    expect(valueOf(parseNumberCell('+7'))).toBe(7)
    expect(valueOf(parseNumberCell('1.2E+07'))).toBe(12_000_000)
    expect(valueOf(parseArea('1.2e4㎡'))).toBe(12_000)
  })

  it('treats empty cells and placeholder marks as empty', () => {
    for (const c of [null, '', '  ', '\u3000', '-', '—', '/', '无', '暂无', 'N/A']) {
      expect(parseNumberCell(c), String(c)).toEqual({ ok: true, value: null })
    }
  })

  it('reads rough figures with a warning saying what was imported', () => {
    for (const [text, n] of [
      ['约2000', 2000],
      ['大约1,500', 1500],
      ['近300', 300],
      ['逾50', 50],
      ['300左右', 300],
      ['100以上', 100],
      ['200余', 200],
    ] as const) {
      const p = parseNumberCell(text)
      expect(valueOf(p), text).toBe(n)
      expect(warningOf(p), text).toBe(`约数，按 ${n} 导入`)
    }
  })

  it('reads coordinates with a degree mark or a hemisphere letter', () => {
    expect(valueOf(parseNumberCell('123.456°'))).toBe(123.456)
    expect(valueOf(parseNumberCell('123.456 E'))).toBe(123.456)
    expect(valueOf(parseNumberCell('41.8°N'))).toBe(41.8)
    expect(valueOf(parseNumberCell('E123.4'))).toBe(123.4)
    expect(valueOf(parseNumberCell('东经123.4'))).toBe(123.4)
  })

  it('refuses what is not a plain number, quoting the cell', () => {
    expect(messageOf(parseNumberCell('约两千'))).toBe('无法识别为数字：“约两千”')
    expect(messageOf(parseNumberCell('35%'))).toContain('35%')
    expect(messageOf(parseNumberCell('12,5'))).toContain('12,5')
    expect(messageOf(parseNumberCell('1,2345'))).toContain('1,2345')
    expect(messageOf(parseNumberCell('abc'))).toContain('abc')
    expect(parseNumberCell(true).ok).toBe(false)
    expect(parseNumberCell(new Date()).ok).toBe(false)
    expect(parseNumberCell(Number.NaN).ok).toBe(false)
    expect(parseNumberCell({ geometry: { type: 'Point', coordinates: [1, 2] } }).ok).toBe(false)
  })
})

describe('parseInteger', () => {
  it('reads counts with or without their word', () => {
    expect(valueOf(parseInteger(28))).toBe(28)
    expect(valueOf(parseInteger('28层'))).toBe(28)
    expect(valueOf(parseInteger('１２'))).toBe(12)
    expect(valueOf(parseInteger('1,200人'))).toBe(1200)
    expect(valueOf(parseInteger(null))).toBeNull()
  })

  it('refuses fractions and other units', () => {
    expect(messageOf(parseInteger('12.5'))).toBe('应为整数：“12.5”')
    expect(messageOf(parseInteger('12米'))).toContain('12米')
  })
})

describe('parseArea', () => {
  it('reads the units bureaus write into area cells, in m²', () => {
    const cases: Array<[string | number, number]> = [
      ['2000㎡', 2000],
      ['2000m²', 2000],
      ['2000 m2', 2000],
      ['2000平方米', 2000],
      ['2000平米', 2000],
      ['2000平', 2000],
      ['5万平方米', 50_000],
      ['5万㎡', 50_000],
      ['3.2万平', 32_000],
      ['1.5万', 15_000],
      ['363亩', 363 * SQUARE_METRES_PER_MU],
      ['3.6公顷', 36_000],
      ['3.6ha', 36_000],
      ['3.6 hm²', 36_000],
      ['1.2平方公里', 1_200_000],
      ['0.5km²', 500_000],
      ['１２，３４５．６７㎡', 12_345.67],
      [8800, 8800],
      ['8800', 8800],
    ]
    for (const [cell, m2] of cases) expect(valueOf(parseArea(cell)), String(cell)).toBeCloseTo(m2, 6)
    expect(valueOf(parseArea('363亩'))).toBe(242_000)
  })

  it('reads a bare number in the column unit', () => {
    expect(valueOf(parseArea(12, 'wan_m2'))).toBe(120_000)
    expect(valueOf(parseArea('3.6', 'ha'))).toBe(36_000)
    expect(valueOf(parseAreaMu(363))).toBe(242_000)
    expect(valueOf(parseAreaMu('363'))).toBe(242_000)
    // A unit in the cell wins over the column's.
    expect(valueOf(parseAreaMu('2000㎡'))).toBe(2000)
  })

  it('warns about rough figures', () => {
    const p = parseArea('约2000㎡')
    expect(valueOf(p)).toBe(2000)
    expect(warningOf(p)).toBe('约数，按 2000㎡ 导入')
    expect(valueOf(parseArea('2000余平方米'))).toBe(2000)
    expect(warningOf(parseArea('5万平方米左右'))).toBe('约数，按 50000㎡ 导入')
    expect(warningOf(parseArea('5万平方米'))).toBeUndefined()
  })

  it('keeps negative areas for the engine to reject, and refuses unreadable ones', () => {
    expect(valueOf(parseArea('-20㎡'))).toBe(-20)
    expect(messageOf(parseArea('约两千'))).toBe('无法识别为面积：“约两千”')
    expect(messageOf(parseArea('2000米'))).toBe('无法识别面积单位：“2000米”')
    expect(messageOf(parseArea('2000㎡/层'))).toContain('2000㎡/层')
  })
})

describe('parseRentPerDay', () => {
  it('takes per-day rents as they are', () => {
    for (const s of ['3.5元/㎡·天', '3.5元/平米/天', '3.5元/m2/天', '3.5元/㎡/日', '3.5 元/平方米·天', '3.5元/㎡.天', '3.5', '3.5元']) {
      const p = parseRentPerDay(s)
      expect(valueOf(p), s).toBe(3.5)
      expect(warningOf(p), s).toBeUndefined()
    }
    expect(valueOf(parseRentPerDay(2.8))).toBe(2.8)
  })

  it('converts per-month rents with a warning saying how', () => {
    for (const s of ['100元/㎡·月', '100元/平米/月', '100 元/m²/月']) {
      const p = parseRentPerDay(s)
      expect(valueOf(p), s).toBeCloseTo((100 * 12) / 365, 9)
      expect(warningOf(p), s).toBe('按月租金换算：100 元/㎡·月 ÷ 365/12 = 3.2877 元/㎡·天')
    }
    const yearly = parseRentPerDay('1095元/㎡·年')
    expect(valueOf(yearly)).toBe(3)
    expect(warningOf(yearly)).toContain('÷ 365')
  })

  it('refuses units it cannot read', () => {
    expect(messageOf(parseRentPerDay('3.5元/天'))).toBe('无法识别租金单位：“3.5元/天”（应为 元/㎡·天 或 元/㎡·月）')
    expect(messageOf(parseRentPerDay('面议'))).toBe('无法识别为租金：“面议”')
    expect(messageOf(parseRentPerDay('3.5美元/㎡·天'))).toContain('3.5美元')
  })
})

describe('parseMoney and parsePricePerMu', () => {
  it('reads amounts in 元, 万元 and 亿元', () => {
    expect(valueOf(parseMoney('1.2亿元'))).toBe(120_000_000)
    expect(valueOf(parseMoney('1.2亿'))).toBe(120_000_000)
    expect(valueOf(parseMoney('350万'))).toBe(3_500_000)
    expect(valueOf(parseMoney('350万元'))).toBe(3_500_000)
    expect(valueOf(parseMoney('12,000元'))).toBe(12_000)
    expect(valueOf(parseMoney('￥5,000'))).toBe(5000)
    expect(valueOf(parseMoney(5000))).toBe(5000)
    expect(valueOf(parseMoney(350, 'wan'))).toBe(3_500_000)
    expect(valueOf(parseMoney('0.35', 'yi'))).toBe(35_000_000)
    expect(messageOf(parseMoney('12美元'))).toBe('无法识别金额单位：“12美元”')
  })

  it('reads land prices in 元/亩, a bare number being 万元/亩', () => {
    expect(valueOf(parsePricePerMu(45))).toBe(450_000)
    expect(valueOf(parsePricePerMu('45万元/亩'))).toBe(450_000)
    expect(valueOf(parsePricePerMu('45万/亩'))).toBe(450_000)
    expect(valueOf(parsePricePerMu('450000元/亩'))).toBe(450_000)
    expect(valueOf(parsePricePerMu('450000', 'yuan_per_mu'))).toBe(450_000)
    const perM2 = parsePricePerMu('1500元/㎡')
    expect(valueOf(perM2)).toBe(1_000_000)
    expect(warningOf(perM2)).toContain('元/㎡')
    expect(messageOf(parsePricePerMu('45万元/公顷'))).toContain('万元/亩')
  })
})

describe('parseRange', () => {
  it('reads both ends, one end or a single figure', () => {
    expect(valueOf(parseRange('2.5-3.2'))).toEqual({ min: 2.5, max: 3.2 })
    expect(valueOf(parseRange('2.5～3.2'))).toEqual({ min: 2.5, max: 3.2 })
    expect(valueOf(parseRange('2.5~3.2'))).toEqual({ min: 2.5, max: 3.2 })
    expect(valueOf(parseRange('2.5至3.2'))).toEqual({ min: 2.5, max: 3.2 })
    expect(valueOf(parseRange('2.5—3.2'))).toEqual({ min: 2.5, max: 3.2 })
    expect(valueOf(parseRange('１．０－２．５'))).toEqual({ min: 1, max: 2.5 })
    expect(valueOf(parseRange('1.0<容积率≤2.5'))).toEqual({ min: 1, max: 2.5 })
    expect(valueOf(parseRange('≤2.5'))).toEqual({ min: null, max: 2.5 })
    expect(valueOf(parseRange('<=2.5'))).toEqual({ min: null, max: 2.5 })
    expect(valueOf(parseRange('不大于3.0'))).toEqual({ min: null, max: 3 })
    expect(valueOf(parseRange('容积率≤2.0'))).toEqual({ min: null, max: 2 })
    expect(valueOf(parseRange('2.5以下'))).toEqual({ min: null, max: 2.5 })
    expect(valueOf(parseRange('≥1.0'))).toEqual({ min: 1, max: null })
    expect(valueOf(parseRange('不小于1.2'))).toEqual({ min: 1.2, max: null })
    expect(valueOf(parseRange('1.0以上'))).toEqual({ min: 1, max: null })
    expect(valueOf(parseRange('2.5'))).toEqual({ min: 2.5, max: 2.5 })
    expect(valueOf(parseRange(2.5))).toEqual({ min: 2.5, max: 2.5 })
    expect(valueOf(parseRange(null))).toBeNull()
  })

  it('refuses reversed and unreadable ranges', () => {
    expect(messageOf(parseRange('3.2-2.5'))).toBe('范围下限大于上限：“3.2-2.5”')
    expect(messageOf(parseRange('待定'))).toBe('无法识别为范围：“待定”')
    expect(messageOf(parseRange('2.5-'))).toContain('2.5-')
  })
})

describe('parsePercent', () => {
  it('reads a share as a ratio', () => {
    expect(valueOf(parsePercent('35%'))).toBe(0.35)
    expect(valueOf(parsePercent('35％'))).toBe(0.35)
    expect(valueOf(parsePercent('35'))).toBe(0.35)
    expect(valueOf(parsePercent(35))).toBe(0.35)
    expect(valueOf(parsePercent('0.35'))).toBe(0.35)
    expect(valueOf(parsePercent(0.35))).toBe(0.35)
    expect(valueOf(parsePercent('12.5%'))).toBe(0.125)
    expect(valueOf(parsePercent('100%'))).toBe(1)
    expect(valueOf(parsePercent(0))).toBe(0)
  })

  it('refuses shares outside 0–100%', () => {
    expect(messageOf(parsePercent('135%'))).toBe('百分比应在 0% 到 100% 之间：“135%”')
    expect(parsePercent('-5%').ok).toBe(false)
    expect(parsePercent('百分之三十五').ok).toBe(false)
  })
})

describe('parseDate', () => {
  it('reads Excel dates: Date objects at UTC midnight and serial numbers', () => {
    expect(valueOf(parseDate(new Date(Date.UTC(2024, 2, 1))))).toBe('2024-03-01')
    expect(valueOf(parseDate(45352))).toBe('2024-03-01')
    expect(valueOf(parseDate(45352.75))).toBe('2024-03-01') // the time of day is dropped
    expect(valueOf(parseDate(36526))).toBe('2000-01-01')
    // Serials count the 1900-02-29 that never was: 61 is 1900-03-01, so later days sit on 1899-12-30.
    expect(valueOf(parseDate(7306))).toBe('1920-01-01')
    expect(valueOf(parseDate(73415))).toBe('2100-12-31')
    expect(parseDate(7305).ok).toBe(false)
  })

  it('refuses serial numbers that cannot be meant as dates', () => {
    expect(parseDate(61).ok).toBe(false)
    expect(parseDate(5).ok).toBe(false)
    expect(parseDate(99999).ok).toBe(false)
    expect(parseDate(-3).ok).toBe(false)
  })

  it('reads the ways people type dates', () => {
    const cases: Array<[string, string]> = [
      ['2024年3月1日', '2024-03-01'],
      ['2024年03月01日', '2024-03-01'],
      ['２０２４年３月１日', '2024-03-01'],
      ['2024 年 3 月 1 日', '2024-03-01'],
      ['2024.3.1', '2024-03-01'],
      ['2024/3/1', '2024-03-01'],
      ['2024-03-01', '2024-03-01'],
      ['20240301', '2024-03-01'],
      ['2024-03-01 14:30:00', '2024-03-01'],
      ['2024-03-01T00:00:00Z', '2024-03-01'],
      ['2024-02-29', '2024-02-29'],
      ['45352', '2024-03-01'],
    ]
    for (const [text, iso] of cases) {
      const p = parseDate(text)
      expect(valueOf(p), text).toBe(iso)
      expect(warningOf(p), text).toBeUndefined()
    }
  })

  it('reads a month or a year alone as its first day, with a warning', () => {
    const month = parseDate('2024年3月')
    expect(valueOf(month)).toBe('2024-03-01')
    expect(warningOf(month)).toBe('只有年月，按 2024-03-01 导入')
    expect(valueOf(parseDate('2024.03'))).toBe('2024-03-01')
    const year = parseDate(2024)
    expect(valueOf(year)).toBe('2024-01-01')
    expect(warningOf(year)).toBe('只有年份，按 2024-01-01 导入')
    expect(valueOf(parseDate('2019年'))).toBe('2019-01-01')
  })

  it('refuses impossible dates and years outside 1900–2100', () => {
    expect(messageOf(parseDate('2024-02-30'))).toBe('日期不存在：“2024-02-30”')
    expect(messageOf(parseDate('2023年2月29日'))).toBe('日期不存在：“2023年2月29日”')
    expect(messageOf(parseDate('2024.13.1'))).toBe('月份不存在：“2024.13.1”')
    expect(messageOf(parseDate('2024-04-31'))).toContain('日期不存在')
    expect(messageOf(parseDate('1899-12-31'))).toBe('年份应在 1900 到 2100 之间：“1899-12-31”')
    expect(messageOf(parseDate('2101年1月1日'))).toContain('1900 到 2100')
    expect(parseDate(new Date(Date.UTC(1850, 0, 1))).ok).toBe(false)
    expect(parseDate(new Date(Number.NaN)).ok).toBe(false)
    expect(parseDate('2024/3-1').ok).toBe(false)
    expect(parseDate('3/1/2024').ok).toBe(false)
    expect(parseDate('下个月').ok).toBe(false)
    expect(valueOf(parseDate(''))).toBeNull()
  })
})

describe('parseBoolean', () => {
  it('reads the yes/no marks of Chinese sheets', () => {
    for (const s of ['是', '有', '√', '✓', 'Y', 'yes', 'TRUE', '1', '规上', 'Ｙ']) expect(valueOf(parseBoolean(s)), s).toBe(true)
    for (const s of ['否', '无', '×', 'N', 'no', 'false', '0', '规下']) expect(valueOf(parseBoolean(s)), s).toBe(false)
    expect(valueOf(parseBoolean(true))).toBe(true)
    expect(valueOf(parseBoolean(0))).toBe(false)
    expect(valueOf(parseBoolean(null))).toBeNull()
    expect(messageOf(parseBoolean('也许'))).toBe('无法识别为是/否：“也许”')
    expect(parseBoolean(2).ok).toBe(false)
  })
})

describe('cellToText and parseText', () => {
  it('turns any cell into a line of text', () => {
    expect(cellToText(' 华润\u3000大厦 ')).toBe('华润 大厦')
    expect(cellToText(12)).toBe('12')
    expect(cellToText(0.1 + 0.2)).toBe('0.3')
    expect(cellToText(new Date(Date.UTC(2024, 2, 1)))).toBe('2024-03-01')
    expect(cellToText(true)).toBe('是')
    expect(cellToText(null)).toBe('')
    expect(valueOf(parseText('  '))).toBeNull()
    expect(valueOf(parseText(' ＳＹ－０１ '))).toBe('SY-01')
    expect(parseText({ geometry: { type: 'Point', coordinates: [1, 2] } }).ok).toBe(false)
  })
})
