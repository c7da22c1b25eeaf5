import { URL_TEMPLATE_PLACEHOLDER } from '../../../shared/schemas/basemaps'
import type { Warning } from '../../../shared/result'

// An online tile source over plain http sends every tile (and so where the person is looking)
// across the network unencrypted, and a machine on the way can swap the tiles. Allowed — a
// bureau's own GIS server on its network may offer nothing else — but only once the person has
// read so. Loopback is exempt: it never leaves this computer.

export const PLAIN_HTTP_WARNING = 'basemap.plainHttp'

/** The warning an http:// template (to another machine) needs accepted; none for https or loopback. */
export function plainHttpWarnings(urlTemplate: string): Warning[] {
  let url: URL
  try {
    url = new URL(urlTemplate.replace(URL_TEMPLATE_PLACEHOLDER, '0'))
  } catch {
    return [] // the schema already refused it
  }
  if (url.protocol !== 'http:' || isLoopback(url.hostname)) return []
  return [{
    code: PLAIN_HTTP_WARNING,
    field: 'urlTemplate',
    message: `地址模板：${url.host} 使用未加密的 http，瓦片在网络上明文传输，途中可能被查看或替换；确认该服务可信再添加（能用 https 时请改用 https）`,
  }]
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}
