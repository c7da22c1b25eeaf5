import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The README's set-up must recommend a Node the desktop app's Electron accepts, and explain the
// warning older Nodes print, rather than a version npm install then complains about.

const root = path.resolve(import.meta.dirname, '../..')
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
const setUp = readme.slice(readme.indexOf('## Set up'), readme.indexOf('\n## ', readme.indexOf('## Set up') + 1))
const electronEngine = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { engines: { node: string } }).engines.node

const version = (text: string) => text.split('.').map(Number) as [number, number]
const atLeast = (a: [number, number], b: [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1])

describe('README set-up', () => {
  it('recommends, on the npm install line, a Node at least what Electron’s engines ask for', () => {
    const minimum = version(/(\d+\.\d+)/.exec(electronEngine)![1]!)
    const installLine = setUp.split('\n').find((l) => l.startsWith('npm install'))!
    const recommended = version(/Node (\d+\.\d+)\+/.exec(installLine)![1]!)
    expect(atLeast(recommended, minimum), `${installLine} vs electron ${electronEngine}`).toBe(true)
  })

  it('says why the engine warning is harmless for the browser host, the command line and the tests', () => {
    expect(setUp).toContain('EBADENGINE')
    for (const what of ['npm run web', 'npm run cli', 'tests']) expect(setUp).toContain(what)
  })
})
