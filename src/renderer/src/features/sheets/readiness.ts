import { createContext, useContext, useEffect, useRef } from 'react'

// The sheet tells whoever prints it (the CLI, tests, the print button) when every map, tile and
// photo has arrived: pieces that load something register a task while mounted and finish it when
// done. Children's effects run before their parent's, so by the time the page checks, every piece
// on it has registered.

export class Readiness {
  private pending = new Set<symbol>()
  private listeners = new Set<() => void>()

  start(): () => void {
    const task = Symbol('task')
    this.pending.add(task)
    this.notify()
    return () => {
      if (this.pending.delete(task)) this.notify()
    }
  }

  get idle(): boolean {
    return this.pending.size === 0
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  private notify() {
    for (const l of this.listeners) l()
  }
}

export const ReadinessContext = createContext<Readiness | null>(null)

/**
 * A task that is pending from mount until `finish` is called (or the piece unmounts); a new `key`
 * (new photo, new view) starts a new one. Give up after `timeoutMs` so one missing tile never
 * holds the PDF back forever.
 */
export function useReadyTask(key: string, timeoutMs = 20_000): () => void {
  const readiness = useContext(ReadinessContext)
  const finishRef = useRef<() => void>(() => {})
  useEffect(() => {
    if (!readiness) return
    const finish = readiness.start()
    finishRef.current = finish
    const timer = window.setTimeout(finish, timeoutMs)
    return () => {
      window.clearTimeout(timer)
      finish()
    }
  }, [readiness, key, timeoutMs])
  return () => finishRef.current()
}
