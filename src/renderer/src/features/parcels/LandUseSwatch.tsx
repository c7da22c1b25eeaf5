import { useTranslation } from 'react-i18next'
import type { LandUse } from '../../../../shared/domain'
import { landUseColor } from '../../../../shared/landUseColors'

/** The land use's label beside a chip in its planning-map colour. */
export function LandUseSwatch({ use }: { use: LandUse }) {
  const { t } = useTranslation()
  const { fill, stroke } = landUseColor(use)
  return (
    <span className="land-use">
      <span className="land-use__swatch" style={{ background: fill, borderColor: stroke }} aria-hidden="true" />
      {t(`vocab.landUse.${use}`)}
    </span>
  )
}
