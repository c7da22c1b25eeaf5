import { useTranslation } from 'react-i18next'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { ErrorMessage, Loading, PageHeader } from '../../components/Page'
import { useToast } from '../../components/Toast'
import { changedFields } from '../../lib/form'
import { BuildingForm } from './BuildingForm'
import { buildingFormOf, buildingInputOf, emptyBuildingForm, type BuildingFormState } from './buildingForm'
import { formErrorsOf } from './formErrors'
import { useCreateBuilding, useUpdateBuilding } from './mutations'
import { useBuilding } from './queries'

export function NewBuildingScreen() {
  const { t } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const toast = useToast()
  const create = useCreateBuilding()
  const save = (s: BuildingFormState) =>
    create.mutate(buildingInputOf(s), {
      onSuccess: ({ id }) => {
        toast(t('state.saved'))
        void navigate(`/buildings/${id}`)
      },
    })
  return (
    <div className="building-form-screen">
      <PageHeader title={t('form.newTitle')} />
      <BuildingForm
        initial={emptyBuildingForm(params.get('districtCode') ?? '')}
        errors={formErrorsOf(create.error)}
        pending={create.isPending}
        onSubmit={save}
        onCancel={() => void navigate('/buildings')}
      />
    </div>
  )
}

export function EditBuildingScreen() {
  const { t } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const { id = '' } = useParams()
  const navigate = useNavigate()
  const toast = useToast()
  const building = useBuilding(id)
  const update = useUpdateBuilding()
  if (building.isPending) return <Loading />
  if (building.error) return <ErrorMessage error={building.error} onRetry={() => void building.refetch()} />
  const b = building.data.building
  const save = (s: BuildingFormState) =>
    update.mutate(
      // Only what the person changed: a value stored before a rule tightened does not block the save.
      { id, ...changedFields(buildingInputOf(s), buildingInputOf(buildingFormOf(b))) },
      {
        onSuccess: () => {
          toast(t('state.saved'))
          void navigate(`/buildings/${id}`)
        },
      },
    )
  return (
    <div className="building-form-screen">
      <PageHeader title={t('form.editTitle')} subtitle={b.name} />
      <BuildingForm
        key={b.id}
        initial={buildingFormOf(b)}
        errors={formErrorsOf(update.error)}
        pending={update.isPending}
        onSubmit={save}
        onCancel={() => void navigate(`/buildings/${id}`)}
      />
    </div>
  )
}
