import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { Lease, Space } from '../../../../shared/types'
import { useToast } from '../../components/Toast'
import type { Language } from '../../i18n'
import { formatArea, formatRent } from '../../lib/format'
import { useDeleteLease, useRestoreLease } from '../tenants/mutations'
import { type LeaseAction, LeaseEditDialog } from '../tenancy/LeaseEditDialog'
import { LeaseDialog } from './LeaseDialog'

export function LeasesSection({ buildingId, leases, spaces }: { buildingId: string; leases: Lease[]; spaces: Space[] }) {
  const { t, i18n } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const lang = i18n.language as Language
  const toast = useToast()
  const remove = useDeleteLease()
  const restore = useRestoreLease()
  const [adding, setAdding] = useState(false)
  const [open, setOpen] = useState<{ lease: Lease; action: LeaseAction; focus?: 'endDate' } | null>(null)
  // ?lease=<id>&focus=endDate opens that lease (the space dialog's way to where its end date is entered).
  const [params, setParams] = useSearchParams()
  const asked = params.get('lease')
  useEffect(() => {
    if (!asked) return
    const lease = leases.find((l) => l.id === asked)
    if (lease) setOpen({ lease, action: 'edit', focus: params.get('focus') === 'endDate' ? 'endDate' : undefined })
    // Only this link's own keys go: the page may keep others in its address.
    const rest = new URLSearchParams(params)
    rest.delete('lease')
    rest.delete('focus')
    setParams(rest, { replace: true })
  }, [asked, leases, params, setParams])

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
        <LeaseTable leases={leases} lang={lang} onDelete={(l) => void deleteLease(l)} onOpen={(lease, action) => setOpen({ lease, action })} />
      )}
      {adding && <LeaseDialog buildingId={buildingId} spaces={spaces} onClose={() => setAdding(false)} />}
      {open && <LeaseEditDialog {...open} leases={leases} spaces={spaces} onClose={() => setOpen(null)} />}
    </section>
  )
}

/** Leases with a link to the other side: the tenant from a building, the building from a tenant. */
export function LeaseTable({ leases, lang, onDelete, onOpen, show = 'tenant' }: {
  leases: Lease[]
  lang: Language
  onDelete?: (l: Lease) => void
  /** Edit, renew or end a lease early (LeaseEditDialog). */
  onOpen?: (l: Lease, action: LeaseAction) => void
  show?: 'tenant' | 'building'
}) {
  const { t } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const { t: tt } = useTranslation('tenancy')
  const renewed = new Set(leases.map((l) => l.renewsLeaseId))
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
            <td>
              {l.endDate ?? '—'}
              {renewed.has(l.id) && <span className="muted"> · {tt('lease.renewed')}</span>}
            </td>
            <td className="num">{formatRent(l.rent, lang)}</td>
            {onDelete && (
              <td className="row-actions">
                {onOpen &&
                  (['edit', 'renew', 'end'] as const).map((action) => (
                    <button key={action} type="button" className="link-button" data-action={action} onClick={() => onOpen(l, action)}>
                      {tt(`lease.${action}`)}
                    </button>
                  ))}
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
