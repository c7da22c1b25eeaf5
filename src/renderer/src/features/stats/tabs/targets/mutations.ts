import type { MethodName } from '../../../../../../shared/api'
import { useApiMutation } from '../../../../api/hooks'

// A target's writes change only the targets list, the history and (a delete or restore) the trash.
const TARGET_READS = ['targets.list', 'changes.list', 'trash.list'] as const satisfies readonly MethodName[]

export const useCreateTarget = () => useApiMutation('targets.create', TARGET_READS)
export const useUpdateTarget = () => useApiMutation('targets.update', TARGET_READS)
export const useDeleteTarget = () => useApiMutation('targets.delete', TARGET_READS)
export const useSetTargetEntry = () => useApiMutation('targets.setEntry', TARGET_READS)
