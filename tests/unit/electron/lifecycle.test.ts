import { describe, expect, it, vi } from 'vitest'
import { closeStoreOnQuit } from '../../../src/main/electron/lifecycle'

function fakeApp() {
  const listeners: Array<(e: { preventDefault(): void }) => void> = []
  const app = {
    quits: 0,
    on: (_event: 'before-quit', listener: (e: { preventDefault(): void }) => void) => listeners.push(listener),
    quit: () => {
      app.quits++
      app.beforeQuit()
    },
    /** Fires before-quit; true when a listener held the quit back. */
    beforeQuit: () => {
      let prevented = false
      for (const listener of listeners) listener({ preventDefault: () => void (prevented = true) })
      return prevented
    },
  }
  return app
}

describe('quitting', () => {
  it('holds the first quit until the store is closed, then quits for real', async () => {
    const app = fakeApp()
    let finish!: () => void
    const close = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    closeStoreOnQuit(app, close)

    expect(app.beforeQuit()).toBe(true)
    expect(app.beforeQuit()).toBe(true) // a second Ctrl+Q while closing waits too
    expect(close).toHaveBeenCalledTimes(1)
    expect(app.quits).toBe(0)

    finish()
    await vi.waitFor(() => expect(app.quits).toBe(1))
    expect(app.beforeQuit()).toBe(false)
    expect(close).toHaveBeenCalledTimes(1)
  })

  it('still quits when closing the store fails', async () => {
    const app = fakeApp()
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    closeStoreOnQuit(app, () => Promise.reject(new Error('disk gone')))
    expect(app.beforeQuit()).toBe(true)
    await vi.waitFor(() => expect(app.quits).toBe(1))
    expect(spy).toHaveBeenCalled()
    spy.mockRestore()
  })
})
