import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ApiCallError } from '../../api/client'

/**
 * Under a refusal that names a lease (a space whose status follows a running lease), a button to
 * open that lease's dialog at its end date, where the refusal is fixed.
 */
export function OpenLeaseLink({ error, buildingId, onOpen }: { error: unknown; buildingId: string; onOpen: () => void }) {
  const { t } = useTranslation('tenancy')
  const navigate = useNavigate()
  const related = error instanceof ApiCallError ? error.error.related : undefined
  if (related?.kind !== 'lease') return null
  const open = () => {
    onOpen()
    void navigate(`/buildings/${buildingId}?lease=${related.id}&focus=endDate`)
  }
  return (
    <div className="open-lease">
      <button type="button" className="link-button" onClick={open} data-testid="open-lease">
        {t('openLease')}
      </button>
    </div>
  )
}
