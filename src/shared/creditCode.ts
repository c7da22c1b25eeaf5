// GB 32100-2015 unified social credit code (统一社会信用代码): 18 characters from the 31-symbol
// alphabet 0-9A-Z without I, O, Z, S, V; the last is a check character computed with weights
// 3^(i) mod 31. Characters 9–17 are a GB 11714 organisation code (8 characters and its own check
// character). No maintained npm library implements these standards, so they are written here.

/** The 31 characters of a credit code, in the order of their values 0–30. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const ALPHABET = CREDIT_CODE_ALPHABET
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

/**
 * GB 11714 check character (0-9 or X) of an organisation code's first 8 characters, digits or
 * capital letters (A = 10 … Z = 35); null when they are not.
 */
export function organisationCodeCheckChar(first8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(first8)) return null
  let sum = 0
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i]!, 36) * ORGANISATION_WEIGHTS[i]!
  const c = 11 - (sum % 11)
  return c === 10 ? 'X' : c === 11 ? '0' : String(c)
}

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

/** The warning code a person sends in `accept` to keep a code whose check character does not match. */
export const CREDIT_CODE_CHECK_WARNING = 'creditCode.checkDigit'

/**
 * The sentence for a code of the right length and alphabet whose check character does not match:
 * codes issued in early pilot areas before GB 32100-2015 (e.g. 91350211M00013FA1N, Xiamen) fail the
 * check yet belong to real companies, so this is a warning to accept, not a refusal; a typo looks
 * the same, hence "请核对". Null when the code passes (or is refused for its length or letters).
 */
export function creditCodeCheckWarning(code: string | null | undefined): string | null {
  if (!code) return null
  if (checkCreditCode(code) !== 'checksum') return null
  return `统一社会信用代码：校验位与 GB 32100-2015 的计算不符（${code.toUpperCase()}），请核对；早期试点地区发放的代码可能如此，确认无误可保留`
}
