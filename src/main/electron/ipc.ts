import type { IpcMainInvokeEvent } from 'electron'
import { isMethodName } from '../../shared/api'
import { DomainError, type Result } from '../../shared/result'
import type { Dispatch } from '../services/dispatch'
import { checkLocalFile } from '../services/uploads/registry'
import type { SenderInfo } from './origin'

// The Electron host's whole API surface: one channel, whose every call names a contract method,
// and one more that hands over a file the user picked (by its path) for a later call such as
// basemaps.import. The sender is checked before anything else, on both.

export const RPC_CHANNEL = 'rpc'
export const UPLOAD_CHANNEL = 'upload'

const refused: Result<never> = { ok: false, error: { code: 'unauthorized', message: '拒绝访问：请求不是来自 Site Atlas 主窗口' } }

/** What registerIpc needs of ipcMain, so a test can hand in a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: any[]) => unknown): void
}

export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isTrustedSender: (event: SenderInfo) => boolean,
): void {
  ipcMain.handle(RPC_CHANNEL, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) return refused
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `未知的接口：${String(method)}` } }
    }
    try {
      return await dispatch(method, input)
    } catch (error) {
      // The dispatcher turns failures into envelopes already; this only guards its own bugs,
      // because a thrown error would reach the renderer as an opaque IPC rejection.
      console.error(`[site-atlas] rpc ${method} threw:`, error)
      return { ok: false, error: { code: 'internal', message: `内部错误，未保存任何修改：${(error as Error).message}` } }
    }
  })
}

/**
 * The 'upload' channel: the preload sends the real path of a File the user chose (a sandboxed
 * page has no other Files, so it cannot name arbitrary paths); it must be an existing regular
 * file, which is registered in place (not copied) and answered with its upload id.
 */
export function registerUploadIpc(
  ipcMain: IpcMainLike,
  registerFile: (filePath: string) => Promise<Result<{ uploadId: string }>>,
  isTrustedSender: (event: SenderInfo) => boolean,
): void {
  ipcMain.handle(UPLOAD_CHANNEL, async (event, filePath: unknown): Promise<Result<{ uploadId: string }>> => {
    if (!isTrustedSender(event)) return refused
    // Checked here too, so that nothing is handed on for a path that is not a file.
    let checked: string
    try {
      checked = (await checkLocalFile(filePath)).path
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: error.toApiError() }
      throw error
    }
    try {
      return await registerFile(checked)
    } catch (error) {
      console.error('[site-atlas] upload threw:', error)
      return { ok: false, error: { code: 'internal', message: `上传文件：${(error as Error).message}` } }
    }
  })
}
