import { useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { TargetRow } from '../../../../../../shared/stats'
import { useToast } from '../../../../components/Toast'
import { numberText, parseNumber } from '../../../../lib/form'
import { useSetTargetEntry } from './mutations'
import './i18n'

const monthNumber = (month: string) => Number(month.slice(5))

/**
 * The twelve months of an entered target as a row of number boxes: each is saved on its own when
 * left (or on Enter); emptied, its month's entry is removed.
 */
export function MonthEntries({ target }: { target: TargetRow }) {
  const { t } = useTranslation('statsTargets')
  const toast = useToast()
  const setEntry = useSetTargetEntry()
  const [drafts, setDrafts] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)

  const saved = (month: TargetRow['months'][number]) => (month.entered ? numberText(month.value) : '')
  const commit = (month: TargetRow['months'][number]) => {
    const text = drafts[month.month]
    if (text === undefined || text.trim() === saved(month)) {
      setDrafts(({ [month.month]: _, ...rest }) => rest)
      return
    }
    const n = monthNumber(month.month)
    const value = text.trim() === '' ? null : parseNumber(text)
    if (value !== null && (!Number.isFinite(value) || value < 0)) {
      setError(t('months.bad', { n, text }))
      return
    }
    setError(null)
    setEntry.mutate(
      { targetId: target.id, month: month.month, value },
      {
        onSuccess: () => {
          setDrafts(({ [month.month]: _, ...rest }) => rest)
          toast(value === null ? t('months.removed', { n }) : t('months.saved', { n, value: `${numberText(value)} ${target.unit}` }))
        },
        onError: (e) => setError(e.message),
      },
    )
  }
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') event.currentTarget.blur()
  }

  return (
    <div className="target-entries">
      <div className="target-entries__title">{t('months.entryTitle', { unit: target.unit })}</div>
      <div className="target-entries__row">
        {target.months.map((m) => {
          const n = monthNumber(m.month)
          return (
            <label key={m.month} className="target-entries__month">
              <span>{t('months.month', { n })}</span>
              <input
                inputMode="decimal"
                name={`entry-${m.month}`}
                aria-label={t('months.monthLabel', { year: target.year, n })}
                value={drafts[m.month] ?? saved(m)}
                onChange={(e) => setDrafts((prev) => ({ ...prev, [m.month]: e.target.value }))}
                onBlur={() => commit(m)}
                onKeyDown={onKey}
              />
            </label>
          )
        })}
      </div>
      {error ? (
        <div className="field__error" role="alert">
          {error}
        </div>
      ) : (
        <div className="field__hint">{t('months.entryHint')}</div>
      )}
    </div>
  )
}
