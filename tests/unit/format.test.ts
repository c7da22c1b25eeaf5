import { describe, expect, it } from 'vitest'
import { formatArea, formatMoney, formatMu, formatRate, formatRent, formatRentRange } from '../../src/renderer/src/lib/format'

describe('Chinese number habits', () => {
  it('shows areas in m², 万 m² and 亿 m²', () => {
    expect(formatArea(8500)).toBe('8,500 m²')
    expect(formatArea(52000)).toBe('5.2万 m²')
    expect(formatArea(52000, 'en')).toBe('52,000 m²')
    expect(formatArea(746_259_000)).toBe('7.46亿 m²')
    expect(formatArea(null)).toBe('—')
  })

  it('shows money in 元, 万元 and 亿元', () => {
    expect(formatMoney(2e9)).toBe('20亿元')
    expect(formatMoney(3_500_000)).toBe('350万元')
    expect(formatMoney(9000)).toBe('9,000元')
    expect(formatMoney(2e9, 'en')).toBe('CNY 2 billion')
    expect(formatMoney(42_470_000, 'en')).toBe('CNY 42.47 million')
  })

  it('shows 亩, rates and daily rents', () => {
    expect(formatMu(242000)).toBe('363.00 亩')
    expect(formatMu(1_424_000)).toBe('2,136.00 亩')
    expect(formatRate(0.25)).toBe('25.0%')
    expect(formatRent(3.5)).toBe('3.5 元/m²·天')
    expect(formatRentRange(2.8, 4.2)).toBe('2.8–4.2 元/m²·天')
  })
})
