import type { MethodName } from '../../../../shared/api'
import { useApiMutation } from '../../api/hooks'

// A visit changes only the visit lists (incl. the site pages' lists) and the visit itself.
const VISIT_READS = ['visits.list', 'visits.get', 'changes.list'] as const satisfies readonly MethodName[]

export const useCreateVisit = () => useApiMutation('visits.create', VISIT_READS)
export const useUpdateVisit = () => useApiMutation('visits.update', VISIT_READS)
export const useDeleteVisit = () => useApiMutation('visits.delete', VISIT_READS)
export const useRestoreVisit = () => useApiMutation('visits.restore', VISIT_READS, ['visits.get'])
