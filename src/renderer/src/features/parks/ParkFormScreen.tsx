import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { ErrorMessage, Loading, PageHeader } from '../../components/Page'
import { useToast } from '../../components/Toast'
import { useCreatePark, useUpdatePark } from './mutations'
import { ParkForm } from './ParkForm'
import { emptyParkForm, parkFormOf } from './parkForm'
import { usePark } from './queries'

export function NewParkScreen() {
  const { t } = useTranslation('parks')
  const navigate = useNavigate()
  const create = useCreatePark()
  const [initial] = useState(emptyParkForm)
  return (
    <div>
      <PageHeader title={t('form.newTitle')} />
      <ParkForm
        initial={initial}
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input, { onSuccess: ({ id }) => void navigate(`/parks/${id}`) })}
        onCancel={() => void navigate('/parks')}
      />
    </div>
  )
}

export function EditParkScreen() {
  const { id = '' } = useParams()
  const { t } = useTranslation('parks')
  const navigate = useNavigate()
  const toast = useToast()
  const park = usePark(id)
  const update = useUpdatePark()
  if (park.isPending) return <Loading />
  if (park.error) return <ErrorMessage error={park.error} onRetry={() => void park.refetch()} />
  return (
    <div>
      <PageHeader title={t('form.editTitle')} subtitle={park.data.name} />
      <ParkForm
        key={park.data.id}
        initial={parkFormOf(park.data)}
        pending={update.isPending}
        error={update.error}
        onSubmit={(input) =>
          update.mutate(
            { id, ...input },
            {
              onSuccess: () => {
                toast(t('common:state.saved'))
                void navigate(`/parks/${id}`)
              },
            },
          )
        }
        onCancel={() => void navigate(`/parks/${id}`)}
      />
    </div>
  )
}
