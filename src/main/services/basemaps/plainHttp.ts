import { URL_TEMPLATE_PLACEHOLDER } from '../../../shared/schemas/basemaps'
import type { Warning } from '../../../shared/result'

// An online tile source over plain http sends every tile (and so where the person is looking)
// across the network unencrypted, and a machine on the way can swap the tiles. Allowed — a
// bureau's own GIS server on its network may offer nothing else — but only once the person has
// read so. Loopback is exempt: it never leaves this computer.

export const PLAIN_HTTP_WARNING = 'basemap.plainHttp'

/** More expansions than this (subdomain lists multiplied) are not walked: such a template is not taken for loopback. */
const MAX_EXPANSIONS = 256

/**
 * The URLs a template can fetch from: every subdomain {s} and {switch:…} can stand for, in every
 * combination (tiles are fetched with these, not with a placeholder); tile numbers as 0, since a
 * host is never made of them. Null when there are more than MAX_EXPANSIONS.
 */
export function templateExpansions(urlTemplate: string): string[] | null {
  let urls = ['']
  let rest = urlTemplate
  for (const match of urlTemplate.matchAll(URL_TEMPLATE_PLACEHOLDER)) {
    const at = rest.indexOf(match[0])
    const before = rest.slice(0, at)
    rest = rest.slice(at + match[0].length)
    const name = match[1]!
    const options = name === 's' ? ['a', 'b', 'c'] : name.startsWith('switch:') ? name.slice('switch:'.length).split(',').map((o) => o.trim()) : ['0']
    if (urls.length * options.length > MAX_EXPANSIONS) return null
    urls = urls.flatMap((url) => options.map((option) => url + before + option))
  }
  return urls.map((url) => url + rest)
}

/** The warning an http:// template (to another machine) needs accepted; none for https or loopback. */
export function plainHttpWarnings(urlTemplate: string): Warning[] {
  const expansions = templateExpansions(urlTemplate)
  // One that is not a URL can never be fetched (and the schema refused the template if none is).
  const urls = (expansions ?? [urlTemplate.replace(URL_TEMPLATE_PLACEHOLDER, '0')]).flatMap((text) => URL.canParse(text) ? [new URL(text)] : [])
  // Exempt only when every expansion stays on this computer: {switch:1,evil} in the host must not pass as loopback.
  const url = urls.find((u) => u.protocol === 'http:' && (expansions === null || !isLoopback(u.hostname)))
  if (!url) return []
  return [{
    code: PLAIN_HTTP_WARNING,
    field: 'urlTemplate',
    message: `地址模板：${url.host} 使用未加密的 http，瓦片在网络上明文传输，途中可能被查看或替换；确认该服务可信再添加（能用 https 时请改用 https）`,
  }]
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}
