import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { storeWorkerEntry } from '../../src/main/runtime/entry'
import type { WorkerInit } from '../../src/main/runtime/protocol'
import { endWorker } from '../../src/main/runtime/workerExit'
import { tempDir } from '../helpers/store'

// A store worker started as an Electron utility process (the packaged app) talks over
// process.parentPort and has no IPC channel, so it cannot end itself by disconnecting. Here the
// real worker script runs as a plain Node process with a parentPort of the same shape (messages
// as JSON lines over stdin/stdout) and no channel at all, and is closed as the host closes it.

let dir: string | undefined
let child: ChildProcess | undefined
afterEach(() => {
  // One that failed the test is not left running.
  if (child?.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  child = undefined
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

/**
 * What Electron gives a utility process: process.parentPort, an emitter of { data } with
 * postMessage, whose messages wait until a handler is registered.
 */
const PARENT_PORT = `
import { EventEmitter } from 'node:events'
import readline from 'node:readline'
const port = new EventEmitter()
const queued = []
port.postMessage = (message) => process.stdout.write('@@' + JSON.stringify(message) + '\\n')
port.on('newListener', (event) => {
  if (event === 'message') setImmediate(() => { for (const data of queued.splice(0)) port.emit('message', { data }) })
})
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const data = JSON.parse(line)
  if (port.listenerCount('message') > 0) port.emit('message', { data })
  else queued.push(data)
})
process.parentPort = port
`

async function closeAsUtilityProcess(init: Omit<WorkerInit, 'type'>): Promise<{ code: number | null; stderr: string; messages: unknown[] }> {
  const entry = storeWorkerEntry(new URL('../../src/main/runtime/entry.ts', import.meta.url).href)
  const preload = path.join(dir!, 'parentPort.mjs')
  fs.writeFileSync(preload, PARENT_PORT)
  const worker = spawn(process.execPath, [...entry.execArgv, '--import', preload, entry.file], { stdio: ['pipe', 'pipe', 'pipe'] })
  child = worker
  let stderr = ''
  worker.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const messages: unknown[] = []
  const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)))
  const send = (message: unknown) => worker.stdin.write(`${JSON.stringify(message)}\n`)
  const ready = new Promise<void>((resolve) => {
    readline.createInterface({ input: worker.stdout }).on('line', (line) => {
      if (!line.startsWith('@@')) return
      const message = JSON.parse(line.slice(2)) as { type: string }
      messages.push(message)
      if (message.type === 'ready') resolve()
    })
  })
  send({ type: 'init', ...init })
  await ready
  send({ type: 'close', seq: 1 })
  // The host's grace is 5 s before it kills a worker that does not end (storeWorker.ts close); the
  // test's own timeout stands in for it: a worker that does not exit fails here.
  const code = await exited
  return { code, stderr, messages }
}

describe('a store worker without an IPC channel (Electron utility process)', () => {
  it('ends itself on close, the writer with its store closed', async () => {
    dir = tempDir()
    const { code, stderr, messages } = await closeAsUtilityProcess({ role: 'writer', file: path.join(dir, 'atlas.db'), options: { dataDir: dir, backupSchedule: false } })
    expect(stderr).not.toMatch(/disconnect|TypeError/)
    expect(code).toBe(0)
    expect(messages).toContainEqual({ type: 'closed', seq: 1 })
  }, 30_000)

  it('ends itself on close as an offline worker', async () => {
    dir = tempDir()
    const { code, stderr } = await closeAsUtilityProcess({ role: 'offline', file: path.join(dir, 'atlas.db'), options: { dataDir: dir }, state: { state: 'ok' } })
    expect(stderr).not.toMatch(/disconnect|TypeError/)
    expect(code).toBe(0)
  }, 30_000)
})

describe('endWorker', () => {
  const fake = (over: Partial<Parameters<typeof endWorker>[0]>) => {
    const calls: string[] = []
    endWorker({ exit: (code) => void calls.push(`exit ${code}`), ...over, ...(over.disconnect ? { disconnect: () => void calls.push('disconnect') } : {}) })
    return calls
  }
  it('disconnects a forked worker, and exits one over parentPort or whose channel is already gone', () => {
    expect(fake({ connected: true, disconnect: () => undefined })).toEqual(['disconnect'])
    expect(fake({ parentPort: {} })).toEqual(['exit 0'])
    expect(fake({ connected: false, disconnect: () => undefined })).toEqual(['exit 0'])
  })
})
