import type { SiteScope } from '../../../../shared/siteScope'

// The link to the inventory sheet (招商资源清单) of a scope: the sheet route with the scope as
// JSON → UTF-8 → base64url (no padding), which the sheet screen decodes the same way.

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The in-app address (hash route) of the sheet of `scope`. */
export function sheetHref(scope: SiteScope): string {
  return `#/sheet?scope=${base64url(new TextEncoder().encode(JSON.stringify(scope)))}`
}
