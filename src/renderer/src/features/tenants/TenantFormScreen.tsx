import { useTranslation } from 'react-i18next'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { ErrorMessage, Loading, PageHeader } from '../../components/Page'
import { useToast } from '../../components/Toast'
import { useWarningConfirm } from '../../components/WarningConfirm'
import { formErrorsOf } from '../buildings/formErrors'
import { useCreateTenant, useUpdateTenant } from './mutations'
import { useTenant } from './queries'
import { TenantForm } from './TenantForm'
import { tenantFormOf, tenantInputOf, type TenantFormState } from './tenantForm'

/** Only in-app paths: a link may bring the user back to the building they came from. */
const safeReturn = (path: string | null) => (path && path.startsWith('/') && !path.startsWith('//') ? path : null)

export function NewTenantScreen() {
  const { t } = useTranslation(['tenants', 'common'], { nsMode: 'fallback' })
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const toast = useToast()
  const create = useCreateTenant()
  const warnings = useWarningConfirm()
  const returnTo = safeReturn(params.get('returnTo'))
  // A credit code whose check character does not match asks first (early pilot-area codes are real).
  const save = (s: TenantFormState) =>
    void warnings
      .run((accept) => create.mutateAsync({ ...tenantInputOf(s), accept }))
      .then((created) => {
        if (!created) return
        toast(t('state.saved'))
        void navigate(returnTo ?? `/tenants/${created.id}`)
      })
      .catch(() => undefined) // shown beside the fields (create.error)
  return (
    <div className="tenant-form-screen">
      <PageHeader title={t('form.newTitle')} />
      <TenantForm
        initial={tenantFormOf()}
        errors={formErrorsOf(create.error)}
        pending={create.isPending}
        onSubmit={save}
        onCancel={() => void navigate(returnTo ?? '/tenants')}
      />
      {warnings.dialog}
    </div>
  )
}

export function EditTenantScreen() {
  const { t } = useTranslation(['tenants', 'common'], { nsMode: 'fallback' })
  const { id = '' } = useParams()
  const navigate = useNavigate()
  const toast = useToast()
  const tenant = useTenant(id)
  const update = useUpdateTenant()
  const warnings = useWarningConfirm()
  if (tenant.isPending) return <Loading />
  if (tenant.error) return <ErrorMessage error={tenant.error} onRetry={() => void tenant.refetch()} />
  const current = tenant.data.tenant
  const save = (s: TenantFormState) =>
    void warnings
      .run((accept) => update.mutateAsync({ id, ...tenantInputOf(s), accept }))
      .then((saved) => {
        if (!saved) return
        toast(t('state.saved'))
        void navigate(`/tenants/${id}`)
      })
      .catch(() => undefined) // shown beside the fields (update.error)
  return (
    <div className="tenant-form-screen">
      <PageHeader title={t('form.editTitle')} subtitle={current.name} />
      <TenantForm
        key={current.id}
        initial={tenantFormOf(current)}
        errors={formErrorsOf(update.error)}
        pending={update.isPending}
        onSubmit={save}
        onCancel={() => void navigate(`/tenants/${id}`)}
      />
      {warnings.dialog}
    </div>
  )
}
