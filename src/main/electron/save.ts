import fs from 'node:fs/promises'
import path from 'node:path'
import type { SaveDialogOptions, SaveDialogReturnValue } from 'electron'
import type { Result } from '../../shared/result'
import { locateBackup } from '../services/backup/files'
import { findExportByAssetPath } from '../services/exports/files'
import type { IpcMainLike } from './ipc'
import type { SenderInfo } from './origin'

// The 'save' channel: the page asks to save a finished export (exports/<uuid>) or a backup
// (backups/<local|mirror>/<name>) under a name; main checks the sender, finds the file in the data
// folder's exports or one of the two backup folders (nothing else can be named), asks where with
// the system's save dialog and copies the file there. The page never names a path.

export const SAVE_CHANNEL = 'save'

export type SaveableKind = 'export' | 'backup'

export interface Saveable {
  filePath: string
  fileName: string
  kind: SaveableKind
}

export interface SaveDeps {
  /** The file and its own name, or null when the asset path is neither a finished export nor a backup of the list. */
  locate(assetPath: unknown): Promise<Saveable | null>
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>
  /** Where the dialog opens (the Downloads folder). */
  defaultDir(): string
}

export type SaveResult = Result<{ saved: boolean; filePath: string | null }>

/** What the page may save, found in `dataDir`: an export, or a backup (also in recovery mode: files only). */
export function locateSaveable(dataDir: string): SaveDeps['locate'] {
  return async (assetPath) => {
    const exported = await findExportByAssetPath(dataDir, assetPath)
    if (exported) return { filePath: exported.filePath, fileName: exported.fileName, kind: 'export' }
    const backup = locateBackup(dataDir, assetPath)
    return backup && { filePath: backup.filePath, fileName: backup.fileName, kind: 'backup' }
  }
}

const TITLES: Record<SaveableKind, string> = { export: '保存导出文件', backup: '备份另存为' }

const notFound = (assetPath: unknown): SaveResult => {
  const backup = typeof assetPath === 'string' && /^\/?backups\//.test(assetPath)
  const message = backup ? '备份：找不到（可能已被轮换删除，或 U 盘未插入），请刷新备份列表' : '导出文件：找不到（可能已被清理），请重新导出'
  return { ok: false, error: { code: 'not_found', field: 'assetPath', message } }
}

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
    if (!found) return notFound(assetPath)
    const name = proposedName(fileName, found.fileName)
    const ext = path.extname(name).slice(1)
    const filter = found.kind === 'backup' ? { name: 'Site Atlas 备份', extensions: [ext || 'db'] } : ext ? { name: ext.toUpperCase(), extensions: [ext] } : null
    const choice = await deps.showSaveDialog({
      title: TITLES[found.kind],
      defaultPath: path.join(deps.defaultDir(), name),
      ...(filter ? { filters: [filter] } : {}),
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
