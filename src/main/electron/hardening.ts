import type { Session, WebContents } from 'electron'
import { isAllowedOrigin } from './origin'
import { guardWebContents } from './window'

// The app-wide guard: whatever web contents come to exist (the window, a frame's, a devtools
// window, one a future feature or a bug opens), each gets the window's limits the moment it is
// created — no new windows, no navigation or redirect off the app's origin, no webviews, no
// permissions — and its session loads nothing from the network: every page, tile and photo comes
// from the app's own origin (app://site-atlas, the CSP says the same), so an http(s) or ws(s)
// request is a page reaching out, and is cancelled.

/** URL patterns of the network; the app's own scheme is not among them. */
const NETWORK = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']

type Contents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'session' | 'closeDevTools'>

/** The part of Electron's app the guard uses. */
export interface GuardedApp {
  readonly isPackaged: boolean
  on(event: 'web-contents-created', listener: (event: unknown, contents: Contents) => void): unknown
}

export function hardenAllWebContents(app: GuardedApp, allowedOrigins: readonly string[]): void {
  const guardedSessions = new WeakSet<object>()
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, allowedOrigins)
    if (!guardedSessions.has(contents.session)) {
      guardedSessions.add(contents.session)
      refuseNetwork(contents.session, allowedOrigins)
    }
    // A packaged app has no DevTools (webPreferences.devTools is off); should any open, it closes.
    if (app.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools())
  })
}

/** Cancels every network request of a session, except to an allowed origin (the dev server while developing). */
export function refuseNetwork(session: Pick<Session, 'webRequest'>, allowedOrigins: readonly string[]): void {
  session.webRequest.onBeforeRequest({ urls: NETWORK }, (details, callback) => {
    callback({ cancel: !isAllowedOrigin(details.url, allowedOrigins) })
  })
}
