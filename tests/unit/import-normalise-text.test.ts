import { describe, expect, it } from 'vitest'
import { normaliseText } from '../../src/main/services/imports/cells'

// normaliseText skips text that needs nothing done; checked against the character-by-character
// rules on many strings made of the characters those rules are about.

function byTheRules(s: string): string {
  let out = ''
  // eslint-disable-next-line no-control-regex
  for (const ch of s.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')) {
    const code = ch.charCodeAt(0)
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0)
    else if (code === 0x3000 || code === 0x00a0 || code === 0x2007 || code === 0x202f) out += ' '
    else out += ch
  }
  return out.replace(/\s+/g, ' ').trim()
}

const ALPHABET = [
  'a', 'Z', '7', '楼', '宇', '、', '（', '）', ' ', '  ', '\t', '\n', '\r', '\u3000', '\u00a0', '\u2007', '\u202f', '\u2028', '\u1680',
  '\u200b', '\ufeff', '\u00ad', '\u0001', '\u007f', '\u0085', '\uff10', '\uff21', '\uff5e', '\uff5f', '\uff00', '㎡', '😀', '\ud800',
]

describe('normaliseText', () => {
  it('gives what the character rules give, for text that needs changing and text that does not', () => {
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    let unchanged = 0
    for (let n = 0; n < 20_000; n++) {
      const length = Math.floor(next() * 8)
      let s = ''
      for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(next() * (next() < 0.6 ? 7 : ALPHABET.length))]
      expect(normaliseText(s), JSON.stringify(s)).toBe(byTheRules(s))
      if (byTheRules(s) === s) unchanged++
    }
    // Both paths were taken many times.
    expect(unchanged).toBeGreaterThan(1000)
    expect(unchanged).toBeLessThan(19_000)
  })
})
