import type { MethodInput } from '../../../../shared/api'
import { useApiQuery } from '../../api/hooks'

export type TrashFilter = MethodInput<'trash.list'>

export const useTrash = (filter: TrashFilter) => useApiQuery('trash.list', filter, { placeholderData: (previous) => previous })
