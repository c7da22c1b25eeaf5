import { type ChildProcess, fork } from 'node:child_process'
import os from 'node:os'
import type { WorkerEntry } from './entry'
import type { WorkerCall, WorkerInit, WorkerMessage } from './protocol'

// A store worker is a child process, not a worker thread: a thread cannot be stopped while
// SQLite runs inside it (Worker.terminate() waits for native code to return to JavaScript, and a
// recursive view in a crafted map package never returns; even process.exit() then hangs), while a
// process is stopped at once by SIGKILL and SQLite rolls back what it left uncommitted.

export interface WorkerProcess {
  send(message: WorkerInit | WorkerCall): void
  onMessage(listener: (message: WorkerMessage) => void): void
  /** Called once, when the process has gone (exit code or signal). */
  onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void
  kill(): void
  readonly pid: number | undefined
}

/** Every worker process still running, killed when the host exits (see below). */
const live = new Set<ChildProcess>()
let killedOnExit = false

/**
 * A host that ends by process.exit() (a failed start, the CLI, a crash handler) runs no shutdown:
 * its workers are killed as it goes, since one stuck in SQLite would never hear the channel close.
 * (A host killed outright runs nothing at all: the worker's own watchdog sees it gone, worker.ts.)
 */
function killWorkersOnExit(): void {
  if (killedOnExit) return
  killedOnExit = true
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL')
  })
}

/** How much lower a reader runs than the host and the writer (a Unix nice value). */
export const READER_NICENESS = 10

/** Starts a worker some other way (the packaged Electron app: a utility process, electron/workerLauncher.ts). */
export type WorkerLauncher = (entry: WorkerEntry, background: boolean) => WorkerProcess
let launcher: WorkerLauncher | null = null

/**
 * Replaces how workers start, for every later launchWorker. The packaged desktop app has
 * Electron's runAsNode fuse off, so its binary cannot be forked as plain Node (ELECTRON_RUN_AS_NODE
 * is ignored) and the workers run as Electron utility processes instead.
 */
export function setWorkerLauncher(next: WorkerLauncher | null): void {
  launcher = next
}

/**
 * Starts a worker process. `background` (the readers) runs it at a lower priority: with every
 * core busy answering reads, the host's thread and the writer still get the processor at once,
 * so a write is not kept waiting behind map reads.
 */
export function launchWorker(entry: WorkerEntry, background = false): WorkerProcess {
  if (launcher) return launcher(entry, background)
  const child: ChildProcess = fork(entry.file, [], {
    execArgv: entry.execArgv,
    // Structured clone over the channel: tile and photo bytes stay bytes.
    serialization: 'advanced',
    // The worker's output goes to the host's stderr: the browser host's stdout carries one line.
    stdio: ['ignore', 2, 2, 'ipc'],
    // In Electron, process.execPath is the Electron binary: run it as plain Node.
    env: process.versions.electron ? { ...process.env, ELECTRON_RUN_AS_NODE: '1' } : process.env,
  })
  if (background && child.pid !== undefined) {
    try {
      os.setPriority(child.pid, Math.min(19, os.getPriority(process.pid) + READER_NICENESS))
    } catch {
      // not permitted here: the reader runs at the host's priority
    }
  }
  // A worker that dies mid-send must not crash the host: its exit is handled by onExit.
  child.on('error', () => undefined)
  killWorkersOnExit()
  live.add(child)
  child.once('exit', () => live.delete(child))
  // Remembered, so a listener added after the process has gone still hears of it.
  let exited: [number | null, NodeJS.Signals | null] | null = null
  child.once('exit', (code, signal) => (exited = [code, signal]))
  return {
    send: (message) => {
      if (child.connected) child.send(message, (error) => void error)
    },
    onMessage: (listener) => void child.on('message', (message) => listener(message as WorkerMessage)),
    onExit: (listener) => {
      if (exited) queueMicrotask(() => listener(...exited!))
      else child.once('exit', listener)
    },
    kill: () => void child.kill('SIGKILL'),
    get pid() {
      return child.pid
    },
  }
}
