import { DomainError } from '../../../shared/result'
import type { FeatureHandlers } from '../context'

const notYet = async (): Promise<never> => {
  throw new DomainError('invalid', '导入：尚未完成')
}

export const importHandlers = {
  'imports.inspect': notYet,
  'imports.preview': notYet,
  'imports.run': notYet,
  'imports.list': notYet,
  'imports.undo': notYet,
} satisfies FeatureHandlers<'imports'>
