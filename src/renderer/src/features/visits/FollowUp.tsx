import { useTranslation } from 'react-i18next'
import { followUpState, localToday } from './dates'

/** A follow-up date, marked when it is today or already past. */
export function FollowUp({ date }: { date: string | null }) {
  const { t } = useTranslation('visits')
  const state = followUpState(date, localToday())
  if (!date || !state) return <>—</>
  return (
    <span className={`follow-up follow-up--${state}`}>
      {date}
      {state !== 'due' && <span className={`badge badge--follow-up-${state}`}>{t(`followUp.${state}`)}</span>}
    </span>
  )
}
