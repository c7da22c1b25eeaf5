import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Result } from '../../../src/shared/result'
import { APP_ENTRY_URL, appOrigins, createSenderCheck } from '../../../src/main/electron/origin'
import { PRINT_CHANNEL, type PrintResult, registerPrintIpc, safePdfName } from '../../../src/main/electron/print'
import { BrowserWindow, dialog, ipcMain, resetFakeElectron } from './fakeElectron'

vi.mock('electron', async () => import('./fakeElectron'))

// The 'print' channel: main prints the sender's own page to an A4 PDF and saves it where the
// person chooses; nobody else's page may ask.

describe('the print channel', () => {
  let window: BrowserWindow
  let dir: string
  const print = (event: unknown, fileName: unknown) => ipcMain.handlers.get(PRINT_CHANNEL)!(event, fileName) as Promise<Result<PrintResult>>
  const fromApp = () => ({ sender: window.webContents, senderFrame: { url: `${APP_ENTRY_URL}#/sheet?scope=x`, parent: null } })

  beforeEach(() => {
    resetFakeElectron()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-print-'))
    window = new BrowserWindow({})
    registerPrintIpc(ipcMain, createSenderCheck({ allowedOrigins: appOrigins(undefined), webContentsId: () => window.webContents.id }))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('prints the sender to an A4 PDF with backgrounds and the page size of its CSS, and writes it where chosen', async () => {
    const target = path.join(dir, '沈河区 招商手册.pdf')
    dialog.saveAnswer = { canceled: false, filePath: target }
    expect(await print(fromApp(), '沈河区 招商手册')).toEqual({ ok: true, value: { filePath: target } })
    expect(window.webContents.printed).toEqual([{ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }])
    expect(dialog.saveCalls).toEqual([{ defaultPath: '沈河区 招商手册.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] }])
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake')
  })

  it('writes nothing when the person cancels', async () => {
    dialog.saveAnswer = { canceled: true, filePath: '' }
    expect(await print(fromApp(), 'x')).toEqual({ ok: true, value: { filePath: null } })
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it('refuses another page or window without printing', async () => {
    const other = new BrowserWindow({})
    for (const event of [
      { sender: window.webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: other.webContents, senderFrame: { url: APP_ENTRY_URL, parent: null } },
    ]) {
      expect(await print(event, 'x')).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    }
    expect(window.webContents.printed).toEqual([])
    expect(other.webContents.printed).toEqual([])
  })

  it('answers a failed print with a sentence instead of a rejection', async () => {
    window.webContents.pdfBytes = new Error('Printing failed')
    expect(await print(fromApp(), 'x')).toEqual({ ok: false, error: { code: 'internal', message: '导出 PDF：Printing failed' } })
  })

  it('suggests only a plain file name: no folders, no reserved characters, always .pdf', () => {
    expect(safePdfName('../../etc/passwd')).toBe('etc passwd.pdf')
    expect(safePdfName('C:\\Users\\a:b*?.PDF')).toBe('C Users a b.pdf')
    expect(safePdfName('')).toBe('招商资源清单.pdf')
    expect(safePdfName(42)).toBe('招商资源清单.pdf')
    expect(safePdfName('x'.repeat(200))).toBe(`${'x'.repeat(80)}.pdf`)
  })
})
