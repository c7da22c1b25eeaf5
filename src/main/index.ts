import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, type BrowserWindow, dialog, ipcMain } from 'electron'
import { type StoreRuntime, startStoreRuntime } from './runtime/pool'
import { registerIpc, registerUploadIpc } from './electron/ipc'
import { closeStoreOnQuit } from './electron/lifecycle'
import { locateSaveable, registerSaveIpc } from './electron/save'
import { registerPrintIpc } from './electron/print'
import { installMenu } from './electron/menu'
import { APP_ENTRY_URL, appOrigins, createSenderCheck } from './electron/origin'
import { registerAppScheme, serveAppScheme } from './electron/protocol'
import { createMainWindow } from './electron/window'
import { hardenAllWebContents } from './electron/hardening'
import { runWorkersAsUtilityProcesses } from './electron/workerLauncher'

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
hardenAllWebContents(app, allowedOrigins) // before any web contents exists
if (app.isPackaged) runWorkersAsUtilityProcesses() // the runAsNode fuse is off there: no forking Electron as Node

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

  // The store and the services run in worker processes (runtime/): this thread, which draws the
  // window, only forwards calls to them.
  let services: StoreRuntime
  try {
    services = await startStoreRuntime({ file: path.join(app.getPath('userData'), 'site-atlas.db'), options: { resourcesDir } })
  } catch (error) {
    dialog.showErrorBox('无法打开数据文件', `${(error as Error).message}\n\nSite Atlas 将退出，数据文件未被修改。`)
    app.exit(1)
    return
  }
  // A damaged file is no reason to exit: the window opens in recovery mode (only backup.* answer,
  // the page offers the newest good backup) and the file is left exactly as it is.
  const store = services.storeState()
  if (store.state !== 'ok') console.error(`[site-atlas] recovery mode: ${store.message}`)
  // Downloads stop, tile packages and then the data file close in every worker before quitting.
  closeStoreOnQuit(app, () => services.shutdown())

  const isTrustedSender = createSenderCheck({ allowedOrigins, webContentsId: () => mainWindow?.webContents.id })
  registerIpc(ipcMain, services.dispatch, isTrustedSender)
  registerUploadIpc(ipcMain, services.registerFile, isTrustedSender)
  registerSaveIpc(
    ipcMain,
    {
      locate: locateSaveable(services.dataDir),
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
