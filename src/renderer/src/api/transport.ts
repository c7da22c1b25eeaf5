import type { Result } from '../../../shared/result'

/** How the renderer reaches the services: Electron IPC through the preload bridge, or HTTP. */
export interface Transport {
  call(method: string, input: unknown): Promise<Result<unknown>>
}

/** What the preload script exposes on `window.siteAtlas`, and nothing more. */
export interface PreloadBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>
}

declare global {
  interface Window {
    siteAtlas?: PreloadBridge
  }
}

const TOKEN_KEY = 'site-atlas.token'

/** The browser host's per-start token: from the URL on first load, then kept for this tab. */
export function browserToken(): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

export function httpTransport(token: string | null): Transport {
  return {
    async call(method, input) {
      let response: Response
      try {
        response = await fetch(`/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
          body: JSON.stringify(input ?? {}),
        })
      } catch {
        return { ok: false, error: { code: 'internal', message: '无法连接本机服务，请确认 Site Atlas 仍在运行' } }
      }
      if (response.status === 401) {
        return { ok: false, error: { code: 'unauthorized', message: '访问令牌无效：请使用启动时打印的完整地址打开' } }
      }
      return (await response.json()) as Result<unknown>
    },
  }
}

export function ipcTransport(bridge: PreloadBridge): Transport {
  return { call: (method, input) => bridge.call(method, input) }
}

export function detectTransport(): Transport {
  return window.siteAtlas ? ipcTransport(window.siteAtlas) : httpTransport(browserToken())
}
