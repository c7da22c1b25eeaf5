import fs from 'node:fs/promises'
import { BrowserWindow, dialog, type WebContents } from 'electron'
import type { Result } from '../../shared/result'
import type { IpcMainLike } from './ipc'
import type { SenderInfo } from './origin'

// The 'print' channel: the sheet page asks main to print itself to PDF (Chromium's printToPDF of
// the sender's own contents, A4 from the page's CSS), then the person chooses where to save it.
// Only our window's page may ask, and it names nothing but a suggested file name.

export const PRINT_CHANNEL = 'print'

export interface PrintResult {
  /** Where the PDF was written; null when the person cancelled the save dialog. */
  filePath: string | null
}

const refused: Result<never> = { ok: false, error: { code: 'unauthorized', message: '拒绝访问：请求不是来自 Site Atlas 主窗口' } }

/** A name that is safe as a file name on every system: no folders, no reserved characters, ends in .pdf. */
export function safePdfName(name: unknown): string {
  const base = (typeof name === 'string' ? name : '')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\.pdf$/i, '')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 80)
  return `${base || '招商资源清单'}.pdf`
}

export function registerPrintIpc(ipcMain: IpcMainLike, isTrustedSender: (event: SenderInfo) => boolean): void {
  ipcMain.handle(PRINT_CHANNEL, async (event, fileName: unknown): Promise<Result<PrintResult>> => {
    if (!isTrustedSender(event)) return refused
    const contents = event.sender as WebContents
    try {
      const pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })
      const owner = BrowserWindow.fromWebContents(contents)
      const options = { defaultPath: safePdfName(fileName), filters: [{ name: 'PDF', extensions: ['pdf'] }] }
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return { ok: true, value: { filePath: null } }
      await fs.writeFile(choice.filePath, pdf)
      return { ok: true, value: { filePath: choice.filePath } }
    } catch (error) {
      console.error('[site-atlas] print threw:', error)
      return { ok: false, error: { code: 'internal', message: `导出 PDF：${(error as Error).message}` } }
    }
  })
}
