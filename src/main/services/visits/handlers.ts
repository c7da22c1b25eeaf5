import { DomainError } from '../../../shared/result'
import type { FeatureHandlers } from '../context'

const notYet = async (): Promise<never> => {
  throw new DomainError('invalid', '接洽记录：尚未完成')
}

export const visitHandlers = {
  'visits.list': notYet,
  'visits.get': notYet,
  'visits.create': notYet,
  'visits.update': notYet,
  'visits.delete': notYet,
  'visits.restore': notYet,
} satisfies FeatureHandlers<'visits'>
