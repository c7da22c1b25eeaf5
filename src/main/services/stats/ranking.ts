import type { z } from 'zod'
import { DEFAULT_RANKING_LIMIT, type RankingRow, type StatsRanking, type statsRankingInput, TAX_TAGS, type TaxTag, taxPerMu, taxTags } from '../../../shared/stats'
import { rankedBuildings } from '../../store/statsRollup'
import type { ServiceContext } from '../context'
import { figureDay } from './figureDay'
import { taxPerMuRanking } from './taxPerMu'

/**
 * Buildings of the scope by registered tax, vacancy rate (buildings with leasable area only), vacant
 * area or area coming free in 12 months, highest first; a building whose figure is 0 is not ranked
 * (except by vacancy, where 0% is a rank). tagCounts counts the whole scope: 千万元楼 includes the
 * 亿元楼 (≥ 1千万元), as reports say "千万元楼 N 栋，其中亿元楼 M 栋".
 */
export async function ranking(ctx: ServiceContext, input: z.output<typeof statsRankingInput>): Promise<StatsRanking> {
  if (input.by === 'taxPerMu') return taxPerMuRanking(ctx, input)
  const day = await figureDay(ctx)
  const { rows, tagCounts } = await rankedBuildings(ctx.store.db, {
    by: input.by,
    limit: input.limit ?? DEFAULT_RANKING_LIMIT,
    scope: input.scope,
    tagMins: TAX_TAGS.map((t) => t.min),
    ...day,
  })
  return {
    by: input.by,
    rows: rows.map(
      (row, i): RankingRow => ({
        rank: i + 1,
        id: row.id,
        kind: 'building',
        name: row.name,
        districtName: row.districtName,
        clusterName: row.clusterName,
        value: row.value,
        annualTax: row.annualTax,
        leasableArea: row.leasableArea,
        vacantArea: row.vacantArea,
        vacancyRate: row.vacancyRate,
        comingFree12m: row.comingFree12m,
        landArea: row.landArea,
        taxPerMu: taxPerMu(row.annualTax, row.landArea),
        tags: taxTags(row.annualTax),
      }),
    ),
    tagCounts: Object.fromEntries(TAX_TAGS.map((t, i) => [t.tag, tagCounts[i] ?? 0])) as Record<TaxTag, number>,
  }
}
