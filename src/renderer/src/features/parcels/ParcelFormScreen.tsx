import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { ErrorMessage, Loading, PageHeader } from '../../components/Page'
import { useToast } from '../../components/Toast'
import { useCreateParcel, useUpdateParcel } from './mutations'
import { ParcelForm } from './ParcelForm'
import { emptyParcelForm, parcelFormOf } from './parcelForm'
import { useParcel } from './queries'

export function NewParcelScreen() {
  const { t } = useTranslation('parcels')
  const navigate = useNavigate()
  const create = useCreateParcel()
  return (
    <div>
      <PageHeader title={t('form.newTitle')} />
      <ParcelForm
        initial={emptyParcelForm}
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input, { onSuccess: ({ id }) => void navigate(`/parcels/${id}`) })}
        onCancel={() => void navigate('/parcels')}
      />
    </div>
  )
}

export function EditParcelScreen() {
  const { id = '' } = useParams()
  const { t } = useTranslation('parcels')
  const navigate = useNavigate()
  const toast = useToast()
  const parcel = useParcel(id)
  const update = useUpdateParcel()
  if (parcel.isPending) return <Loading />
  if (parcel.error) return <ErrorMessage error={parcel.error} onRetry={() => void parcel.refetch()} />
  return (
    <div>
      <PageHeader title={t('form.editTitle')} subtitle={`${parcel.data.code} ${parcel.data.name}`} />
      <ParcelForm
        key={parcel.data.id}
        initial={parcelFormOf(parcel.data)}
        pending={update.isPending}
        error={update.error}
        onSubmit={(input) =>
          update.mutate(
            { id, ...input },
            {
              onSuccess: () => {
                toast(t('common:state.saved'))
                void navigate(`/parcels/${id}`)
              },
            },
          )
        }
        onCancel={() => void navigate(`/parcels/${id}`)}
      />
    </div>
  )
}
