// Where the app's own pages come from, and the one test of "is this URL ours?" shared by the
// navigation guards and the IPC sender check. Pure: no electron import, so it is unit-tested.

export const APP_SCHEME = 'app'
export const APP_HOST = 'site-atlas'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * `scheme://host[:port]` of a URL, or null if it cannot be parsed. WHATWG `URL.origin` is the
 * opaque "null" for non-special schemes like app:, which would make every app: URL look alike,
 * so the origin is spelled out here instead.
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (!parsed.host) return null // file:, data:, about:blank … never count as ours
  return `${parsed.protocol}//${parsed.host}`
}

export function isAllowedOrigin(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url)
  return origin !== null && allowedOrigins.some((allowed) => originOf(allowed) === origin)
}

/** The origins the window may show: the packaged renderer, plus the dev server while developing. */
export function appOrigins(devServerUrl: string | undefined): string[] {
  return devServerUrl ? [APP_ORIGIN, devServerUrl] : [APP_ORIGIN]
}

/** The parts of an IPC event the sender check looks at (Electron's IpcMainInvokeEvent has more). */
export interface SenderInfo {
  sender?: { id: number } | null
  senderFrame?: { url: string; parent: unknown } | null
}

export interface SenderCheckOptions {
  allowedOrigins: readonly string[]
  /** The id of our window's webContents, when it exists; calls from any other webContents are refused. */
  webContentsId?: () => number | undefined
}

/** Accepts only our window's main frame showing one of our pages. */
export function createSenderCheck(options: SenderCheckOptions): (event: SenderInfo) => boolean {
  return (event) => {
    const frame = event.senderFrame
    if (!frame || frame.parent) return false
    if (options.webContentsId) {
      const expected = options.webContentsId()
      if (expected === undefined || event.sender?.id !== expected) return false
    }
    return isAllowedOrigin(frame.url, options.allowedOrigins)
  }
}
