import type { MethodInput } from '../../../../shared/api'
import { useApiQuery } from '../../api/hooks'

export type TrashFilter = MethodInput<'trash.list'>

// Opened after deleting elsewhere (a photo, a visit: writes that do not refresh the trash), it asks again.
export const useTrash = (filter: TrashFilter) =>
  useApiQuery('trash.list', filter, { placeholderData: (previous) => previous, refetchOnMount: 'always' })
