import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runWorkersAsUtilityProcesses } from '../../../src/main/electron/workerLauncher'
import { launchWorker, setWorkerLauncher } from '../../../src/main/runtime/launch'
import { resetFakeElectron, utilityProcess } from './fakeElectron'

vi.mock('electron', async () => import('./fakeElectron'))

// The packaged app's runAsNode fuse is off, so its store workers start as Electron utility
// processes: the same worker script and messages, a SIGKILL to stop one stuck in SQLite.

describe('store workers as utility processes', () => {
  beforeEach(() => {
    resetFakeElectron()
    runWorkersAsUtilityProcesses()
  })
  afterEach(() => {
    setWorkerLauncher(null)
    vi.restoreAllMocks()
  })

  const entry = { file: '/app/out/main/storeWorker.js', execArgv: [] }

  it('forks the worker script with utilityProcess and carries messages both ways', () => {
    const worker = launchWorker(entry)
    expect(utilityProcess.forked).toHaveLength(1)
    const child = utilityProcess.forked[0]!
    expect(child.file).toBe(entry.file)
    expect(child.options).toMatchObject({ execArgv: [] })

    const init = { type: 'init', role: 'writer', file: '/data/site-atlas.db', actor: 'a' } as never
    worker.send(init)
    expect(child.posted).toEqual([init])

    const heard: unknown[] = []
    worker.onMessage((message) => heard.push(message))
    child.emit('message', { type: 'ready' })
    expect(heard).toEqual([{ type: 'ready' }])
  })

  it('reports its exit once, also to a listener added after it, and sends nothing after', async () => {
    const worker = launchWorker(entry, true)
    const child = utilityProcess.forked[0]!
    const exits: unknown[] = []
    worker.onExit((code, signal) => exits.push([code, signal]))
    child.emit('exit', 3)
    worker.onExit((code, signal) => exits.push(['late', code, signal]))
    await Promise.resolve()
    expect(exits).toEqual([[3, null], ['late', 3, null]])
    worker.send({ type: 'ping', seq: 1 } as never)
    expect(child.posted).toEqual([])
  })

  it('stops a worker with SIGKILL (one stuck inside SQLite hears nothing else)', () => {
    utilityProcess.nextPid = 424242
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true)
    const worker = launchWorker(entry)
    worker.kill()
    expect(kill).toHaveBeenCalledWith(424242, 'SIGKILL')
    expect(worker.pid).toBe(424242)
  })
})
