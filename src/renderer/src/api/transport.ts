import { fail, type ApiError, type Result } from '../../../shared/result'

export type UploadProgress = (sent: number, total: number) => void

/** How the renderer reaches the services: Electron IPC through the preload bridge, or HTTP. */
export interface Transport {
  call(method: string, input: unknown): Promise<Result<unknown>>
  /** Hands a file the user chose to the host; the upload id goes to a method such as basemaps.import. */
  upload(file: File, onProgress?: UploadProgress): Promise<Result<{ uploadId: string }>>
  /** The URL of an asset the host serves (a basemap's tile template, a photo) from its relative path. */
  assetUrl(assetPath: string): string
  /** Saves a finished export (exports/<id>): a download in the browser, a save dialog in Electron. */
  saveAsset(assetPath: string, fileName: string): Promise<Result<{ saved: boolean }>>
  /** Prints the page to PDF: Electron saves it where the person chooses; a browser opens its print dialog. */
  print(fileName: string): Promise<Result<{ filePath: string | null }>>
}

/** What the preload script exposes on `window.siteAtlas`, and nothing more. */
export interface PreloadBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>
  upload(file: File): Promise<Result<{ uploadId: string }>>
  save(assetPath: string, fileName: string): Promise<Result<{ saved: boolean }>>
  print(fileName: string): Promise<Result<{ filePath: string | null }>>
}

declare global {
  interface Window {
    siteAtlas?: PreloadBridge
  }
}

/**
 * The browser host's token is not the page's business: the host answers the printed /?token=…
 * address with an HttpOnly cookie and sends the page on to the address without it, and the
 * browser attaches the cookie to every call, upload, tile and download of this page. Should the
 * page still be shown at an address with a token (an older host), it is taken out of the address
 * and so out of the history; a token an older version kept in sessionStorage is dropped.
 */
export function forgetAddressToken(): void {
  const url = new URL(window.location.href)
  if (url.searchParams.has('token')) {
    url.searchParams.delete('token')
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`)
  }
  try {
    sessionStorage.removeItem('site-atlas.token')
  } catch {
    // storage switched off: nothing kept there
  }
}

// What the HTTP transport says when the host cannot be reached or refuses the token, for calls
// and uploads alike.
const UNREACHABLE: ApiError = { code: 'internal', message: '无法连接本机服务，请确认 Site Atlas 仍在运行' }
const UNAUTHORIZED: ApiError = { code: 'unauthorized', message: '访问令牌无效：请使用启动时打印的完整地址打开' }

/** HTTP to the browser host; the cookie the host set at first load is the key (same origin only). */
export function httpTransport(): Transport {
  return {
    async call(method, input) {
      let response: Response
      try {
        response = await fetch(`/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        })
      } catch {
        return fail(UNREACHABLE)
      }
      if (response.status === 401 || response.status === 403) return fail(UNAUTHORIZED)
      return (await response.json()) as Result<unknown>
    },

    // XMLHttpRequest rather than fetch: only it reports upload progress. The body is the file
    // itself, streamed by the browser; the host writes it to disk as it arrives.
    upload(file, onProgress) {
      return new Promise((resolve) => {
        const failed = (message: string) => resolve(fail({ code: 'internal', message }))
        const xhr = new XMLHttpRequest()
        xhr.open('POST', `/upload?name=${encodeURIComponent(file.name)}`)
        xhr.setRequestHeader('content-type', 'application/octet-stream')
        xhr.upload.onprogress = (event) => onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size)
        xhr.onerror = () => resolve(fail(UNREACHABLE))
        xhr.onabort = () => failed('上传已中断')
        xhr.onload = () => {
          if (xhr.status === 401 || xhr.status === 403) return resolve(fail(UNAUTHORIZED))
          try {
            resolve(JSON.parse(xhr.responseText) as Result<{ uploadId: string }>)
          } catch {
            failed(`上传失败（HTTP ${xhr.status}）`)
          }
        }
        xhr.send(file)
      })
    },

    // The cookie goes with an <img>, a map tile and a download link alike: no token in the URL.
    // The {z}/{x}/{y} placeholders stay as they are for the map library to fill in.
    assetUrl(assetPath) {
      return `/${assetPath}`
    },

    // A link with `download`, clicked: the browser saves the host's attachment where it saves downloads.
    async saveAsset(assetPath, fileName) {
      const link = document.createElement('a')
      link.href = this.assetUrl(assetPath)
      link.download = fileName
      link.rel = 'noopener'
      document.body.append(link)
      link.click()
      link.remove()
      return { ok: true, value: { saved: true } }
    },

    // The browser's own print dialog, where "Save as PDF" is one of the printers; the page's
    // title becomes the suggested file name.
    async print(fileName) {
      const title = document.title
      document.title = fileName
      try {
        window.print()
      } finally {
        document.title = title
      }
      return { ok: true, value: { filePath: null } }
    },
  }
}

export function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    call: (method, input) => bridge.call(method, input),
    // Main reads the file where it is: nothing to transfer, so progress jumps to the end.
    async upload(file, onProgress) {
      onProgress?.(0, file.size)
      const result = await bridge.upload(file)
      if (result.ok) onProgress?.(file.size, file.size)
      return result
    },
    // Relative to app://site-atlas/index.html, so app://site-atlas/tiles/… (the protocol handler).
    assetUrl: (assetPath) => assetPath,
    saveAsset: (assetPath, fileName) => bridge.save(assetPath, fileName),
    print: (fileName) => bridge.print(fileName),
  }
}

export function detectTransport(): Transport {
  if (window.siteAtlas) return ipcTransport(window.siteAtlas)
  forgetAddressToken()
  return httpTransport()
}
