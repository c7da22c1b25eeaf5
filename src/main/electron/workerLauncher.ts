import os from 'node:os'
import { utilityProcess } from 'electron'
import { READER_NICENESS, setWorkerLauncher, type WorkerProcess } from '../runtime/launch'
import type { WorkerCall, WorkerInit, WorkerMessage } from '../runtime/protocol'

// The packaged app's store workers: Electron utility processes. The runAsNode fuse is off in a
// packaged build (electron-builder.yml), so the Electron binary can no longer be forked as plain
// Node; a utility process is a Node process Electron itself starts. Same worker script, same
// messages (structured clone, so tile and photo bytes stay bytes); the worker talks over
// process.parentPort instead of process.send (runtime/worker.ts).

export function runWorkersAsUtilityProcesses(): void {
  setWorkerLauncher((entry, background) => {
    const child = utilityProcess.fork(entry.file, [], {
      execArgv: entry.execArgv,
      serviceName: background ? 'Site Atlas store reader' : 'Site Atlas store writer',
      // The worker's output goes where the app's goes.
      stdio: 'inherit',
    })
    let exited: [number | null, NodeJS.Signals | null] | null = null
    child.once('exit', (code: number) => (exited = [code, null]))
    if (background) {
      child.once('spawn', () => {
        try {
          if (child.pid !== undefined) os.setPriority(child.pid, Math.min(19, os.getPriority(process.pid) + READER_NICENESS))
        } catch {
          // not permitted here: the reader runs at the app's priority
        }
      })
    }
    const worker: WorkerProcess = {
      send: (message: WorkerInit | WorkerCall) => {
        if (exited) return
        try {
          child.postMessage(message)
        } catch {
          // gone meanwhile: its exit is handled by onExit
        }
      },
      onMessage: (listener) => void child.on('message', (message: unknown) => listener(message as WorkerMessage)),
      onExit: (listener) => {
        if (exited) queueMicrotask(() => listener(...exited!))
        else child.once('exit', (code: number) => listener(code, null))
      },
      // A worker stuck inside SQLite must stop at once: SIGKILL, as for a forked worker.
      kill: () => {
        try {
          if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL')
          else child.kill()
        } catch {
          // already gone
        }
      },
      get pid() {
        return child.pid
      },
    }
    return worker
  })
}
