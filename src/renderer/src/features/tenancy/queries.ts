import type { MethodInput } from '../../../../shared/api'
import { useApiQuery } from '../../api/hooks'

export const useComingFree = (input: MethodInput<'leases.comingFree'>) =>
  useApiQuery('leases.comingFree', input, { placeholderData: (previous) => previous })

export const useAsOf = (input: MethodInput<'tenancy.asOf'>, enabled: boolean) =>
  useApiQuery('tenancy.asOf', input, { enabled, placeholderData: (previous) => previous })
