import { afterEach, describe, expect, it } from 'vitest'
import { forgetAddressToken } from '../../src/renderer/src/api/transport'

// The browser host's token never stays in the page's address (history, bookmarks, a copied
// address) nor in storage a script can read: the host keeps it in an HttpOnly cookie.

describe('the token out of the page', () => {
  const saved = { window: (globalThis as { window?: unknown }).window, sessionStorage: (globalThis as { sessionStorage?: unknown }).sessionStorage }
  afterEach(() => Object.assign(globalThis, saved))

  function page(href: string) {
    const replaced: string[] = []
    const removed: string[] = []
    Object.assign(globalThis, {
      window: { location: { href }, history: { state: { k: 1 }, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) } },
      sessionStorage: { removeItem: (key: string) => removed.push(key) },
    })
    return { replaced, removed }
  }

  it('takes ?token= out of the address, keeping the path, other parameters and the screen (hash)', () => {
    const { replaced, removed } = page('http://127.0.0.1:4870/?token=abc&lang=en#/buildings/7')
    forgetAddressToken()
    expect(replaced).toEqual(['/?lang=en#/buildings/7'])
    expect(removed).toEqual(['site-atlas.token'])
  })

  it('leaves an address without a token as it is', () => {
    const { replaced } = page('http://127.0.0.1:4870/#/map')
    forgetAddressToken()
    expect(replaced).toEqual([])
  })
})
