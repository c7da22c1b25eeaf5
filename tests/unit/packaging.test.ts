import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

// The packaging configuration and the window/hardening code, read as they are: a missing fuse,
// target, resource or guard fails here, since the packaging itself (it needs Electron's binary
// for each platform) cannot run on this machine. The config is loaded by electron-builder's own
// loader and validated against its own JSON schema (app-builder-lib/scheme.json, with the
// validator and options electron-builder uses).

const root = path.resolve(import.meta.dirname, '../..')
const require = createRequire(path.join(root, 'package.json'))
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')

interface Target {
  target: string
  arch: string[]
}
type Config = Record<string, any> & {
  electronFuses: Record<string, boolean>
  win: { target: Target[] }
  linux: { target: Target[] }
}

let config: Config

beforeAll(async () => {
  const { getConfig } = require('app-builder-lib/out/util/config/config') as {
    getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Config>
  }
  config = await getConfig(root, null, null)
}, 60_000) // electron-builder's modules take seconds to load on a busy machine

const archesOf = (targets: Target[], name: string) => targets.find((t) => t.target === name)?.arch ?? []

describe('the electron-builder configuration', () => {
  it('is what electron-builder loads from the project, and valid against its schema', { timeout: 60_000 }, async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>
    }
    const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown }
    expect(config.appId).toBeTruthy()
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    // The validator does catch a wrong field: the check above means something.
    await expect(validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/)
  })

  it('sets every fuse the desktop app relies on', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
  })

  it('builds Windows x64 (NSIS installer and portable) and Linux x64 + arm64 (deb and AppImage)', () => {
    expect(archesOf(config.win.target, 'nsis')).toEqual(['x64'])
    expect(archesOf(config.win.target, 'portable')).toEqual(['x64'])
    expect(archesOf(config.linux.target, 'deb').sort()).toEqual(['arm64', 'x64'])
    expect(archesOf(config.linux.target, 'AppImage').sort()).toEqual(['arm64', 'x64'])
  })

  it('ships resources/ where the Electron entry looks for it, in an asar with the native modules unpacked', () => {
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'resources', to: 'resources' }))
    expect(read('src/main/index.ts')).toContain("path.join(process.resourcesPath, 'resources')")
    expect(fs.existsSync(path.join(root, 'resources/boundaries'))).toBe(true)
    expect(config.asar).toBe(true)
    for (const native of ['better-sqlite3', 'sharp']) {
      expect((config.asarUnpack as string[]).some((glob) => glob.includes(`node_modules/${native}/`)), native).toBe(true)
    }
    // The app's files are the electron-vite build, which package.json's main points into.
    // (The loader hands `files` back as [{ filter: [...] }].)
    const files = (config.files as Array<string | { filter: string[] }>).flatMap((f) => (typeof f === 'string' ? [f] : f.filter))
    expect(files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']))
    expect(JSON.parse(read('package.json')).main).toBe('out/main/index.js')
  })

  it('has npm scripts that build the packages', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>
    expect(scripts['dist:win']).toMatch(/electron-vite build && electron-builder --win --x64/)
    expect(scripts['dist:linux']).toMatch(/electron-vite build && electron-builder --linux --x64 --arm64/)
  })
})

describe('the window and hardening code the package relies on', () => {
  it('keeps the window locked down, DevTools off when packaged', () => {
    const window = read('src/main/electron/window.ts')
    for (const line of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true', 'webviewTag: false', 'devTools: !app.isPackaged']) {
      expect(window, line).toContain(line)
    }
    expect(window).toContain("setWindowOpenHandler(")
    expect(window).toContain("action: 'deny'")
  })

  it('installs the app-wide web-contents guard from the entry', () => {
    expect(read('src/main/electron/hardening.ts')).toContain("app.on('web-contents-created'")
    expect(read('src/main/index.ts')).toMatch(/^hardenAllWebContents\(app, allowedOrigins\)/m)
  })

  it('starts the store workers without ELECTRON_RUN_AS_NODE in the packaged app (the runAsNode fuse is off)', () => {
    expect(read('src/main/index.ts')).toMatch(/runWorkersAsUtilityProcesses\(\)/)
  })
})
