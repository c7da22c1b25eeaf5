import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

// Which device is writing. The id belongs to the installation, not to the data file: a file copied
// to a colleague's laptop must not bring this laptop's id with it, or the two laptops' edits could
// not be told apart when they are merged field by field. It is kept in a small file of its own in
// the installation's folder (Electron's user data, the browser host's data folder, ~/.site-atlas for
// the command line) and made the first time it is needed, so reading commands write nothing.

const FILE = 'device-id'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function deviceIdentity(dir: string): () => string {
  let id: string | null = null
  return () => {
    if (id) return id
    const file = path.join(dir, FILE)
    try {
      const stored = fs.readFileSync(file, 'utf8').trim()
      if (UUID.test(stored)) return (id = stored)
    } catch {
      // not made yet
    }
    const made = randomUUID()
    fs.mkdirSync(dir, { recursive: true })
    const temporary = `${file}.${process.pid}.tmp`
    fs.writeFileSync(temporary, `${made}\n`)
    try {
      // Linked, not renamed: if another process (a store worker, the command line) made one first,
      // theirs stands and is used here too — one device, one id.
      fs.linkSync(temporary, file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const theirs = fs.readFileSync(file, 'utf8').trim()
      if (!UUID.test(theirs)) throw error
      return (id = theirs)
    } finally {
      fs.rmSync(temporary, { force: true })
    }
    return (id = made)
  }
}
