import { useEffect, useId, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { TenantHit } from '../../../../shared/tenants'
import { Field } from '../../components/Field'
import { useCreateTenant } from './mutations'
import { useTenantSearch } from './queries'
import './tenants.css'

export interface PickedTenant {
  id: string
  name: string
}

interface Props {
  label: string
  /** The chosen tenant, or null. */
  value: PickedTenant | null
  onChange: (tenant: PickedTenant | null) => void
  error?: string
  required?: boolean
  /** Offer "新建企业“…”" for a name nobody has yet; the tenant is made at once with that name. */
  allowCreate?: boolean
}

/** Waits until the person pauses typing: one search per pause, not one per keystroke. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}

type Option = { kind: 'hit'; hit: TenantHit } | { kind: 'create'; name: string }

/**
 * Chooses a tenant by typing part of its name, part of its credit code or its pinyin initials
 * (中海科技 → zhkj): a combobox that searches as the person types, each hit with its code and
 * industry, chosen with ↑/↓ and Enter or the mouse.
 */
export function TenantPicker({ label, value, onChange, error, required, allowCreate }: Props) {
  const { t } = useTranslation(['tenants', 'common'], { nsMode: 'fallback' })
  const listId = useId()
  const [text, setText] = useState(value?.name ?? '')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const q = useDebounced(text.trim(), 200)
  const typing = q !== text.trim()
  const search = useTenantSearch(open && !value ? q : '')
  const create = useCreateTenant()
  const hits = search.data ?? []
  const options: Option[] = hits.map((hit) => ({ kind: 'hit', hit }))
  const name = text.trim()
  // A new name is offered once the search is back without it; Latin letters alone that found
  // someone are initials or a code being typed, not a company's name.
  const looksLikeName = hits.length === 0 || !/^[a-z0-9]+$/i.test(name)
  if (allowCreate && name && !value && !typing && search.isSuccess && looksLikeName && !hits.some((h) => h.name === name)) {
    options.push({ kind: 'create', name })
  }
  const shown = open && !value && name !== ''
  const current = Math.min(active, options.length - 1)

  useEffect(() => setActive(0), [q])

  const choose = (option: Option | undefined) => {
    if (!option) return
    if (option.kind === 'hit') {
      onChange({ id: option.hit.id, name: option.hit.name })
      setText(option.hit.name)
      setOpen(false)
      return
    }
    create.mutate(
      { name: option.name },
      {
        onSuccess: ({ id }) => {
          onChange({ id, name: option.name })
          setText(option.name)
          setOpen(false)
        },
      },
    )
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setOpen(true)
      if (options.length > 0) setActive((i) => (Math.min(i, options.length - 1) + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length)
    } else if (e.key === 'Enter' && shown) {
      // Enter chooses the highlighted tenant instead of submitting the form.
      e.preventDefault()
      choose(options[current])
    } else if (e.key === 'Escape' && shown) {
      e.preventDefault()
      setOpen(false)
    }
  }

  const optionId = (i: number) => `${listId}-${i}`
  const status = typing || search.isFetching ? t('picker.searching') : options.length === 0 ? t('picker.noMatch', { q: name }) : null

  return (
    <Field label={label} required={required} error={error ?? create.error?.message} hint={value ? undefined : t('picker.hint')}>
      {(id) => (
        <div className="tenant-picker">
          <input
            id={id}
            name="tenantSearch"
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={shown}
            aria-controls={listId}
            aria-activedescendant={shown && current >= 0 ? optionId(current) : undefined}
            aria-invalid={Boolean(error)}
            placeholder={t('picker.placeholder')}
            value={text}
            onChange={(e) => {
              setText(e.target.value)
              setOpen(true)
              if (value) onChange(null)
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          {value && <span className="tenant-picker__chosen" aria-hidden="true">✓</span>}
          <ul id={listId} role="listbox" aria-label={label} className="tenant-picker__list search-box__results" hidden={!shown}>
            {shown && status && options.length === 0 && <li className="search-box__empty" role="presentation">{status}</li>}
            {shown &&
              options.map((option, i) => (
                <li
                  key={option.kind === 'hit' ? option.hit.id : 'create'}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === current}
                  className={i === current ? 'is-active' : undefined}
                  // Chosen on mouse down: a click would blur the input first and close the list.
                  onMouseDown={(e) => {
                    e.preventDefault()
                    choose(option)
                  }}
                  onMouseEnter={() => setActive(i)}
                >
                  {option.kind === 'hit' ? (
                    <>
                      <span className="tenant-picker__name">{option.hit.name}</span>
                      <span className="tenant-picker__code">{option.hit.creditCode ?? t('picker.noCode')}</span>
                      <span className="tenant-picker__industry">{option.hit.industry ? t(`vocab.industry.${option.hit.industry}`) : ''}</span>
                    </>
                  ) : (
                    <span className="tenant-picker__create">{create.isPending ? t('picker.creating') : t('picker.create', { name: option.name })}</span>
                  )}
                </li>
              ))}
          </ul>
        </div>
      )}
    </Field>
  )
}
