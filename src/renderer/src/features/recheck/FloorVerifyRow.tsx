import { useTranslation } from 'react-i18next'
import { checkOf, oldestCheck } from '../../../../shared/freshness'
import type { Space } from '../../../../shared/types'
import { FreshnessTag, useFreshness, VerifyButton } from './Freshness'

/**
 * A floor's line in a building's spaces table: how long since its oldest space was verified, and
 * '核实本层' (all its spaces verified today). Walking a tower, staff confirm it floor by floor.
 */
export function FloorVerifyRow({ buildingId, floorLabel, spaces, colSpan }: { buildingId: string; floorLabel: string; spaces: readonly Space[]; colSpan: number }) {
  const { t } = useTranslation('recheck')
  const f = useFreshness()
  const check = oldestCheck(...spaces.filter((s) => s.floorLabel === floorLabel).map((s) => checkOf(s.verifiedAt, s.createdAt)))
  if (!check) return null
  const stale = f.stale(check)
  return (
    <tr className={`space-floor-check${stale ? ' space-floor-check--stale' : ''}`} data-testid="floor-check" data-floor={floorLabel} data-stale={stale ? '1' : '0'}>
      <td colSpan={colSpan}>
        <span className="space-floor-check__floor">{t('freshness.floor', { floor: floorLabel })}</span>
        <FreshnessTag check={check} compact />
        <VerifyButton target={{ kind: 'floor', id: buildingId, floorLabel }} label={t('freshness.verifyFloor')} className="link-button" />
      </td>
    </tr>
  )
}
