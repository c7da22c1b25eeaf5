// How a store worker ends itself once it has answered 'close'. Forked by Node (the browser host,
// the CLI, Electron in development), it has an IPC channel: disconnecting lets the 'closed'
// message already sent go out, and the process ends when nothing is left to do. As an Electron
// utility process (the packaged app, electron/workerLauncher.ts) it talks over process.parentPort
// and has no IPC channel, so process.disconnect is undefined: it exits. The host waits for the
// exit either way (storeWorker.ts close), not for 'closed'.

/** The parts of `process` this needs (a fake one in tests). */
export interface WorkerProcessSelf {
  parentPort?: unknown
  connected?: boolean
  disconnect?: () => void
  exit(code?: number): void
}

export function endWorker(self: WorkerProcessSelf): void {
  if (!self.parentPort && typeof self.disconnect === 'function' && self.connected) return self.disconnect()
  self.exit(0)
}
