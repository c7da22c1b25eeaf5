import { DomainError } from '../../../shared/result'
import type { ServerSettingsView } from '../../../shared/sync'
import { clearToken, readServerPeer, readServerView, setServer } from '../../store/syncServer'
import type { Handler, ServiceContext } from '../context'
import { ServerCallError } from './serverClient'
import { runServerSync, signIn, toDomainError } from './serverRun'

// sync.server.* and sync.now: the team server's settings, signing in and out, and a sync now.
// The token stays in this process and the data file: the view answered never holds it.

const view = async (ctx: ServiceContext): Promise<ServerSettingsView> => {
  const server = await readServerView(ctx.store, ctx.author.deviceId)
  if (!server) throw new DomainError('not_found', '团队服务器：尚未设置服务器地址和账号')
  return server
}

export const serverSet: Handler<'sync.server.set'> = async ({ url, user }, ctx) => {
  await setServer(ctx.store, url.replace(/\/+$/, ''), user)
  return view(ctx)
}

export const serverSignIn: Handler<'sync.server.signIn'> = async ({ password }, ctx) => {
  const peer = await readServerPeer(ctx.store)
  if (!peer) throw new DomainError('not_found', '团队服务器：请先填写服务器地址和账号')
  try {
    await signIn(ctx, peer.settings.url, peer.settings.user, password)
  } catch (error) {
    if (error instanceof ServerCallError) throw toDomainError(error, error.message)
    throw error
  }
  return view(ctx)
}

export const serverSignOut: Handler<'sync.server.signOut'> = async (_input, ctx) => {
  await clearToken(ctx.store)
  return view(ctx)
}

export const syncNow: Handler<'sync.now'> = async (_input, ctx) => runServerSync(ctx)
