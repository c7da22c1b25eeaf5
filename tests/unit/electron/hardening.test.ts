import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { hardenAllWebContents } from '../../../src/main/electron/hardening'
import { APP_ENTRY_URL, appOrigins } from '../../../src/main/electron/origin'
import { createMainWindow } from '../../../src/main/electron/window'
import { buildMenuTemplate } from '../../../src/main/electron/menu'
import { app, BrowserWindow, FakeWebContents, fakeEvent, resetFakeElectron, shell } from './fakeElectron'

vi.mock('electron', async () => import('./fakeElectron'))

// Any web contents the app comes to hold — not only the main window — gets the same limits the
// moment Electron creates it; a packaged app has no DevTools.

const root = path.resolve(import.meta.dirname, '../../..')

/** Electron creating a web contents (a window's, a frame's, a devtools window's …) after the guard is in place. */
function created(): FakeWebContents {
  const contents = new FakeWebContents()
  app.emit('web-contents-created', fakeEvent({}), contents)
  return contents
}

function prevented(contents: FakeWebContents, event: string, url: string): boolean {
  const e = fakeEvent({ url, isMainFrame: true })
  contents.emit(event, e)
  return e.defaultPrevented
}

describe('the app-wide web-contents guard', () => {
  beforeEach(() => resetFakeElectron())

  it('gives every new web contents the window’s limits', () => {
    hardenAllWebContents(app, appOrigins(undefined))
    for (const contents of [created(), created()]) {
      // No new windows; only https links leave, to the system browser.
      expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
      expect(contents.windowOpenHandler!({ url: 'app://site-atlas/index.html' })).toEqual({ action: 'deny' })
      // Navigation and redirects stay on the app's origin.
      for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
        expect(prevented(contents, event, 'https://evil.example/'), event).toBe(true)
        expect(prevented(contents, event, 'file:///etc/passwd'), event).toBe(true)
        expect(prevented(contents, event, 'app://site-atlas/index.html#/map'), event).toBe(false)
      }
      const webview = fakeEvent({})
      contents.emit('will-attach-webview', webview, {}, {})
      expect(webview.defaultPrevented).toBe(true)
      // Permissions: none.
      const answers: boolean[] = []
      contents.session.permissionRequestHandler!({}, 'geolocation', (granted: boolean) => answers.push(granted), {})
      expect(answers).toEqual([false])
      expect(contents.session.permissionCheckHandler!({}, 'media', 'app://site-atlas', {})).toBe(false)
    }
    expect(shell.opened).toEqual(['https://example.com/', 'https://example.com/'])
  })

  it('cancels every network request (no remote content) but the dev server while developing', () => {
    const decide = (origins: string[], url: string) => {
      resetFakeElectron()
      hardenAllWebContents(app, origins)
      const { beforeRequest } = created().session
      expect(beforeRequest).toHaveLength(1)
      expect(beforeRequest[0]!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']))
      let answer: { cancel?: boolean } | undefined
      beforeRequest[0]!.listener({ url }, (response: { cancel?: boolean }) => (answer = response))
      return answer?.cancel
    }
    expect(decide(appOrigins(undefined), 'https://tile.openstreetmap.org/1/1/1.png')).toBe(true)
    expect(decide(appOrigins(undefined), 'http://127.0.0.1:4870/rpc/x')).toBe(true)
    expect(decide(appOrigins(undefined), 'wss://evil.example/socket')).toBe(true)
    expect(decide(appOrigins('http://localhost:5173'), 'http://localhost:5173/src/main.tsx')).toBe(false)
    expect(decide(appOrigins('http://localhost:5173'), 'http://localhost:8080/')).toBe(true)
  })

  it('closes DevTools that open in a packaged app, and leaves them be while developing', () => {
    app.isPackaged = true
    hardenAllWebContents(app, appOrigins(undefined))
    const packaged = created()
    packaged.emit('devtools-opened')
    expect(packaged.devToolsClosed).toBe(1)

    resetFakeElectron()
    hardenAllWebContents(app, appOrigins(undefined))
    const developing = created()
    developing.emit('devtools-opened')
    expect(developing.devToolsClosed).toBe(0)
  })

  it('the Electron entry installs the guard before any window exists', () => {
    const entry = fs.readFileSync(path.join(root, 'src/main/index.ts'), 'utf8')
    const guard = entry.indexOf('hardenAllWebContents(app, allowedOrigins)')
    expect(guard).toBeGreaterThan(0)
    expect(guard).toBeLessThan(entry.indexOf('async function start('))
  })
})

describe('DevTools off in packaged builds', () => {
  beforeEach(() => resetFakeElectron())

  it.each([
    [true, false],
    [false, true],
  ])('packaged %s: the window’s webPreferences.devTools is %s', (packaged, devTools) => {
    app.isPackaged = packaged
    createMainWindow({ preload: '/p.cjs', url: APP_ENTRY_URL, allowedOrigins: appOrigins(undefined) })
    expect(BrowserWindow.instances[0]!.options.webPreferences.devTools).toBe(devTools)
  })

  it('no menu item toggles DevTools (Electron’s default menu, which has one, is replaced)', () => {
    const roles = (items: Array<{ role?: string; submenu?: unknown }>): string[] =>
      items.flatMap((item) => [item.role ?? '', ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])])
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      expect(roles(buildMenuTemplate(platform)).map((r) => r.toLowerCase())).not.toContain('toggledevtools')
    }
  })
})
