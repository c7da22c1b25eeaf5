import { describe, expect, it } from 'vitest'
import { decodeScope } from '../../src/shared/sheets'
import type { SiteScope } from '../../src/shared/siteScope'
import { followUpState, localToday } from '../../src/renderer/src/features/visits/dates'
import { sheetHref } from '../../src/renderer/src/features/visits/sheetLink'

describe('the sheet link of a visit', () => {
  it('carries the scope as base64url of its UTF-8 JSON, safe in an address', () => {
    const scope: SiteScope = {
      kind: 'ids',
      sites: [
        { kind: 'building', id: 'fb0ea0e4-7e0f-4c4e-9f57-9a3d1f6f0b3e' },
        { kind: 'park', id: '0c7d5c1e-3b0a-4a43-8d63-2c1b1f3e9a77' },
      ],
    }
    const href = sheetHref(scope)
    const match = /^#\/sheet\?scope=([A-Za-z0-9_-]+)$/.exec(href)
    expect(match).not.toBeNull()
    // The sheet screen reads back exactly the visit's sites.
    expect(decodeScope(match![1]!)).toEqual(scope)
    expect(JSON.parse(Buffer.from(match![1]!, 'base64url').toString('utf8'))).toEqual(scope)
  })
})

describe('follow-up dates', () => {
  it('are overdue before today, due today or later, nothing when not set', () => {
    expect(followUpState('2025-03-09', '2025-03-10')).toBe('overdue')
    expect(followUpState('2025-03-10', '2025-03-10')).toBe('today')
    expect(followUpState('2025-04-01', '2025-03-10')).toBe('due')
    expect(followUpState(null, '2025-03-10')).toBeNull()
  })

  it('count days in the local calendar', () => {
    expect(localToday(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05')
    expect(localToday(new Date(2025, 11, 31, 0, 1))).toBe('2025-12-31')
  })
})
