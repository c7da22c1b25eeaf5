import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { isMethodName } from '../shared/api'
import type { Result } from '../shared/result'
import type { PreloadBridge } from '../renderer/src/api/transport'

// Runs sandboxed, bundled to CommonJS. The page gets exactly two functions: call a contract
// method over the one 'rpc' channel, and hand a file the user chose to main over 'upload'.
// Names outside the contract never leave the page; only the path of a real File does.

const bridge: PreloadBridge = {
  async call(method: string, input: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `未知的接口：${String(method)}` } }
    }
    try {
      return (await ipcRenderer.invoke('rpc', method, input)) as Result<unknown>
    } catch (error) {
      // e.g. an input that cannot be cloned across processes
      return { ok: false, error: { code: 'internal', message: `无法发送请求：${(error as Error).message}` } }
    }
  },

  async upload(file: File): Promise<Result<{ uploadId: string }>> {
    let filePath = ''
    try {
      // '' for a File the page made itself (new File([...])): only files the user picked have a path.
      filePath = webUtils.getPathForFile(file)
    } catch {
      filePath = ''
    }
    if (!filePath) {
      return { ok: false, error: { code: 'invalid', field: 'file', message: '上传文件：请从本机选择一个文件' } }
    }
    try {
      return (await ipcRenderer.invoke('upload', filePath)) as Result<{ uploadId: string }>
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: `无法发送请求：${(error as Error).message}` } }
    }
  },

  // Saving a finished export: main asks where (save dialog) and copies it; only exports/<id> is accepted there.
  async save(assetPath: string, fileName: string): Promise<Result<{ saved: boolean }>> {
    try {
      return (await ipcRenderer.invoke('save', assetPath, fileName)) as Result<{ saved: boolean }>
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: `无法发送请求：${(error as Error).message}` } }
    }
  },

  // The page prints itself to PDF (the inventory sheet); main asks where to save it.
  async print(fileName: string): Promise<Result<{ filePath: string | null }>> {
    try {
      return (await ipcRenderer.invoke('print', String(fileName))) as Result<{ filePath: string | null }>
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: `无法发送请求：${(error as Error).message}` } }
    }
  },
}

contextBridge.exposeInMainWorld('siteAtlas', bridge)
