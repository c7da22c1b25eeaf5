import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SearchHit } from '../../../../shared/types'
import { useMapPicks, useSiteSearch } from './queries'
import { addSites, samePick, type PickedSite } from './visitForm'

interface SitePickerProps {
  value: PickedSite[]
  onChange: (sites: PickedSite[]) => void
  error?: string
}

/**
 * The sites shown on a visit: found by name (buildings, parcels, parks), or all of the map's
 * current picks in one click; listed in the order they were added, each removable.
 */
export function SitePicker({ value, onChange, error }: SitePickerProps) {
  const { t } = useTranslation('visits')
  const [q, setQ] = useState('')
  const [open, setOpen] = useState(false)
  const deferred = useDeferredValue(q)
  const search = useSiteSearch(deferred)
  const hits = deferred.trim() ? search.sites : []
  const map = useMapPicks()
  const fromMap = map.picks.filter((p) => !value.some((v) => samePick(v, p)))

  const pick = (hit: SearchHit) => {
    if (hit.kind === 'building' || hit.kind === 'parcel' || hit.kind === 'park') {
      onChange(addSites(value, [{ kind: hit.kind, id: hit.id, name: hit.name }]))
    }
    setQ('')
    setOpen(false)
  }

  return (
    <div className={`site-picker${error ? ' field--error' : ''}`}>
      <div className="site-picker__tools">
        <div className="search-box site-picker__search">
          <input
            type="search"
            name="siteSearch"
            value={q}
            placeholder={t('picker.search')}
            aria-label={t('picker.search')}
            aria-invalid={Boolean(error)}
            onChange={(e) => {
              setQ(e.target.value)
              setOpen(true)
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                // Enter picks the first hit instead of submitting the form.
                e.preventDefault()
                if (hits[0]) pick(hits[0])
              }
              if (e.key === 'Escape') setOpen(false)
            }}
          />
          {open && deferred.trim() && (
            <ul className="search-box__results" role="listbox" aria-label={t('picker.search')}>
              {hits.length === 0 && !search.isFetching && <li className="search-box__empty">{t('picker.noResults', { q: deferred })}</li>}
              {hits.map((hit) => {
                const added = value.some((v) => samePick(v, hit))
                return (
                  <li key={`${hit.kind}-${hit.id}`} role="option" aria-selected={added} onMouseDown={() => pick(hit)}>
                    <span className="search-box__kind">{t(`kinds.${hit.kind}`)}</span>
                    <span className="search-box__name">{hit.name}</span>
                    <span className="search-box__extra">{added ? t('picker.added') : hit.extra}</span>
                  </li>
                )
              })}
            </ul>
          )}
        </div>
        <button type="button" disabled={fromMap.length === 0} onClick={() => onChange(addSites(value, fromMap))}>
          {map.picks.length === 0 && !map.isPending ? t('picker.fromMapNone') : t('picker.fromMap', { count: fromMap.length })}
        </button>
      </div>
      {value.length === 0 ? (
        <p className="muted site-picker__empty">{t('picker.empty')}</p>
      ) : (
        <ol className="site-picker__list" aria-label={t('fields.sites')}>
          {value.map((s) => (
            <li key={`${s.kind}-${s.id}`} data-testid="picked-site">
              <span className="badge">{t(`kinds.${s.kind}`)}</span>
              <span className={s.deleted ? 'muted' : undefined}>
                {s.name}
                {s.deleted && ` ${t('detail.siteDeleted')}`}
              </span>
              <button type="button" className="link-button" aria-label={`${t('picker.remove')} ${s.name}`} onClick={() => onChange(value.filter((v) => !samePick(v, s)))}>
                {t('picker.remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {error && (
        <div className="field__error" role="alert" data-field-error>
          {error}
        </div>
      )}
    </div>
  )
}
