import { useApiQuery } from '../../../../api/hooks'

/** A year's targets with achieved, completion and months. */
export const useTargets = (year: number) => useApiQuery('targets.list', { year })
