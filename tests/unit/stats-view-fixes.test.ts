import { describe, expect, it } from 'vitest'
import type { ParkStatsRow, RollupRow, StatsRanking } from '../../src/shared/stats'
import { ROLLUP_LEVELS } from '../../src/shared/stats'
import { common } from '../../src/renderer/src/i18n/common'
import { messages as stats } from '../../src/renderer/src/features/stats/i18n'
import { basisIn } from '../../src/renderer/src/features/stats/basis'
import { rollupNamer, rollupRowName } from '../../src/renderer/src/features/stats/buildings/rowNames'
import { sameRanking } from '../../src/renderer/src/features/stats/placeholders'
import { sharedHostBuildings } from '../../src/renderer/src/features/stats/tabs/parks/shape'
import { parseYear } from '../../src/renderer/src/features/stats/tabs/targets/year'

// The statistics view's review fixes that live in pure functions: which earlier ranking may stay on
// screen, rollup row names in the reader's language, parks sharing host buildings, the year typed.

/** A t() over the real message objects, "ns:a.b.c" keys as i18next reads them. */
const translator = (lang: 'zh' | 'en') => (key: string): string => {
  const [ns, path] = key.includes(':') ? key.split(':') as [string, string] : ['stats', key]
  const bundle: unknown = ns === 'common' ? common[lang] : ns === 'stats' ? stats[lang] : undefined
  const found = path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], bundle)
  if (typeof found !== 'string') throw new Error(`no string ${key} (${lang})`)
  return found
}

const row = (key: string | null, name: string): RollupRow => ({
  key, name, buildings: 1, leasableArea: 100, vacantArea: 10, vacancyRate: 0.1, occupancyRate: 0.9, tenants: 1,
  aboveScaleTenants: 0, registeredTenants: 1, annualTax: 0, taxPerLeasedM2: 0, comingFree12m: 0,
})

describe('rankings placeholder', () => {
  const tax = { by: 'tax', rows: [], tagCounts: { qianwan: 3, yiyuan: 1 } } satisfies StatsRanking
  it('keeps an earlier answer while the same ranking is asked again (a new scope or limit)', () => {
    expect(sameRanking('tax')(tax)).toBe(tax)
  })
  it('drops an earlier answer for another ranking: its values are not the new figure', () => {
    expect(sameRanking('vacancy')(tax)).toBeUndefined()
    expect(sameRanking('tax')(undefined)).toBeUndefined()
  })
})

describe('rollup row names', () => {
  const en = translator('en')
  const zh = translator('zh')
  it('names kind and grade groups from their key, in English in English mode', () => {
    expect(rollupRowName('kind', row('office', '写字楼'), en)).toBe('Office tower')
    expect(rollupRowName('grade', row('super_a', '超甲级'), en)).toBe('Super grade A')
    expect(rollupRowName('grade', row('super_a', '超甲级'), zh)).toBe('超甲级')
  })
  it('names every level’s "none" row in both languages, as the server does in Chinese', () => {
    for (const level of ROLLUP_LEVELS) {
      expect(rollupRowName(level, row(null, 'x'), en)).not.toMatch(/[\u4e00-\u9fff]/)
      expect(rollupRowName(level, row(null, 'x'), zh)).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(rollupRowName('cluster', row(null, '未归入聚集区'), zh)).toBe('未归入聚集区')
    expect(rollupRowName('park', row(null, '不在产业园'), en)).toBe('In no sky park')
  })
  it('keeps the names people gave districts, clusters, parks, buildings and floors', () => {
    for (const level of ['district', 'cluster', 'park', 'building', 'floor'] as const) {
      expect(rollupRowName(level, row('k1', '金廊'), en)).toBe('金廊')
    }
  })
  it('names the total by the language, a row with the same key by its own name', () => {
    const total = row(null, '合计')
    const name = rollupNamer('district', total, en)
    expect(name(total)).toBe('Total')
    expect(translator('zh')('stats:total')).toBe('合计')
    expect(name(row(null, '未知区县'))).toBe('Unknown district')
  })
})

describe('basis sentences', () => {
  it('shows the server’s Chinese sentence in Chinese and the renderer’s own otherwise', () => {
    expect(basisIn('zh', '按月填报的完成值之和', 'Sum of the values entered')).toBe('按月填报的完成值之和')
    expect(basisIn('en', '按月填报的完成值之和', 'Sum of the values entered')).toBe('Sum of the values entered')
  })
})

describe('sky parks sharing host buildings', () => {
  const park = (id: string, buildings: string[]) => ({ id, hosts: buildings.map((buildingId) => ({ buildingId })) }) as unknown as ParkStatsRow
  it('counts the buildings hosting two or more of the parks, once each', () => {
    expect(sharedHostBuildings([park('p1', ['b1', 'b2']), park('p2', ['b2', 'b3']), park('p3', ['b2'])])).toBe(1)
    // One park on two runs of floors of a building is not shared.
    expect(sharedHostBuildings([park('p1', ['b1', 'b1']), park('p2', ['b3'])])).toBe(0)
  })
})

describe('targets year typed', () => {
  it('takes a whole year of 2000–2100 and nothing else', () => {
    expect(parseYear('2019')).toBe(2019)
    expect(parseYear(' 2100 ')).toBe(2100)
    expect(parseYear('1999')).toBeNull()
    expect(parseYear('2101')).toBeNull()
    expect(parseYear('202')).toBeNull()
    expect(parseYear('2020.5')).toBeNull()
    expect(parseYear('')).toBeNull()
  })
})
