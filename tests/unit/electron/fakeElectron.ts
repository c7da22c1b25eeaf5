// A small hand-made stand-in for the `electron` module: records what the host registers and
// lets tests fire the events Electron would. Tests mock 'electron' with this module.

type Listener = (...args: any[]) => unknown

class Emitter {
  readonly listeners = new Map<string, Listener[]>()
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener)
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args)
  }
}

/** An Electron-style event: records whether a listener prevented the default. */
export function fakeEvent<T extends object>(fields: T): T & { preventDefault(): void; defaultPrevented: boolean } {
  const event = { ...fields, defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) }
  return event
}

class FakeSession {
  permissionRequestHandler: Listener | null = null
  permissionCheckHandler: Listener | null = null
  /** What webRequest.onBeforeRequest was given: the URL filter and the listener. */
  beforeRequest: Array<{ filter: { urls: string[] }; listener: Listener }> = []
  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: Listener) => void this.beforeRequest.push({ filter, listener }),
  }
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheckHandler = handler
  }
}

let nextId = 1

export class FakeWebContents extends Emitter {
  readonly id = nextId++
  readonly session = new FakeSession()
  devToolsClosed = 0
  closeDevTools() {
    this.devToolsClosed++
  }
  windowOpenHandler: Listener | null = null
  /** The options of every printToPDF call; the PDF it answers is `pdfBytes`. */
  printed: Array<Record<string, unknown>> = []
  pdfBytes: Uint8Array | Error = new TextEncoder().encode('%PDF-1.7 fake')
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler
  }
  printToPDF(options: Record<string, unknown>): Promise<Uint8Array> {
    this.printed.push(options)
    return this.pdfBytes instanceof Error ? Promise.reject(this.pdfBytes) : Promise.resolve(this.pdfBytes)
  }
}

export class BrowserWindow extends Emitter {
  static instances: BrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  loadedUrl: string | null = null
  visible = false
  focused = 0
  constructor(readonly options: Record<string, any>) {
    super()
    BrowserWindow.instances.push(this)
  }
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.instances.find((w) => w.webContents === contents) ?? null
  }
  loadURL(url: string) {
    this.loadedUrl = url
    return Promise.resolve()
  }
  show() {
    this.visible = true
  }
  focus() {
    this.focused++
  }
  isMinimized() {
    return false
  }
  restore() {}
}

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, listener: Listener) {
    // Electron refuses a second handler on one channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel)
  },
}

class FakeApp extends Emitter {
  isPackaged = false
  userData = ''
  quitCalls = 0
  exitCodes: number[] = []
  quit() {
    this.quitCalls++
    this.emit('before-quit', fakeEvent({}))
  }
  exit(code = 0) {
    this.exitCodes.push(code)
  }
  getPath(name: string) {
    if (name !== 'userData') throw new Error(`fake app.getPath: ${name}`)
    return this.userData
  }
  getVersion = (): string => '0.0.0-test'
  requestSingleInstanceLock = (): boolean => true
  whenReady = (): Promise<void> => Promise.resolve()
}

export const app = new FakeApp()

export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>) {
    this.privileged.push(...schemes)
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    this.handlers.set(scheme, handler)
  },
}

export const Menu = {
  applicationMenu: null as null | { template: any[] },
  buildFromTemplate: (template: any[]) => ({ template }),
  setApplicationMenu(menu: { template: any[] }) {
    this.applicationMenu = menu
  },
}

export const dialog = {
  errors: [] as Array<{ title: string; content: string }>,
  showErrorBox(title: string, content: string) {
    this.errors.push({ title, content })
  },
  showMessageBox: () => Promise.resolve({ response: 0 }),
  /** Each call's arguments, and the options (its last argument) alone. */
  saveDialogs: [] as unknown[][],
  saveCalls: [] as Array<Record<string, unknown>>,
  /** What the save dialog answers; tests set it (the person picks a path, or cancels). */
  saveAnswer: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
  showSaveDialog(...args: unknown[]) {
    this.saveDialogs.push(args)
    this.saveCalls.push(args[args.length - 1] as Record<string, unknown>)
    return Promise.resolve(this.saveAnswer)
  },
}

export const shell = {
  opened: [] as string[],
  openExternal(url: string) {
    this.opened.push(url)
    return Promise.resolve()
  },
}

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api)
  },
}

export const ipcRenderer = {
  invocations: [] as unknown[][],
  reply: (_channel: string, ..._args: unknown[]): unknown => ({ ok: true, value: null }),
  invoke(channel: string, ...args: unknown[]) {
    this.invocations.push([channel, ...args])
    try {
      return Promise.resolve(this.reply(channel, ...args))
    } catch (error) {
      return Promise.reject(error)
    }
  },
}

/** Electron's webUtils: a File the user picked has a path (tests set it); any other File has ''. */
export const webUtils = {
  paths: new WeakMap<object, string>(),
  getPathForFile(file: File): string {
    return this.paths.get(file) ?? ''
  },
}

/** A utility process as Electron's utilityProcess.fork answers it: records what it is sent. */
export class FakeUtilityProcess extends Emitter {
  posted: unknown[] = []
  killed = 0
  constructor(readonly file: string, readonly args: string[], readonly options: Record<string, unknown>, readonly pid: number | undefined) {
    super()
  }
  postMessage(message: unknown) {
    this.posted.push(message)
  }
  kill() {
    this.killed++
    return true
  }
}

export const utilityProcess = {
  forked: [] as FakeUtilityProcess[],
  /** The pid the next fork reports (undefined: not yet spawned). */
  nextPid: undefined as number | undefined,
  fork(file: string, args: string[] = [], options: Record<string, unknown> = {}) {
    const child = new FakeUtilityProcess(file, args, options, this.nextPid)
    this.forked.push(child)
    return child
  },
}

/** Forgets everything recorded, between tests. */
export function resetFakeElectron(): void {
  BrowserWindow.instances = []
  ipcMain.handlers.clear()
  app.listeners.clear()
  Object.assign(app, { isPackaged: false, userData: '', quitCalls: 0, exitCodes: [] })
  app.requestSingleInstanceLock = () => true
  app.whenReady = () => Promise.resolve()
  protocol.privileged = []
  protocol.handlers.clear()
  Menu.applicationMenu = null
  dialog.errors = []
  dialog.saveDialogs = []
  dialog.saveCalls = []
  dialog.saveAnswer = { canceled: true, filePath: '' }
  shell.opened = []
  contextBridge.exposed.clear()
  ipcRenderer.invocations = []
  ipcRenderer.reply = () => ({ ok: true, value: null })
  webUtils.paths = new WeakMap()
  utilityProcess.forked = []
  utilityProcess.nextPid = undefined
}
