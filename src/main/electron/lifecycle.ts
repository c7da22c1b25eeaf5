// Quitting waits for the store: the first before-quit is held back until SQLite has checkpointed
// and closed, then the quit is repeated and allowed through.

export interface QuittableApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown
  quit(): void
}

export function closeStoreOnQuit(app: QuittableApp, closeStore: () => Promise<void>): void {
  let state: 'open' | 'closing' | 'closed' = 'open'
  app.on('before-quit', (event) => {
    if (state === 'closed') return
    event.preventDefault()
    if (state === 'closing') return
    state = 'closing'
    closeStore()
      .catch((error: unknown) => console.error('[site-atlas] closing the data file failed:', error))
      .finally(() => {
        state = 'closed'
        app.quit()
      })
  })
}
