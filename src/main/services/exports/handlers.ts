import { DomainError } from '../../../shared/result'
import type { FeatureHandlers } from '../context'

const notYet = async (): Promise<never> => {
  throw new DomainError('invalid', '导出：尚未完成')
}

export const exportHandlers = {
  'exports.start': notYet,
  'exports.get': notYet,
} satisfies FeatureHandlers<'exports'>
