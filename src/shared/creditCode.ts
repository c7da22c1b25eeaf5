// GB 32100-2015 unified social credit code (统一社会信用代码): 18 characters from the 31-symbol
// alphabet 0-9A-Z without I, O, Z, S, V; the last is a check character computed with weights
// 3^(i) mod 31. No maintained npm library implements this standard, so it is written here.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]!)
    if (value < 0) return null
    sum += value * WEIGHTS[i]!
  }
  const check = (31 - (sum % 31)) % 31
  return ALPHABET[check]!
}

export type CreditCodeProblem = 'length' | 'characters' | 'checksum'

export function checkCreditCode(code: string): CreditCodeProblem | null {
  const upper = code.toUpperCase()
  if (upper.length !== 18) return 'length'
  if (![...upper].every((c) => ALPHABET.includes(c))) return 'characters'
  return creditCodeCheckChar(upper.slice(0, 17)) === upper[17] ? null : 'checksum'
}
