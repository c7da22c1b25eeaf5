import type { z } from 'zod'
import { LAND_USES, type LandUse, PARCEL_STATUSES, type ParcelStatus } from '../../../shared/domain'
import type { statsLandInput, StatsLand } from '../../../shared/stats'
import { availableLandByIndustry, landByDistrict, landByUseAndStatus, landSummary } from '../../store/statsLand'
import type { ServiceContext } from '../context'

const order = <T extends string>(list: readonly T[]) => (value: string) => {
  const i = list.indexOf(value as T)
  return i < 0 ? list.length : i
}
const useOrder = order(LAND_USES)
const statusOrder = order(PARCEL_STATUSES)

/** Land by use × status, by district and by target industry (shared/stats.ts StatsLand). */
export async function landStats(ctx: ServiceContext, input: z.output<typeof statsLandInput>): Promise<StatsLand> {
  const db = ctx.store.db
  const params = { scope: input.scope, districtCode: input.districtCode }
  const [groups, byDistrict, availableByIndustry, summary] = await Promise.all([
    landByUseAndStatus(db, params),
    landByDistrict(db, params),
    availableLandByIndustry(db, params),
    landSummary(db, params),
  ])
  // Rows in the vocabulary's order (住宅 … 其他, 储备 … 已出让), as the bureau's tables list them.
  const rows = groups
    .map((g) => ({ ...g, landUse: g.landUse as LandUse, status: g.status as ParcelStatus }))
    .sort((a, b) => useOrder(a.landUse) - useOrder(b.landUse) || statusOrder(a.status) - statusOrder(b.status))
  return {
    rows,
    total: { parcels: summary.parcels, areaM2: summary.areaM2, areaMu: summary.areaMu },
    byDistrict,
    availableByIndustry,
    parcelsWithoutArea: summary.parcelsWithoutArea,
    availableReferenceValue: summary.availableReferenceValue,
  }
}
