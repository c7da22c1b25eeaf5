import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MapArea, MapFilter } from '../../../../shared/mapFilter'
import type { SavedSearch } from '../../../../shared/types'
import { TextField } from '../../components/Field'
import { useToast } from '../../components/Toast'
import { Dialog } from '../buildings/FormBits'
import { SavedSearchSheetLink } from '../sheets/SheetLinks'
import { useCreateSavedSearch, useDeleteSavedSearch, useRestoreSavedSearch } from './mutations'
import { useSavedSearches } from './queries'

/** Open a saved search (filter + area), save the current one under a name, or delete one. */
export function SavedSearchMenu({ filter, area, onOpen }: { filter: MapFilter; area: MapArea | null; onOpen: (s: SavedSearch) => void }) {
  const { t } = useTranslation('map')
  const toast = useToast()
  const searches = useSavedSearches()
  const create = useCreateSavedSearch()
  const remove = useDeleteSavedSearch()
  const restore = useRestoreSavedSearch()
  const [saving, setSaving] = useState(false)
  const [name, setName] = useState('')
  const list = searches.data ?? []
  const [chosen, setChosen] = useState('')
  const current = list.find((s) => s.id === chosen)

  const save = () =>
    create.mutate(
      { name, filter, area },
      {
        onSuccess: ({ id }) => {
          toast(t('saved.saved', { name: name.trim() }))
          setSaving(false)
          setChosen(id)
          setName('')
        },
      },
    )

  return (
    <div className="saved-searches">
      <select
        aria-label={t('saved.title')}
        name="savedSearch"
        value={chosen}
        onChange={(e) => {
          setChosen(e.target.value)
          const s = list.find((x) => x.id === e.target.value)
          if (s) onOpen(s)
        }}
      >
        <option value="">{list.length === 0 ? t('saved.none') : t('saved.choose')}</option>
        {list.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
            {s.area ? `（${t('saved.withArea')}）` : ''}
          </option>
        ))}
      </select>
      {current && <SavedSearchSheetLink searchId={current.id} />}
      {current && (
        <button
          type="button"
          className="link-button"
          onClick={() =>
            remove.mutate(
              { id: current.id },
              {
                onSuccess: () => {
                  setChosen('')
                  toast(t('saved.deleted', { name: current.name }), () => restore.mutate({ id: current.id }))
                },
              },
            )
          }
        >
          {t('actions.delete')}
        </button>
      )}
      <button type="button" onClick={() => setSaving(true)}>{t('saved.save')}</button>
      {saving && (
        <Dialog title={t('saved.saveTitle')} onClose={() => setSaving(false)}>
          <form
            onSubmit={(e) => {
              e.preventDefault()
              save()
            }}
          >
            <TextField label={t('saved.name')} name="savedSearchName" value={name} onChange={setName} required error={create.error?.fieldErrors().name ?? create.error?.message} />
            <div className="modal__actions">
              <button type="submit" className="primary" disabled={create.isPending}>{t('actions.save')}</button>
              <button type="button" onClick={() => setSaving(false)}>{t('actions.cancel')}</button>
            </div>
          </form>
        </Dialog>
      )}
    </div>
  )
}
