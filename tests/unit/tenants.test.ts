import { describe, expect, it } from 'vitest'
import { checkCreditCode, creditCodeCheckChar, creditCodeCheckWarning } from '../../src/shared/creditCode'
import { nameInitials } from '../../src/shared/pinyinInitials'
import { creditCode } from '../../src/shared/schemas/tenants'
import { leasePhase, leaseTimeline } from '../../src/shared/tenants'

// The credit code rule (a check character that does not match warns, length and letters refuse),
// pinyin initials, and a tenant's leases placed in time.

describe('credit codes: a wrong check character is a warning, not a refusal', () => {
  const PILOT = '91350211M00013FA1N'

  it('lets an early pilot-area code through the schema and warns about it', () => {
    expect(checkCreditCode(PILOT)).toBe('checksum')
    expect(creditCode.safeParse(PILOT.toLowerCase())).toEqual({ success: true, data: PILOT })
    expect(creditCodeCheckWarning(PILOT)).toMatch(/^统一社会信用代码：校验位与 GB 32100-2015 的计算不符（91350211M00013FA1N）/)
  })

  it('says nothing of a code that passes, or of none', () => {
    const first17 = '91210103MA0U1A2B3'
    const good = first17 + creditCodeCheckChar(first17)!
    expect(creditCodeCheckWarning(good)).toBeNull()
    expect(creditCodeCheckWarning(null)).toBeNull()
    expect(creditCodeCheckWarning('')).toBeNull()
  })

  it('still refuses a code of the wrong length or with letters outside the alphabet', () => {
    const short = creditCode.safeParse(PILOT.slice(0, 17))
    expect(short.success).toBe(false)
    expect(short.error?.issues[0]?.message).toBe('统一社会信用代码：应为 18 位')
    const letter = creditCode.safeParse(`${PILOT.slice(0, 17)}I`)
    expect(letter.error?.issues[0]?.message).toBe('统一社会信用代码：含有不允许的字符（不使用 I、O、Z、S、V）')
    // Refused codes are not warnings: the refusal is the message.
    expect(creditCodeCheckWarning(PILOT.slice(0, 17))).toBeNull()
  })
})

describe('pinyin initials', () => {
  it('reads a name as staff type it', () => {
    expect(nameInitials('中海科技')).toBe('zhkj')
    expect(nameInitials('辽宁金廊商贸有限公司')).toBe('lnjlsmyxgs')
    expect(nameInitials('ABC科技（沈阳）')).toBe('abckjsy')
    expect(nameInitials('重庆银行')).toBe('cqyh')
  })
})

describe('a tenant’s leases in time', () => {
  const lease = (id: string, startDate: string | null, endDate: string | null, renewsLeaseId: string | null = null) => ({ id, startDate, endDate, renewsLeaseId })

  it('places a lease before, on and after today (a lease ending today is current)', () => {
    const today = '2026-06-15'
    expect(leasePhase(lease('a', '2020-01-01', '2026-06-14'), today)).toBe('past')
    expect(leasePhase(lease('a', '2020-01-01', '2026-06-15'), today)).toBe('current')
    expect(leasePhase(lease('a', null, null), today)).toBe('current')
    expect(leasePhase(lease('a', '2026-06-16', null), today)).toBe('future')
  })

  it('orders by start date and puts each renewal right after the lease it renews', () => {
    const leases = [
      lease('other', '2022-03-01', '2027-02-28'),
      lease('renewal2', '2026-01-01', '2028-12-31', 'renewal1'),
      lease('first', '2020-01-01', '2022-12-31'),
      lease('renewal1', '2023-01-01', '2025-12-31', 'first'),
      lease('undated', null, null),
    ]
    expect(leaseTimeline(leases).map((x) => [x.lease.id, x.depth])).toEqual([
      ['undated', 0], ['first', 0], ['renewal1', 1], ['renewal2', 2], ['other', 0],
    ])
  })

  it('shows a renewal whose earlier lease is not in the list, and a loop, once each', () => {
    expect(leaseTimeline([lease('b', '2023-01-01', null, 'gone')]).map((x) => x.lease.id)).toEqual(['b'])
    const loop = leaseTimeline([lease('x', '2020-01-01', null, 'y'), lease('y', '2021-01-01', null, 'x')])
    expect(loop.map((x) => x.lease.id).sort()).toEqual(['x', 'y'])
  })
})
