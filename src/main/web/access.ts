import { timingSafeEqual } from 'node:crypto'
import type http from 'node:http'

// Who may use the browser host. The per-start token is the key; it reaches the host in one of
// three ways: the address printed at start (?token=, first page load only: the host answers with a
// cookie and sends the page to the same address without it), the cookie on every later request of
// that page (assets, downloads, RPC), or an Authorization header (scripts, tests, the CLI). A
// browser attaches the cookie to requests other pages make too, so requests that act (POST) must
// also come from the host's own page: Origin, when sent, is the host's origin, Sec-Fetch-Site is
// never cross-site, and a POST carried by the cookie alone must name its Origin.

/** The cookie's name: one per port, since cookies do not tell ports apart and two hosts may run. */
export function tokenCookieName(host: string): string {
  const port = /:(\d+)$/.exec(host)?.[1] ?? '80'
  return `site-atlas-token-${port}`
}

/** The Set-Cookie value for the page's first load: HttpOnly (no script reads it), same site only. */
export function tokenCookie(host: string, token: string): string {
  return `${tokenCookieName(host)}=${token}; HttpOnly; SameSite=Strict; Path=/`
}

export type Access = 'granted' | 'unauthorized' | 'forbidden'

export interface AccessCheck {
  /** The request carries the token (query, cookie or header) and comes from a place allowed to use it. */
  check(req: http.IncomingMessage, url: URL, how: { acts: boolean; queryToken: boolean }): Access
  /** True when the query's ?token= is the right one (the first page load). */
  queryTokenValid(url: URL): boolean
}

export function accessCheck(token: string): AccessCheck {
  const expectedHeader = Buffer.from(`Bearer ${token}`)
  const expectedToken = Buffer.from(token)
  const same = (given: string | undefined, wanted: Buffer) => {
    if (!given) return false
    const bytes = Buffer.from(given)
    return bytes.length === wanted.length && timingSafeEqual(bytes, wanted)
  }
  const cookieToken = (req: http.IncomingMessage): string | undefined => {
    const name = tokenCookieName(req.headers.host ?? '')
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const eq = part.indexOf('=')
      if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
    }
    return undefined
  }

  return {
    queryTokenValid: (url) => same(url.searchParams.get('token') ?? undefined, expectedToken),
    check(req, url, { acts, queryToken }) {
      // A page of another site (or another port of this machine) never gets an answer.
      const site = req.headers['sec-fetch-site']
      if (site === 'cross-site' || site === 'same-site') return 'forbidden'
      const origin = req.headers.origin
      const ownOrigin = `http://${req.headers.host ?? ''}`
      if (origin !== undefined && origin !== ownOrigin) return 'forbidden'

      if (same(req.headers.authorization, expectedHeader)) return 'granted'
      if (queryToken && same(url.searchParams.get('token') ?? undefined, expectedToken)) return 'granted'
      if (same(cookieToken(req), expectedToken)) {
        // The cookie travels by itself: an act needs its Origin as proof the host's page sent it.
        return acts && origin === undefined ? 'forbidden' : 'granted'
      }
      return 'unauthorized'
    },
  }
}
