import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The project folder (the nearest one up with package.json) of a module run from the repository:
 * its source under src/ through tsx, or its bundle under out/host. Used by the browser host and the
 * command line, which are never packaged.
 */
export function projectRootOf(moduleUrl: string): string {
  let dir = path.dirname(fileURLToPath(moduleUrl))
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir)
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(moduleUrl)}`)
    dir = up
  }
  return dir
}
