import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'
import type { Result } from '../../src/shared/result'
import { createServices, type Services } from '../../src/main/services'
import { openStore, type Store } from '../../src/main/store/open'

/** A fresh temporary directory, removed by the caller's `cleanup`. */
export function tempDir(prefix = 'site-atlas-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

export interface TestApp {
  store: Store
  services: Services
  file: string
  /** Calls a method and returns the envelope. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>
  /** Calls a method and returns its value, failing the test on an error envelope. */
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  close(): Promise<void>
}

/** Opens a store on a real SQLite file in a temp dir with the services over it. */
export async function openTestApp(file?: string): Promise<TestApp> {
  const dir = file ? null : tempDir()
  const dbFile = file ?? path.join(dir!, 'atlas.db')
  const store = await openStore(dbFile)
  const services = await createServices(store, 'tester')
  const call = (async (method: MethodName, input: unknown) => services.dispatch(method, input)) as TestApp['call']
  const ok = (async (method: MethodName, input: unknown) => {
    const result = await services.dispatch(method, input)
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
    return result.value
  }) as TestApp['ok']
  return {
    store,
    services,
    file: dbFile,
    call,
    ok,
    close: async () => {
      await store.close()
      if (dir) fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Registers a local file the way the Electron host does when the user picks one (left in place)
 * and returns its upload id; a refused registration fails the test here, not at the later call.
 */
export async function pickFile(app: TestApp, file: string): Promise<string> {
  const result = await app.services.registerFile(file)
  if (!result.ok) throw new Error(`registering ${file} failed: ${JSON.stringify(result.error)}`)
  return result.value.uploadId
}

/**
 * A fresh store with its services and a scratch folder for every test of the calling suite,
 * closed and removed after each.
 */
export function freshAppPerTest(): { readonly app: TestApp; readonly dir: string } {
  let current: { app: TestApp; dir: string } | undefined
  beforeEach(async () => {
    current = { app: await openTestApp(), dir: tempDir() }
  })
  afterEach(async () => {
    if (!current) return
    await current.app.services.shutdown()
    await current.app.close()
    fs.rmSync(current.dir, { recursive: true, force: true })
    current = undefined
  })
  const get = () => {
    if (!current) throw new Error('freshAppPerTest: used outside a test')
    return current
  }
  return {
    get app() { return get().app },
    get dir() { return get().dir },
  }
}
