import { DomainError } from '../../../shared/result'
import type { FeatureHandlers } from '../context'
import { exportPackage } from './packageExport'
import { importPackageUpload } from './packageImport'
import { serverSet, serverSignIn, serverSignOut, syncNow } from './serverHandlers'
import { syncStatus } from './status'

// Working together (shared/sync.ts). Stubs of the foundation: each part is built on its own branch.
const notYet = (): never => {
  throw new DomainError('not_found', '同步功能尚未完成')
}

export const syncHandlers = {
  'sync.status': async (_input, ctx) => syncStatus(ctx),
  'sync.exportPackage': async ({ peer }, ctx) => exportPackage(ctx, peer),
  'sync.importPackage': async ({ uploadId }, ctx) => importPackageUpload(ctx, uploadId),
  'sync.conflicts': async () => notYet(),
  'sync.resolve': async () => notYet(),
  'sync.server.set': serverSet,
  'sync.server.signIn': serverSignIn,
  'sync.server.signOut': serverSignOut,
  'sync.now': syncNow,
} satisfies FeatureHandlers<'sync'>
