import { useTranslation } from 'react-i18next'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { ErrorMessage, Loading, PageHeader } from '../../components/Page'
import { useToast } from '../../components/Toast'
import { localToday } from './dates'
import { useCreateVisit, useUpdateVisit } from './mutations'
import { useUserName, useVisit } from './queries'
import { emptyVisitForm, visitFormOf, type PickedSite } from './visitForm'
import { VisitForm } from './VisitForm'

/**
 * A new visit: dated today, recorded by the person named in the settings. A site's page links here
 * with the site already chosen (?site=kind:id&name=…).
 */
export function NewVisitScreen() {
  const { t } = useTranslation('visits')
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const create = useCreateVisit()
  const user = useUserName()
  if (!user.ready) return <Loading />
  const initial = emptyVisitForm(localToday(), user.name)
  const preset = presetSite(params)
  if (preset) initial.sites = [preset]
  return (
    <div>
      <PageHeader title={t('form.newTitle')} />
      <VisitForm
        initial={initial}
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input, { onSuccess: ({ id }) => void navigate(`/visits/${id}`) })}
        onCancel={() => void navigate(-1)}
      />
    </div>
  )
}

function presetSite(params: URLSearchParams): PickedSite | null {
  const [kind, id] = (params.get('site') ?? '').split(':')
  const name = params.get('name') ?? ''
  if ((kind === 'building' || kind === 'parcel' || kind === 'park') && id) return { kind, id, name }
  return null
}

export function EditVisitScreen() {
  const { id = '' } = useParams()
  const { t } = useTranslation('visits')
  const navigate = useNavigate()
  const toast = useToast()
  const visit = useVisit(id)
  const update = useUpdateVisit()
  if (visit.isPending) return <Loading />
  if (visit.error) return <ErrorMessage error={visit.error} onRetry={() => void visit.refetch()} />
  return (
    <div>
      <PageHeader title={t('form.editTitle')} subtitle={`${visit.data.company} · ${visit.data.date}`} />
      <VisitForm
        key={visit.data.id}
        initial={visitFormOf(visit.data)}
        pending={update.isPending}
        error={update.error}
        onSubmit={(input) =>
          update.mutate(
            { id, ...input },
            {
              onSuccess: () => {
                toast(t('common:state.saved'))
                void navigate(`/visits/${id}`)
              },
            },
          )
        }
        onCancel={() => void navigate(`/visits/${id}`)}
      />
    </div>
  )
}
