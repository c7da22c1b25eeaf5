import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BUILDING_KINDS, LAND_USES, PARCEL_STATUSES, type BuildingKind, type LandUse, type ParcelStatus } from '../../../../shared/domain'
import type { ApiCallError } from '../../api/client'
import { SelectField, TextField } from '../../components/Field'
import type { Language } from '../../i18n'
import { formatArea, formatMu } from '../../lib/format'
import { Dialog } from '../buildings/FormBits'
import { DistrictSelect } from '../parcels/DistrictSelect'
import type { LngLat } from './crs'
import { useCreateBuildingOnMap, useCreateParcelOnMap } from './mutations'

// Creating a site where the user clicked or drew: the few fields the store requires, the rest on
// the site's own page afterwards. Errors come back from the server and show beside their field.

/** An error not tied to a field (it would have shown beside it), the hint, and the buttons. */
function FormFooter({ error, fieldErrors, pending, onClose }: { error: ApiCallError | null; fieldErrors: Record<string, string>; pending: boolean; onClose: () => void }) {
  const { t } = useTranslation('map')
  return (
    <>
      {error && Object.keys(fieldErrors).length === 0 && <div className="form-error" role="alert">{error.message}</div>}
      <p className="field__hint">{t('create.more')}</p>
      <div className="modal__actions">
        <button type="submit" className="primary" disabled={pending}>{t('actions.save')}</button>
        <button type="button" onClick={onClose}>{t('actions.cancel')}</button>
      </div>
    </>
  )
}

interface BuildingProps {
  at: LngLat
  defaultDistrict: string
  onCreated: (id: string, name: string) => void
  onClose: () => void
}

export function NewBuildingDialog({ at, defaultDistrict, onCreated, onClose }: BuildingProps) {
  const { t } = useTranslation('map')
  const create = useCreateBuildingOnMap()
  const [name, setName] = useState('')
  const [districtCode, setDistrict] = useState(defaultDistrict)
  const [kind, setKind] = useState<BuildingKind>('office')
  const errors = create.error?.fieldErrors() ?? {}
  return (
    <Dialog title={t('create.buildingTitle')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          create.mutate({ name, districtCode, kind, lng: at[0], lat: at[1] }, { onSuccess: ({ id }) => onCreated(id, name.trim()) })
        }}
      >
        <p className="modal__note" data-position={`${at[0]},${at[1]}`}>{t('create.position', { x: at[0].toFixed(6), y: at[1].toFixed(6) })}</p>
        <TextField label={t('create.name')} name="name" value={name} onChange={setName} required error={errors.name} />
        <DistrictSelect label={t('create.district')} placeholder={t('create.choose')} value={districtCode} onChange={setDistrict} error={errors.districtCode} />
        <SelectField label={t('create.kind')} name="kind" value={kind} options={BUILDING_KINDS.map((k) => ({ value: k, label: t(`vocab.buildingKind.${k}`) }))} onChange={(v) => setKind(v || 'office')} />
        <FormFooter error={create.error} fieldErrors={errors} pending={create.isPending} onClose={onClose} />
      </form>
    </Dialog>
  )
}

interface ParcelProps {
  ring: LngLat[]
  area: number
  defaultDistrict: string
  onCreated: (id: string, name: string) => void
  onClose: () => void
}

export function NewParcelDialog({ ring, area, defaultDistrict, onCreated, onClose }: ParcelProps) {
  const { t, i18n } = useTranslation('map')
  const lang = i18n.language as Language
  const create = useCreateParcelOnMap()
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [districtCode, setDistrict] = useState(defaultDistrict)
  const [landUse, setLandUse] = useState<LandUse | ''>('')
  const [status, setStatus] = useState<ParcelStatus>('reserve')
  const errors = create.error?.fieldErrors() ?? {}
  return (
    <Dialog title={t('create.parcelTitle')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          create.mutate(
            { code, name, districtCode, landUse: landUse as LandUse, status, boundary: { type: 'Polygon', coordinates: [ring] } },
            { onSuccess: ({ id }) => onCreated(id, name.trim()) },
          )
        }}
      >
        <p className="modal__note" data-area={area}>{t('create.area', { m2: formatArea(area, lang), mu: formatMu(area, lang) })}</p>
        <TextField label={t('create.code')} name="code" value={code} onChange={setCode} required error={errors.code} />
        <TextField label={t('create.name')} name="name" value={name} onChange={setName} required error={errors.name} />
        <DistrictSelect label={t('create.district')} placeholder={t('create.choose')} value={districtCode} onChange={setDistrict} error={errors.districtCode} />
        <SelectField label={t('create.landUse')} name="landUse" value={landUse} required emptyLabel={t('create.choose')} options={LAND_USES.map((u) => ({ value: u, label: t(`vocab.landUse.${u}`) }))} onChange={setLandUse} error={errors.landUse} />
        <SelectField label={t('create.status')} name="status" value={status} options={PARCEL_STATUSES.map((s) => ({ value: s, label: t(`vocab.parcelStatus.${s}`) }))} onChange={(v) => setStatus(v || 'reserve')} error={errors.status} />
        <FormFooter error={create.error} fieldErrors={errors} pending={create.isPending} onClose={onClose} />
      </form>
    </Dialog>
  )
}
