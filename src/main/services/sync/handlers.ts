import type { FeatureHandlers } from '../context'
import { openConflicts } from './conflicts'
import { exportPackage } from './packageExport'
import { importPackageUpload } from './packageImport'
import { resolveConflict } from './resolve'
import { serverSet, serverSignIn, serverSignOut, syncNow } from './serverHandlers'
import { syncStatus } from './status'

// Working together (shared/sync.ts).
export const syncHandlers = {
  'sync.status': async (_input, ctx) => syncStatus(ctx),
  'sync.exportPackage': async ({ peer }, ctx) => exportPackage(ctx, peer),
  'sync.importPackage': async ({ uploadId }, ctx) => importPackageUpload(ctx, uploadId),
  'sync.conflicts': async (_input, { store }) => openConflicts(store),
  'sync.resolve': async (input, { store, author }) => resolveConflict(store, author, input),
  'sync.server.set': serverSet,
  'sync.server.signIn': serverSignIn,
  'sync.server.signOut': serverSignOut,
  'sync.now': syncNow,
} satisfies FeatureHandlers<'sync'>
