import { DomainError } from '../../../shared/result'
import type { FeatureHandlers } from '../context'
import { serverSet, serverSignIn, serverSignOut, syncNow } from './serverHandlers'
import { openConflicts } from './conflicts'
import { resolveConflict } from './resolve'

// Working together (shared/sync.ts). Stubs of the foundation: each part is built on its own branch.
const notYet = (): never => {
  throw new DomainError('not_found', '同步功能尚未完成')
}

export const syncHandlers = {
  'sync.status': async () => notYet(),
  'sync.exportPackage': async () => notYet(),
  'sync.importPackage': async () => notYet(),
  'sync.conflicts': async (_input, { store }) => openConflicts(store),
  'sync.resolve': async (input, { store, author }) => resolveConflict(store, author, input),
  'sync.server.set': serverSet,
  'sync.server.signIn': serverSignIn,
  'sync.server.signOut': serverSignOut,
  'sync.now': syncNow,
} satisfies FeatureHandlers<'sync'>
