import { app, BrowserWindow, shell } from 'electron'
import { isAllowedOrigin } from './origin'

// The one window, locked down: no Node in the page, sandboxed preload, no navigation away from
// our own origin, no new windows, no permissions (camera, geolocation, notifications …).

export interface MainWindowOptions {
  /** Absolute path of out/preload/index.cjs. */
  preload: string
  /** The page to load: app://site-atlas/index.html, or the dev server while developing. */
  url: string
  /** Origins the page may navigate within. */
  allowedOrigins: readonly string[]
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    title: '招商资源图 Site Atlas',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A packaged app has no DevTools: a person at the keyboard cannot run script in the page.
      devTools: !app.isPackaged,
    },
  })
  window.once('ready-to-show', () => window.show())
  guardWebContents(window.webContents, options.allowedOrigins)
  void window.loadURL(options.url)
  return window
}

type Guarded = Pick<BrowserWindow['webContents'], 'on' | 'setWindowOpenHandler' | 'session'>

/** Navigation, pop-up and permission rules for the window's contents. */
export function guardWebContents(contents: Guarded, allowedOrigins: readonly string[]): void {
  const keepInside = (event: { url: string; preventDefault(): void }) => {
    if (!isAllowedOrigin(event.url, allowedOrigins)) event.preventDefault()
  }
  contents.on('will-navigate', keepInside)
  contents.on('will-redirect', keepInside)
  contents.on('will-frame-navigate', keepInside)
  contents.on('will-attach-webview', (event) => event.preventDefault())

  contents.setWindowOpenHandler(({ url }) => {
    // No window is ever opened inside the app. A plain https link (e.g. a map attribution) goes
    // to the system browser, which sandboxes it as any other web page; nothing else is opened.
    if (isExternalHttps(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })

  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  contents.session.setPermissionCheckHandler(() => false)
}

function isExternalHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:'
  } catch {
    return false
  }
}
