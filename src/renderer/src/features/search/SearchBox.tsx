import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { SearchHit } from '../../../../shared/types'
import { useSearch } from './queries'

const routeOf = (hit: SearchHit) =>
  ({ building: `/buildings/${hit.id}`, parcel: `/parcels/${hit.id}`, park: `/parks/${hit.id}`, cluster: `/clusters/${hit.id}`, tenant: `/tenants/${hit.id}` })[hit.kind]

/** The global search box: names and addresses of every kind of site, Chinese substrings included. */
export function SearchBox() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [q, setQ] = useState('')
  const [open, setOpen] = useState(false)
  const deferred = useDeferredValue(q)
  const results = useSearch(deferred)
  const hits = deferred.trim() ? (results.data ?? []) : []

  const go = (hit: SearchHit) => {
    setOpen(false)
    setQ('')
    void navigate(routeOf(hit))
  }

  return (
    <div className="search-box">
      <input
        type="search"
        value={q}
        placeholder={t('search.placeholder')}
        aria-label={t('actions.search')}
        onChange={(e) => {
          setQ(e.target.value)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits[0]) go(hits[0])
          if (e.key === 'Escape') setOpen(false)
        }}
      />
      {open && deferred.trim() && (
        <ul className="search-box__results" role="listbox">
          {hits.length === 0 && !results.isFetching && <li className="search-box__empty">{t('search.noResults', { q: deferred })}</li>}
          {hits.map((hit) => (
            <li key={`${hit.kind}-${hit.id}`} role="option" aria-selected={false} onMouseDown={() => go(hit)}>
              <span className="search-box__kind">{t(`search.kinds.${hit.kind}`)}</span>
              <span className="search-box__name">{hit.name}</span>
              <span className="search-box__extra">{hit.extra}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
