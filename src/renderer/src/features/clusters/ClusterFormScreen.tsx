import { useTranslation } from 'react-i18next'
import { EditScreen } from '../../components/EditScreen'
import { useNavigate, useParams } from 'react-router'
import { PageHeader } from '../../components/Page'
import { ClusterForm, clusterFormOf, emptyClusterForm } from './ClusterForm'
import { useCreateCluster, useUpdateCluster } from './mutations'
import { useCluster } from './queries'

export function NewClusterScreen() {
  const { t } = useTranslation('clusters')
  const navigate = useNavigate()
  const create = useCreateCluster()
  return (
    <div>
      <PageHeader title={t('form.newTitle')} />
      <ClusterForm
        initial={emptyClusterForm}
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input, { onSuccess: ({ id }) => void navigate(`/clusters/${id}`) })}
        onCancel={() => void navigate('/clusters')}
      />
    </div>
  )
}

export function EditClusterScreen() {
  const { id = '' } = useParams()
  return (
    <EditScreen
      id={id}
      row={useCluster(id)}
      update={useUpdateCluster()}
      namespace="clusters"
      subtitle={(c) => c.name}
      pageOf={(id) => `/clusters/${id}`}
      form={(row, handlers) => <ClusterForm key={row.id} initial={clusterFormOf(row)} {...handlers} />}
    />
  )
}
