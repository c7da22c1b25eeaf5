import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, type BrowserWindow, dialog, ipcMain } from 'electron'
import { createServices } from './services'
import { openStore, type Store } from './store/open'
import { registerIpc, registerUploadIpc } from './electron/ipc'
import { closeStoreOnQuit } from './electron/lifecycle'
import { registerSaveIpc } from './electron/save'
import { findExportByAssetPath } from './services/exports/files'
import { registerPrintIpc } from './electron/print'
import { installMenu } from './electron/menu'
import { APP_ENTRY_URL, appOrigins, createSenderCheck } from './electron/origin'
import { registerAppScheme, serveAppScheme } from './electron/protocol'
import { createMainWindow } from './electron/window'

// Electron entry: wiring only. Built to out/main/index.js; the preload and renderer sit beside it.

const here = path.dirname(fileURLToPath(import.meta.url))
const preload = path.join(here, '../preload/index.cjs')
const rendererDir = path.join(here, '../renderer')
// Read-only data (the embedded boundary map …): resources/ beside app.asar in a packaged app (the
// packager copies the project's resources/ there as extra resources), the project's own otherwise.
const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(here, '../../resources')
// The dev server is trusted only in an unpackaged app started by electron-vite dev.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL || undefined : undefined
const allowedOrigins = appOrigins(devServerUrl)

registerAppScheme() // before ready, synchronously

let mainWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  start().catch((error: unknown) => {
    dialog.showErrorBox('Site Atlas 启动失败', error instanceof Error ? error.message : String(error))
    app.exit(1)
  })
}

async function start(): Promise<void> {
  await app.whenReady()

  let store: Store
  try {
    store = await openStore(path.join(app.getPath('userData'), 'site-atlas.db'))
  } catch (error) {
    dialog.showErrorBox('无法打开数据文件', `${(error as Error).message}\n\nSite Atlas 将退出，数据文件未被修改。`)
    app.exit(1)
    return
  }
  const services = await createServices(store, undefined, { resourcesDir })
  // Downloads stop and tile packages close before the data file does.
  closeStoreOnQuit(app, () => services.shutdown().finally(() => store.close()))

  const isTrustedSender = createSenderCheck({ allowedOrigins, webContentsId: () => mainWindow?.webContents.id })
  registerIpc(ipcMain, services.dispatch, isTrustedSender)
  registerUploadIpc(ipcMain, services.registerFile, isTrustedSender)
  registerSaveIpc(
    ipcMain,
    {
      locate: (assetPath) => findExportByAssetPath(services.ctx.dataDir, assetPath),
      showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
      defaultDir: () => app.getPath('downloads'),
    },
    isTrustedSender,
  )
  registerPrintIpc(ipcMain, isTrustedSender)
  serveAppScheme(rendererDir, services.readAsset)
  installMenu()

  const openWindow = () => {
    mainWindow = createMainWindow({ preload, url: devServerUrl ?? APP_ENTRY_URL, allowedOrigins })
    mainWindow.on('closed', () => {
      mainWindow = null
    })
  }
  openWindow()

  app.on('activate', () => {
    if (!mainWindow) openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
