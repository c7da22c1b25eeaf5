import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The browser host's process forwards every call to the store workers and, in recovery mode,
// answers backup.status / backup.list from the files itself (services/backup/status.ts): its
// bundle (out/host/web.js, built by the e2e global set-up as scripts/host.mjs builds it) must load
// no SQLite, which the workers alone hold. Checked on the bundle, since tree-shaking decides it.

const outDir = path.resolve(__dirname, '../../out/host')

/** The packages a bundle file imports, following its own chunks (./x.js) statically and dynamically. */
function packagesLoadedBy(entry: string): Set<string> {
  const seen = new Set<string>()
  const packages = new Set<string>()
  const visit = (name: string) => {
    if (seen.has(name)) return
    seen.add(name)
    const code = fs.readFileSync(path.join(outDir, name), 'utf8')
    const specifiers = [...code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)]
    for (const match of specifiers) {
      const specifier = match[1] ?? match[2] ?? match[3]!
      if (specifier.startsWith('./')) visit(specifier.slice(2))
      else packages.add(specifier)
    }
  }
  visit(entry)
  return packages
}

describe('the browser host bundle', () => {
  it('loads no SQLite: recovery mode answers from files only', () => {
    const loaded = packagesLoadedBy('web.js')
    expect(loaded.has('node:fs')).toBe(true) // the walk sees the bundle's imports at all
    expect([...loaded].filter((name) => name.includes('sqlite') || name === 'kysely')).toEqual([])
    expect(fs.readFileSync(path.join(outDir, 'web.js'), 'utf8')).toContain('backup-settings.json')
  })
})
