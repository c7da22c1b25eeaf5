import type { z } from 'zod'
import { DEFAULT_RANKING_LIMIT, type RankingRow, type StatsRanking, type statsRankingInput, TAX_TAGS, taxPerMu, taxTags } from '../../../shared/stats'
import { compareNames } from '../../store/collate'
import { buildingsWithLand, taxTagCounts } from '../../store/statsTaxPerMu'
import type { ServiceContext } from '../context'
import { figureDay } from './figureDay'
import { parkStatsFull } from './parks'

const thresholds = {
  yiyuan: TAX_TAGS.find((t) => t.tag === 'yiyuan')!.min,
  qianwan: TAX_TAGS.find((t) => t.tag === 'qianwan')!.min,
}

type Unranked = Omit<RankingRow, 'rank'>

/** 亩均税收: buildings and sky parks whose land area is known, by registered tax per 亩. */
export async function taxPerMuRanking(ctx: ServiceContext, input: z.output<typeof statsRankingInput>): Promise<StatsRanking> {
  const db = ctx.store.db
  const days = await figureDay(ctx)
  const params = { scope: input.scope, ...days }
  const [buildings, parks, tagCounts] = await Promise.all([
    buildingsWithLand(db, params),
    parkStatsFull(ctx, { scope: input.scope }),
    taxTagCounts(db, params, thresholds),
  ])
  const rate = (vacant: number, leasable: number) => (leasable > 0 ? vacant / leasable : null)
  const rows: Unranked[] = [
    ...buildings.map((b): Unranked => {
      const perMu = taxPerMu(b.annualTax, b.landArea)!
      return {
        id: b.id, kind: 'building', name: b.name, districtName: b.districtName, clusterName: b.clusterName, value: perMu,
        annualTax: b.annualTax, leasableArea: b.leasableArea, vacantArea: b.vacantArea, vacancyRate: rate(b.vacantArea, b.leasableArea),
        comingFree12m: b.comingFree12m, landArea: b.landArea, taxPerMu: perMu, tags: taxTags(b.annualTax),
      }
    }),
    ...parks.flatMap((p): Unranked[] => p.taxPerMu === null ? [] : [{
      id: p.id, kind: 'park', name: p.name, districtName: p.districtName, clusterName: null, value: p.taxPerMu,
      annualTax: p.annualTax, leasableArea: p.hostArea, vacantArea: p.vacantArea, vacancyRate: rate(p.vacantArea, p.hostArea),
      comingFree12m: p.comingFree12m, landArea: p.landArea, taxPerMu: p.taxPerMu, tags: [], // 千万元楼/亿元楼 name buildings
    }]),
  ]
  rows.sort((a, b) => b.value - a.value || compareNames(a.name, b.name))
  const limit = input.limit ?? DEFAULT_RANKING_LIMIT
  return { by: 'taxPerMu', rows: rows.slice(0, limit).map((row, i) => ({ rank: i + 1, ...row })), tagCounts }
}
