import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EditScreen } from '../../components/EditScreen'
import { useNavigate, useParams } from 'react-router'
import { PageHeader } from '../../components/Page'
import { useCreatePark, useUpdatePark } from './mutations'
import { ParkForm } from './ParkForm'
import { changedFields } from '../../lib/form'
import { emptyParkForm, parkFormOf, parkInputOf } from './parkForm'
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
  return (
    <EditScreen
      id={id}
      row={usePark(id)}
      update={useUpdatePark()}
      namespace="parks"
      subtitle={(p) => p.name}
      pageOf={(id) => `/parks/${id}`}
      form={(row, handlers) => {
        const initial = parkFormOf(row)
        // Only what the person changed: a value stored before a rule tightened does not block the save.
        const onSubmit = (input: ReturnType<typeof parkInputOf>) => handlers.onSubmit(changedFields(input, parkInputOf(initial)))
        return <ParkForm key={row.id} initial={initial} {...handlers} onSubmit={onSubmit} />
      }}
    />
  )
}
