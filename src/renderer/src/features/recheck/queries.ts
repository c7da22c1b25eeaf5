import { useMemo } from 'react'
import type { MethodInput } from '../../../../shared/api'
import { DEFAULT_STALE_DAYS, STALE_DAYS_KEY, readStaleDays, staleCutoff, todayLocal } from '../../../../shared/freshness'
import { useApiQuery } from '../../api/hooks'
import { useSettings } from '../meta/queries'

/** The stale threshold (days) from the settings; the default until they arrive. */
export function useStaleDays(): number {
  const settings = useSettings()
  return settings.data ? readStaleDays(settings.data[STALE_DAYS_KEY]) : DEFAULT_STALE_DAYS
}

/** Today's local date, kept for the life of the screen (ages are whole days). */
export function useToday(): string {
  return useMemo(() => todayLocal(), [])
}

/** The day before which a check is stale (the map paints thousands with one comparison each). */
export function useStaleBefore(): string {
  const days = useStaleDays()
  const today = useToday()
  return useMemo(() => staleCutoff(today, days), [today, days])
}

export const useRecheckQueue = (input: MethodInput<'verification.queue'>) =>
  useApiQuery('verification.queue', input, { placeholderData: (previous) => previous })

/** A site's position, to start the queue from it (buildings and parcels found by name). */
export const useBuildingPoint = (id: string | null) => useApiQuery('buildings.get', { id: id ?? '' }, { enabled: id !== null })
export const useParcelPoint = (id: string | null) => useApiQuery('parcels.get', { id: id ?? '' }, { enabled: id !== null })
export const useSiteSearch = (q: string) =>
  useApiQuery('search.query', { q, limit: 20 }, { enabled: q.trim().length > 0, placeholderData: (previous) => previous })
