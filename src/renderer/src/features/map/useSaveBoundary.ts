import { useTranslation } from 'react-i18next'
import type { MapParcel } from '../../../../shared/mapSites'
import type { Boundary } from '../../../../shared/schemas/parcels'
import { useToast } from '../../components/Toast'
import type { Language } from '../../i18n'
import { formatMu } from '../../lib/format'
import { boundaryArea } from './geometry'
import { useUpdateParcelBoundary } from './mutations'

/**
 * Saves a parcel's boundary as edited on the map. An area that was typed in (from a transfer
 * notice) is the legal figure and stays; an area that was the old tracing's follows the new one.
 */
export function useSaveBoundary() {
  const { t, i18n } = useTranslation('map')
  const lang = i18n.language as Language
  const toast = useToast()
  const save = useUpdateParcelBoundary()
  return (parcel: MapParcel, edited: { boundary: Boundary; area: number }, onSaved: () => void) => {
    const stored = parcel.area
    const traced = parcel.boundary ? boundaryArea(parcel.boundary) : null
    const typedIn = stored != null && traced != null && Math.abs(stored - traced) / traced > 0.005
    save.mutate(
      { id: parcel.id, boundary: edited.boundary, area: typedIn ? stored : null, lng: null, lat: null },
      {
        onSuccess: (saved) => {
          toast(
            typedIn
              ? t('card.boundarySavedAreaKept', { name: parcel.name, mu: formatMu(saved.area, lang), traced: formatMu(edited.area, lang) })
              : t('card.boundarySaved', { name: parcel.name, mu: formatMu(saved.area, lang) }),
          )
          onSaved()
        },
        onError: (error) => toast(error.message),
      },
    )
  }
}
