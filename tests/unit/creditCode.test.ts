import { describe, expect, it } from 'vitest'
import { checkCreditCode, creditCodeCheckChar } from '../../src/shared/creditCode'

// Codes published in the national enterprise credit register (国家企业信用信息公示系统).
const PUBLISHED = [
  ['9144030071526726XG', '深圳市腾讯计算机系统有限公司'],
  ['914403001922038216', '华为技术有限公司'],
  ['91110108551385082Q', '小米科技有限责任公司'],
  ['91330100716105852F', '阿里巴巴（中国）有限公司'],
] as const

describe('unified social credit code (GB 32100-2015)', () => {
  it('works out a check character by hand', () => {
    // 9 1 2 1 0 1 0 3 1 2 3 4 5 6 7 8 9 weighted by 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
    // 9+3+18+27+0+26+0+51+20+58+75+52+40+144+70+240+252 = 1085 = 35 × 31, so 1085 mod 31 = 0 and
    // the check value is (31 − 0) mod 31 = 0, the character '0'.
    expect(creditCodeCheckChar('91210103123456789')).toBe('0')
    expect(checkCreditCode('912101031234567890')).toBeNull()
  })

  it('accepts published codes, including letters in the body and as check character', () => {
    for (const [code] of PUBLISHED) {
      expect(checkCreditCode(code), code).toBeNull()
      expect(creditCodeCheckChar(code.slice(0, 17)), code).toBe(code[17])
    }
  })

  it('accepts lower case as the same code', () => {
    expect(checkCreditCode('9144030071526726xg')).toBeNull()
  })

  it('refuses a code whose check character was changed or whose body has a typo', () => {
    expect(checkCreditCode('9144030071526726XH')).toBe('checksum')
    expect(checkCreditCode('912101031234567891')).toBe('checksum')
    // Two neighbouring characters swapped: the weights differ, so the check no longer matches.
    expect(checkCreditCode('914403001922038126')).toBe('checksum')
  })

  it('names the problem: length first, then forbidden characters', () => {
    expect(checkCreditCode('91210103123456789')).toBe('length')
    expect(checkCreditCode('9121010312345678900')).toBe('length')
    expect(checkCreditCode('')).toBe('length')
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      expect(checkCreditCode(`9121010312345678${letter}0`), letter).toBe('characters')
    }
    expect(checkCreditCode('91210103-23456789X')).toBe('characters')
  })

  it('gives no check character for a body of the wrong length or with forbidden characters', () => {
    expect(creditCodeCheckChar('9121010312345678')).toBeNull()
    expect(creditCodeCheckChar('9121010312345678O')).toBeNull()
  })

  it('computes a check character that validates for every body tried', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
    for (let n = 0; n < 200; n++) {
      const body = '91210103' + Array.from({ length: 9 }, (_, i) => alphabet[(n * 7 + i * 13) % alphabet.length]).join('')
      const check = creditCodeCheckChar(body)!
      expect(alphabet).toContain(check)
      expect(checkCreditCode(body + check), body).toBeNull()
      const wrong = alphabet[(alphabet.indexOf(check) + 1) % alphabet.length]
      expect(checkCreditCode(body + wrong), body).toBe('checksum')
    }
  })
})
