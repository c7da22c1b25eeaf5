import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SPACE_STATUSES, type SpaceStatus } from '../../../../shared/domain'
import type { Space } from '../../../../shared/types'
import { useToast } from '../../components/Toast'
import type { Language } from '../../i18n'
import { formatArea, formatRent } from '../../lib/format'
import { useDeleteSpace, useRestoreSpace, useUpdateSpace } from './mutations'
import { SpaceDialog } from './SpaceDialog'
import { FloorVerifyRow } from '../recheck/FloorVerifyRow'

type SaveState = 'saving' | 'saved' | 'error'

/**
 * The building's floors and units, in the order the API gives (top floor first). The status
 * column saves on change, so someone walking the building can mark floors as they go.
 */
export function SpacesSection({ buildingId, spaces }: { buildingId: string; spaces: Space[] }) {
  const { t, i18n } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const lang = i18n.language as Language
  const toast = useToast()
  const update = useUpdateSpace()
  const remove = useDeleteSpace()
  const restore = useRestoreSpace()
  const [dialog, setDialog] = useState<{ space?: Space } | null>(null)
  // The status just chosen, shown until the refreshed list arrives (or the save fails).
  const [chosen, setChosen] = useState<Record<string, SpaceStatus>>({})
  const [saveState, setSaveState] = useState<Record<string, SaveState>>({})

  const changeStatus = (space: Space, status: SpaceStatus) => {
    setChosen((c) => ({ ...c, [space.id]: status }))
    setSaveState((s) => ({ ...s, [space.id]: 'saving' }))
    const settle = (state: SaveState) => {
      // A later choice on the same row keeps showing until its own save settles.
      setChosen((c) => {
        if (c[space.id] !== status) return c
        const { [space.id]: _, ...rest } = c
        return rest
      })
      setSaveState((s) => ({ ...s, [space.id]: state }))
    }
    update.mutateAsync({ id: space.id, status }).then(
      () => settle('saved'),
      (error: Error) => {
        settle('error')
        toast(error.message)
      },
    )
  }

  const deleteSpace = (space: Space) => {
    const name = { floor: space.floorLabel, unit: space.unit ?? '' }
    remove.mutateAsync({ id: space.id }).then(
      () => toast(t('spaces.deleted', name), () => void restore.mutateAsync({ id: space.id }).catch((e: Error) => toast(e.message))),
      (error: Error) => toast(error.message),
    )
  }

  return (
    <section className="building-spaces">
      <div className="section-header">
        <h2>{t('spaces.title')}</h2>
        <button type="button" onClick={() => setDialog({})}>
          {t('spaces.add')}
        </button>
      </div>
      {spaces.length === 0 ? (
        <p className="muted">{t('spaces.empty')}</p>
      ) : (
        <>
          <p className="muted small">{t('spaces.quickHint')}</p>
          <table className="table space-table">
            <thead>
              <tr>
                <th>{t('spaces.columns.floorLabel')}</th>
                <th>{t('spaces.columns.unit')}</th>
                <th className="num">{t('spaces.columns.area')}</th>
                <th>{t('spaces.columns.status')}</th>
                <th className="num">{t('spaces.columns.askingRent')}</th>
                <th>{t('spaces.columns.fitOut')}</th>
                <th>{t('spaces.columns.availableFrom')}</th>
                <th>{t('spaces.columns.divisible')}</th>
                <th>{t('spaces.columns.tenant')}</th>
                <th>{t('spaces.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {spaces.map((space, i) => {
                const status = chosen[space.id] ?? space.status
                return (
                  <Fragment key={space.id}>
                  {(i === 0 || spaces[i - 1]!.floorLabel !== space.floorLabel) && (
                    <FloorVerifyRow buildingId={buildingId} floorLabel={space.floorLabel} spaces={spaces} colSpan={10} />
                  )}
                  <tr data-testid="space-row" data-id={space.id} data-save-state={saveState[space.id]}>
                    <td className="space-floor">{space.floorLabel}</td>
                    <td>{space.unit ?? '—'}</td>
                    <td className="num">{formatArea(space.area, lang)}</td>
                    <td>
                      <select
                        name="status"
                        className={`status-select status-select--${status}`}
                        value={status}
                        aria-label={t('spaces.statusFor', { floor: space.floorLabel })}
                        onChange={(e) => changeStatus(space, e.target.value as SpaceStatus)}
                      >
                        {SPACE_STATUSES.map((v) => (
                          <option key={v} value={v}>
                            {t(`vocab.spaceStatus.${v}`)}
                          </option>
                        ))}
                      </select>
                      {saveState[space.id] === 'saved' && <span className="save-mark" aria-label={t('state.saved')}>✓</span>}
                    </td>
                    <td className="num">{formatRent(space.askingRent, lang)}</td>
                    <td>{space.fitOut ? t(`vocab.fitOut.${space.fitOut}`) : '—'}</td>
                    <td>{space.availableFrom ?? '—'}</td>
                    <td>{space.divisible ? t('yes') : t('no')}</td>
                    <td>{space.tenantName ?? '—'}</td>
                    <td className="row-actions">
                      <button type="button" className="link-button" onClick={() => setDialog({ space })}>
                        {t('actions.edit')}
                      </button>
                      <button type="button" className="link-button danger" onClick={() => deleteSpace(space)}>
                        {t('actions.delete')}
                      </button>
                    </td>
                  </tr>
                  </Fragment>
                )
              })}
            </tbody>
          </table>
        </>
      )}
      {dialog && <SpaceDialog buildingId={buildingId} space={dialog.space} onClose={() => setDialog(null)} />}
    </section>
  )
}
