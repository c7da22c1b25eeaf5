import { pinyin } from 'pinyin-pro'

/**
 * The pinyin initials of a name, lower case, as staff type them to find a company: 中海科技 → zhkj,
 * 重庆银行 → cqyh (pinyin-pro picks the reading of a polyphone from the words around it). Latin
 * letters and digits are kept as they are (ABC科技 → abckj); other characters are dropped.
 */
export function nameInitials(name: string): string {
  const letters = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
  return letters.join('').toLowerCase().replace(/[^a-z0-9]/g, '')
}
