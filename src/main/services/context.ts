import { randomUUID } from 'node:crypto'
import os from 'node:os'
import type { MethodName, MethodOutput, MethodParsedInput } from '../../shared/api'
import type { Store } from '../store/open'
import { getSetting, setSetting } from '../store/settings'
import type { Author } from '../store/writer'

export interface ServiceContext {
  store: Store
  author: Author
  appVersion: string
}

export type Handler<M extends MethodName> = (input: MethodParsedInput<M>, ctx: ServiceContext) => Promise<MethodOutput<M>>

/** Every contract method's handler; a missing or extra one fails to compile where they are combined. */
export type Handlers = { [M in MethodName]: Handler<M> }

/** A feature's slice of the handlers, checked against the contract with `satisfies`. */
export type FeatureHandlers<P extends string> = { [M in MethodName as M extends `${P}.${string}` ? M : never]: Handler<M> }

export const APP_VERSION = '0.1.0'

/** Who is writing: this device's id (made once per store) and the person's name. */
export async function createServiceContext(store: Store, actor?: string): Promise<ServiceContext> {
  let deviceId = await getSetting(store.db, 'device.id')
  if (!deviceId) {
    deviceId = randomUUID()
    await setSetting(store.db, 'device.id', deviceId)
  }
  const name = actor ?? (await getSetting(store.db, 'user.name')) ?? safeUserName()
  return { store, author: { deviceId, actor: name }, appVersion: APP_VERSION }
}

function safeUserName(): string {
  try {
    return os.userInfo().username
  } catch {
    return 'unknown'
  }
}
