import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { ErrorMessage, Loading, PageHeader } from '../../components/Page'
import { useToast } from '../../components/Toast'
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
  const { t } = useTranslation('clusters')
  const navigate = useNavigate()
  const toast = useToast()
  const cluster = useCluster(id)
  const update = useUpdateCluster()
  if (cluster.isPending) return <Loading />
  if (cluster.error) return <ErrorMessage error={cluster.error} onRetry={() => void cluster.refetch()} />
  return (
    <div>
      <PageHeader title={t('form.editTitle')} subtitle={cluster.data.name} />
      <ClusterForm
        key={cluster.data.id}
        initial={clusterFormOf(cluster.data)}
        pending={update.isPending}
        error={update.error}
        onSubmit={(input) =>
          update.mutate(
            { id, ...input },
            {
              onSuccess: () => {
                toast(t('common:state.saved'))
                void navigate(`/clusters/${id}`)
              },
            },
          )
        }
        onCancel={() => void navigate(`/clusters/${id}`)}
      />
    </div>
  )
}
