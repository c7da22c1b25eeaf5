import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import type { TenantLease } from '../../../../shared/tenants'
import type { Tenant } from '../../../../shared/types'
import { DemoBadge, ErrorMessage, Facts, Loading, PageHeader } from '../../components/Page'
import { useToast } from '../../components/Toast'
import type { Language } from '../../i18n'
import { formatCount, formatMoney } from '../../lib/format'
import { ChangeHistory } from '../buildings/ChangeHistory'
import { ConfirmDialog } from '../buildings/FormBits'
import { useDeleteTenant, useRestoreTenant } from './mutations'
import { LeaseHistory } from './LeaseHistory'
import { useTenant } from './queries'

export function TenantDetailScreen() {
  const { id = '' } = useParams()
  const detail = useTenant(id)
  if (detail.isPending) return <Loading />
  if (detail.error) return <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />
  return <TenantDetailView tenant={detail.data.tenant} leases={detail.data.leases} />
}

function TenantDetailView({ tenant: x, leases }: { tenant: Tenant; leases: TenantLease[] }) {
  const { t, i18n } = useTranslation(['tenants', 'common'], { nsMode: 'fallback' })
  const lang = i18n.language as Language
  const navigate = useNavigate()
  const toast = useToast()
  const remove = useDeleteTenant()
  const restore = useRestoreTenant()
  const [confirming, setConfirming] = useState(false)

  const confirmDelete = () =>
    remove.mutate(
      { id: x.id },
      {
        onSuccess: () => {
          setConfirming(false)
          toast(t('state.deleted', { name: x.name }), () =>
            void restore
              .mutateAsync({ id: x.id })
              .then(() => navigate(`/tenants/${x.id}`))
              .catch((e: Error) => toast(e.message)),
          )
          void navigate('/tenants')
        },
        onError: (e) => {
          setConfirming(false)
          toast(e.message)
        },
      },
    )

  const facts: Array<[string, string]> = [
    [t('fields.creditCode'), x.creditCode ?? '—'],
    [t('fields.industry'), x.industry ? t(`vocab.industry.${x.industry}`) : '—'],
    [t('fields.aboveScale'), x.aboveScale ? t('yes') : t('no')],
    [t('fields.registeredInDistrict'), x.registeredInDistrict ? t('yes') : t('no')],
    [t('fields.annualTax'), formatMoney(x.annualTax, lang)],
    [t('fields.staff'), formatCount(x.staff)],
    [t('fields.contactName'), x.contactName ?? '—'],
    [t('fields.contactPhone'), x.contactPhone ?? '—'],
  ]
  return (
    <div className="tenant-detail">
      <PageHeader
        title={
          <>
            {x.name} <DemoBadge show={x.isDemo} />
            {x.aboveScale && <span className="badge badge--info">{t('detail.aboveScale')}</span>}
            {x.registeredInDistrict && <span className="badge badge--info">{t('detail.registered')}</span>}
          </>
        }
        actions={
          <>
            <Link className="button" to={`/tenants/${x.id}/edit`}>
              {t('actions.edit')}
            </Link>
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t('actions.delete')}
            </button>
          </>
        }
      />
      <h2>{t('detail.facts')}</h2>
      <section className="panel">
        <Facts items={facts} />
        {x.notes && <p className="building-notes">{x.notes}</p>}
      </section>
      <h2>{leases.length === 0 ? t('detail.leases') : t('detail.leasesOverTime', { count: leases.length })}</h2>
      {leases.length === 0 ? <p className="muted">{t('detail.noLeases')}</p> : <LeaseHistory leases={leases} lang={lang} />}
      <ChangeHistory rowId={x.id} site="tenant" />
      {confirming && (
        <ConfirmDialog
          title={t('detail.deleteTitle')}
          message={t('actions.confirmDelete', { name: x.name })}
          confirmLabel={t('actions.delete')}
          pending={remove.isPending}
          onConfirm={confirmDelete}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  )
}
