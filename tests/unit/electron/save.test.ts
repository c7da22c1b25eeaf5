import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { locateSaveable, registerSaveIpc, SAVE_CHANNEL, type SaveResult } from '../../../src/main/electron/save'
import { APP_ENTRY_URL, appOrigins, createSenderCheck, type SenderInfo } from '../../../src/main/electron/origin'
import { addKnownRows, runExport } from '../../helpers/exports'
import { openTestApp, type TestApp, tempDir } from '../../helpers/store'
import { dialog, ipcMain, resetFakeElectron } from './fakeElectron'

vi.mock('electron', async () => import('./fakeElectron'))

const WINDOW_ID = 3
const fromApp: SenderInfo = { sender: { id: WINDOW_ID }, senderFrame: { url: `${APP_ENTRY_URL}#/exports`, parent: null } }
const fromElsewhere: SenderInfo = { sender: { id: WINDOW_ID }, senderFrame: { url: 'https://evil.example/', parent: null } }

describe("the Electron 'save' channel", () => {
  let app: TestApp
  let out: string
  let assetPath: string
  let exported: string

  beforeEach(async () => {
    resetFakeElectron()
    app = await openTestApp()
    out = tempDir()
    await addKnownRows(app)
    const { file, filePath } = await runExport(app, { format: 'csv' })
    assetPath = file.assetPath
    exported = filePath
    registerSaveIpc(
      ipcMain,
      { locate: locateSaveable(app.services.ctx.dataDir), showSaveDialog: (o) => dialog.showSaveDialog(o), defaultDir: () => out },
      createSenderCheck({ allowedOrigins: appOrigins(undefined), webContentsId: () => WINDOW_ID }),
    )
  })
  afterEach(async () => {
    await app.services.shutdown()
    await app.close()
    fs.rmSync(out, { recursive: true, force: true })
  })

  const save = (event: SenderInfo, ...args: unknown[]) => ipcMain.handlers.get(SAVE_CHANNEL)!(event, ...args) as Promise<SaveResult>

  it('refuses a sender that is not the app’s window, without opening a dialog', async () => {
    expect(await save(fromElsewhere, assetPath, 'x.csv')).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(dialog.saveDialogs).toEqual([])
  })

  it('refuses anything but a finished export or a backup of the list', async () => {
    const backup = await app.ok('backup.create', {})
    for (const bad of [
      'exports/../atlas.db', '/etc/passwd', `exports/${path.basename(exported)}`, 'exports/00000000-0000-4000-8000-000000000000', 42, null,
      'backups/local/../atlas.db', `backups/elsewhere/${backup.id}`, `backups/mirror/${backup.id}`, 'backups/local/atlas.db',
    ]) {
      expect(await save(fromApp, bad, 'x.csv'), String(bad)).toMatchObject({ ok: false, error: { code: 'not_found', field: 'assetPath' } })
    }
    expect(dialog.saveDialogs).toEqual([])
  })

  it('a cancelled dialog saves nothing', async () => {
    dialog.saveAnswer = { canceled: true, filePath: '' }
    expect(await save(fromApp, assetPath, '楼宇_2026-12-01.csv')).toEqual({ ok: true, value: { saved: false, filePath: null } })
    expect(dialog.saveDialogs).toHaveLength(1)
    expect(fs.readdirSync(out)).toEqual([])
  })

  it('proposes the name in the Downloads folder and copies the bytes where the person chose', async () => {
    const target = path.join(out, '我的导出.csv')
    dialog.saveAnswer = { canceled: false, filePath: target }
    expect(await save(fromApp, assetPath, '../../楼宇_2026-12-01.csv')).toEqual({ ok: true, value: { saved: true, filePath: target } })
    const [options] = dialog.saveDialogs[0] as [{ defaultPath: string; filters: unknown }]
    expect(options.defaultPath).toBe(path.join(out, '楼宇_2026-12-01.csv'))
    expect(options.filters).toEqual([{ name: 'CSV', extensions: ['csv'] }])
    expect(fs.readFileSync(target).equals(fs.readFileSync(exported))).toBe(true)
  })

  it('saves a backup of the list through a dialog titled as one, the bytes copied where the person chose', async () => {
    const backup = await app.ok('backup.create', {})
    const target = path.join(out, '楼宇备份.db')
    dialog.saveAnswer = { canceled: false, filePath: target }
    expect(await save(fromApp, backup.assetPath, backup.id)).toEqual({ ok: true, value: { saved: true, filePath: target } })
    const [options] = dialog.saveDialogs[0] as [{ title: string; defaultPath: string; filters: unknown }]
    expect(options.title).toBe('备份另存为')
    expect(options.defaultPath).toBe(path.join(out, backup.id))
    expect(options.filters).toEqual([{ name: 'Site Atlas 备份', extensions: ['db'] }])
    expect(fs.readFileSync(target).equals(fs.readFileSync(path.join(path.dirname(app.file), 'backups', backup.id)))).toBe(true)
  })

  it('an export keeps its own title; a backup no longer there is said to be one', async () => {
    dialog.saveAnswer = { canceled: true, filePath: '' }
    await save(fromApp, assetPath, 'x.csv')
    expect((dialog.saveDialogs[0] as [{ title: string }])[0].title).toBe('保存导出文件')
    const gone = await save(fromApp, 'backups/local/site-atlas-20200101-000000-manual.db', 'x.db')
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found', field: 'assetPath', message: expect.stringMatching(/^备份：找不到/) } })
    expect(dialog.saveDialogs).toHaveLength(1)
  })
})
