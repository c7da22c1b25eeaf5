import fs from 'node:fs/promises'
import path from 'node:path'
import type { SaveDialogOptions, SaveDialogReturnValue } from 'electron'
import type { Result } from '../../shared/result'
import type { IpcMainLike } from './ipc'
import type { SenderInfo } from './origin'

// The 'save' channel: the page asks to save a finished export (exports/<uuid>) under a name; main
// checks the sender, finds the export in the data folder's exports (nothing else can be named),
// asks where with the system's save dialog and copies the file there. The page never names a path.

export const SAVE_CHANNEL = 'save'

export interface SaveDeps {
  /** The export's file and own name, or null when the asset path is not a finished export. */
  locate(assetPath: unknown): Promise<{ filePath: string; fileName: string } | null>
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>
  /** Where the dialog opens (the Downloads folder). */
  defaultDir(): string
}

export type SaveResult = Result<{ saved: boolean; filePath: string | null }>

const refused: SaveResult = { ok: false, error: { code: 'unauthorized', message: '拒绝访问：请求不是来自 Site Atlas 主窗口' } }

/** A name the dialog can propose: the page's suggestion without folders or characters file systems refuse. */
const proposedName = (wanted: unknown, fallback: string): string => {
  const name = typeof wanted === 'string' ? path.basename(wanted.replace(/\\/g, '/')).replace(/[:*?"<>|]/g, '_').replace(/[\s\S]/gu, (c) => (c.charCodeAt(0) < 32 ? '_' : c)).trim() : ''
  return name && name !== '.' && name !== '..' ? name.slice(0, 120) : fallback
}

export function registerSaveIpc(ipcMain: IpcMainLike, deps: SaveDeps, isTrustedSender: (event: SenderInfo) => boolean): void {
  ipcMain.handle(SAVE_CHANNEL, async (event, assetPath: unknown, fileName: unknown): Promise<SaveResult> => {
    if (!isTrustedSender(event)) return refused
    const found = await deps.locate(assetPath)
    if (!found) return { ok: false, error: { code: 'not_found', field: 'assetPath', message: '导出文件：找不到（可能已被清理），请重新导出' } }
    const name = proposedName(fileName, found.fileName)
    const ext = path.extname(name).slice(1)
    const choice = await deps.showSaveDialog({
      title: '保存导出文件',
      defaultPath: path.join(deps.defaultDir(), name),
      ...(ext ? { filters: [{ name: ext.toUpperCase(), extensions: [ext] }] } : {}),
    })
    if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false, filePath: null } }
    try {
      await fs.copyFile(found.filePath, choice.filePath)
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: `保存文件：无法写入 ${choice.filePath}（${(error as Error).message}）` } }
    }
    return { ok: true, value: { saved: true, filePath: choice.filePath } }
  })
}
