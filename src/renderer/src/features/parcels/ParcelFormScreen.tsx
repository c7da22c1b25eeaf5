import { useTranslation } from 'react-i18next'
import { EditScreen } from '../../components/EditScreen'
import { useNavigate, useParams } from 'react-router'
import { PageHeader } from '../../components/Page'
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
  return (
    <EditScreen
      id={id}
      row={useParcel(id)}
      update={useUpdateParcel()}
      namespace="parcels"
      subtitle={(p) => `${p.code} ${p.name}`}
      pageOf={(id) => `/parcels/${id}`}
      form={(row, handlers) => <ParcelForm key={row.id} initial={parcelFormOf(row)} mapHref={`/?site=parcel:${row.id}`} {...handlers} />}
    />
  )
}
