import { beforeEach, describe, expect, it, vi } from 'vitest'
import { APP_ENTRY_URL, appOrigins } from '../../../src/main/electron/origin'
import { createMainWindow } from '../../../src/main/electron/window'
import { BrowserWindow, fakeEvent, resetFakeElectron, shell } from './fakeElectron'

vi.mock('electron', async () => import('./fakeElectron'))

function openWindow(devServerUrl?: string): BrowserWindow {
  createMainWindow({ preload: '/app/out/preload/index.cjs', url: devServerUrl ?? APP_ENTRY_URL, allowedOrigins: appOrigins(devServerUrl) })
  expect(BrowserWindow.instances).toHaveLength(1)
  return BrowserWindow.instances[0]!
}

function navigate(window: BrowserWindow, event: string, url: string): boolean {
  const e = fakeEvent({ url, isMainFrame: true, isSameDocument: false })
  window.webContents.emit(event, e)
  return e.defaultPrevented
}

describe('the main window', () => {
  beforeEach(() => resetFakeElectron())

  it('is created hardened, with the bundled preload, and loads the app origin', () => {
    const window = openWindow()
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    })
    expect(window.loadedUrl).toBe('app://site-atlas/index.html')
    expect(window.options.title).toMatch(/招商资源图/)
  })

  it('shows itself once ready rather than flashing an empty frame', () => {
    const window = openWindow()
    expect(window.visible).toBe(false)
    window.emit('ready-to-show')
    expect(window.visible).toBe(true)
  })

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: stays inside the app origin', (event) => {
    const window = openWindow()
    expect(navigate(window, event, 'app://site-atlas/index.html#/parcels')).toBe(false)
    expect(navigate(window, event, 'https://evil.example/')).toBe(true)
    expect(navigate(window, event, 'file:///etc/passwd')).toBe(true)
    expect(navigate(window, event, 'app://elsewhere/index.html')).toBe(true)
    expect(navigate(window, event, 'http://localhost:5173/')).toBe(true)
    expect(navigate(window, event, 'javascript:alert(1)')).toBe(true)
  })

  it('lets the dev server page navigate within itself while developing', () => {
    const window = openWindow('http://localhost:5173')
    expect(window.loadedUrl).toBe('http://localhost:5173')
    expect(navigate(window, 'will-navigate', 'http://localhost:5173/#/map')).toBe(false)
    expect(navigate(window, 'will-navigate', 'http://localhost:8080/')).toBe(true)
  })

  it('refuses webviews', () => {
    const window = openWindow()
    const e = fakeEvent({})
    window.webContents.emit('will-attach-webview', e, {}, {})
    expect(e.defaultPrevented).toBe(true)
  })

  it('denies every window.open; only https links go to the system browser', () => {
    const window = openWindow()
    const handler = window.webContents.windowOpenHandler!
    for (const url of ['https://www.openstreetmap.org/copyright', 'http://example.com/', 'file:///etc/passwd', 'app://site-atlas/index.html', 'javascript:alert(1)', 'not a url']) {
      expect(handler({ url, disposition: 'new-window' })).toEqual({ action: 'deny' })
    }
    expect(shell.opened).toEqual(['https://www.openstreetmap.org/copyright'])
  })

  it('denies every permission request and check', () => {
    const { session } = openWindow().webContents
    const answers: boolean[] = []
    for (const permission of ['geolocation', 'media', 'notifications', 'clipboard-read', 'openExternal']) {
      session.permissionRequestHandler!({}, permission, (granted: boolean) => answers.push(granted), {})
      expect(session.permissionCheckHandler!({}, permission, 'app://site-atlas', {})).toBe(false)
    }
    expect(answers).toEqual([false, false, false, false, false])
  })
})
