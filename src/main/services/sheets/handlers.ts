import { DomainError } from '../../../shared/result'
import type { FeatureHandlers } from '../context'

const notYet = async (): Promise<never> => {
  throw new DomainError('invalid', '资源清单：尚未完成')
}

export const sheetHandlers = {
  'sheets.data': notYet,
} satisfies FeatureHandlers<'sheets'>
