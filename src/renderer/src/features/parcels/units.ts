import { parseNumber } from '../../lib/form'

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

/**
 * Typed text in a display unit (亩, 亿元, %) → a number in the store's unit, rounded so that
 * 0.07 亿元 is 7,000,000 and not 7,000,000.000000001. Text that is not a number is passed on
 * unchanged so the server names the field in its message.
 */
export function scaledNumber(text: string, factor: number, digits = 2): number | null {
  const n = parseNumber(text)
  return typeof n === 'number' ? round(n * factor, digits) : n
}
