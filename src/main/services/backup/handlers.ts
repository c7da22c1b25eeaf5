import { DomainError } from '../../../shared/result'
import type { FeatureHandlers } from '../context'

// backup.* (shared/backup.ts). Foundation stubs: each part is built on its own branch.
const notYet = (): never => {
  throw new DomainError('internal', '备份：此功能正在建设中')
}

export const backupHandlers = {
  'backup.status': async () => notYet(),
  'backup.list': async () => notYet(),
  'backup.preview': async () => notYet(),
  'backup.create': async () => notYet(),
  'backup.configure': async () => notYet(),
  'backup.restore': async () => notYet(),
} satisfies FeatureHandlers<'backup'>
