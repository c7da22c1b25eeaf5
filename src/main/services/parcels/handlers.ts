// PLACEHOLDER — being written by a helper; replaced before commit.
import { DomainError } from '../../../shared/result'
import type { FeatureHandlers } from '../context'

const pending = async (): Promise<never> => {
  throw new DomainError('internal', '尚未完成')
}

export const parcelHandlers = new Proxy({}, { get: () => pending }) as unknown as FeatureHandlers<'parcels'>
