import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Lease, Space } from '../../../../shared/types'
import { useToast } from '../../components/Toast'
import type { Language } from '../../i18n'
import { formatArea, formatRent } from '../../lib/format'
import { useDeleteLease, useRestoreLease } from '../tenants/mutations'
import { LeaseDialog } from './LeaseDialog'

export function LeasesSection({ buildingId, leases, spaces }: { buildingId: string; leases: Lease[]; spaces: Space[] }) {
  const { t, i18n } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const lang = i18n.language as Language
  const toast = useToast()
  const remove = useDeleteLease()
  const restore = useRestoreLease()
  const [adding, setAdding] = useState(false)

  const deleteLease = (lease: Lease) =>
    remove.mutateAsync({ id: lease.id }).then(
      () =>
        toast(t('leases.deleted', { tenant: lease.tenantName }), () =>
          void restore.mutateAsync({ id: lease.id }).catch((e: Error) => toast(e.message)),
        ),
      (error: Error) => toast(error.message),
    )

  return (
    <section className="building-leases">
      <div className="section-header">
        <h2>{t('leases.title')}</h2>
        <button type="button" onClick={() => setAdding(true)}>
          {t('leases.add')}
        </button>
      </div>
      {leases.length === 0 ? (
        <p className="muted">{t('leases.empty')}</p>
      ) : (
        <LeaseTable leases={leases} lang={lang} onDelete={(l) => void deleteLease(l)} />
      )}
      {adding && <LeaseDialog buildingId={buildingId} spaces={spaces} onClose={() => setAdding(false)} />}
    </section>
  )
}

/** Leases with a link to the other side: the tenant from a building, the building from a tenant. */
export function LeaseTable({ leases, lang, onDelete, show = 'tenant' }: { leases: Lease[]; lang: Language; onDelete?: (l: Lease) => void; show?: 'tenant' | 'building' }) {
  const { t } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  return (
    <table className="table lease-table">
      <thead>
        <tr>
          <th>{show === 'tenant' ? t('leases.columns.tenant') : t('columns.name')}</th>
          <th>{t('leases.columns.floors')}</th>
          <th className="num">{t('leases.columns.area')}</th>
          <th>{t('leases.columns.startDate')}</th>
          <th>{t('leases.columns.endDate')}</th>
          <th className="num">{t('leases.columns.rent')}</th>
          {onDelete && <th>{t('leases.columns.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {leases.map((l) => (
          <tr key={l.id} data-testid="lease-row" data-id={l.id}>
            <td>
              {show === 'tenant' ? <Link to={`/tenants/${l.tenantId}`}>{l.tenantName}</Link> : <Link to={`/buildings/${l.buildingId}`}>{l.buildingName}</Link>}
            </td>
            <td>{l.floors.join('、') || '—'}</td>
            <td className="num">{formatArea(l.area, lang)}</td>
            <td>{l.startDate ?? '—'}</td>
            <td>{l.endDate ?? '—'}</td>
            <td className="num">{formatRent(l.rent, lang)}</td>
            {onDelete && (
              <td className="row-actions">
                <button type="button" className="link-button danger" onClick={() => onDelete(l)}>
                  {t('actions.delete')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
