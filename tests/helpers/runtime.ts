import fs from 'node:fs'
import path from 'node:path'
import { afterEach, expect, vi } from 'vitest'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'
import type { Result } from '../../src/shared/result'
import { type StoreRuntime, type StoreRuntimeOptions, startStoreRuntime } from '../../src/main/runtime/pool'
import { tempDir } from './store'

// The store runtime (writer and reader processes) over a fresh file in a temp dir, with the
// test hooks on; stopped and removed after each test of the calling suite.

export interface TestRuntime {
  runtime: StoreRuntime
  dir: string
  file: string
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  /** Raw SQL in a worker (the test hook), its rows; fails the test on an error. */
  sql(role: 'writer' | 'reader', ...statements: string[]): Promise<unknown>
}

export function runtimePerTest(): { start(options?: Partial<StoreRuntimeOptions>): Promise<TestRuntime> } {
  const started: TestRuntime[] = []
  afterEach(async () => {
    for (const t of started.splice(0)) {
      await t.runtime.shutdown()
      fs.rmSync(t.dir, { recursive: true, force: true })
    }
  })
  return {
    async start(options = {}) {
      const dir = tempDir('site-atlas-workers-')
      const file = path.join(dir, 'atlas.db')
      const runtime = await startStoreRuntime({ file, actor: 'tester', testHooks: true, ...options })
      // Every reader up before a test's clocks start: on a busy machine a reader's start (from
      // source, at a lower priority) can take longer than the short limits the tests set.
      await vi.waitFor(() => expect(runtime.workers().every((w) => w.pid !== undefined)).toBe(true), { timeout: 90_000, interval: 50 })
      const call = ((method: MethodName, input: unknown) => runtime.dispatch(method, input)) as TestRuntime['call']
      const t: TestRuntime = {
        runtime,
        dir,
        file,
        call,
        ok: (async (method: MethodName, input: unknown) => {
          const result = await runtime.dispatch(method, input)
          if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
          return result.value
        }) as TestRuntime['ok'],
        sql: async (role, ...statements) => {
          const result = await runtime.test(role, { kind: 'sql', statements })
          if (!result.ok) throw new Error(`sql failed: ${result.error.message}`)
          return result.value
        },
      }
      started.push(t)
      return t
    },
  }
}

/** A query that never ends by itself: counting an endless recursive sequence. */
export const ENDLESS_QUERY = 'WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c) SELECT count(*) AS n FROM c'
