import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

// A second process writing a store file (the command line beside the app), for the write-lock tests.

const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3')

/** Another process that commits small write transactions back to back for `forMs`. */
export function busyWriter(file: string, forMs: number) {
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)})
    const db = new Database(${JSON.stringify(file)})
    db.pragma('busy_timeout = 5000')
    const put = db.prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('other.process', ?, '2026-01-01T00:00:00Z')")
    const end = Date.now() + ${forMs}
    let n = 0
    process.stdout.write('writing\\n')
    while (Date.now() < end) {
      db.exec('BEGIN IMMEDIATE')
      put.run(String(++n))
      db.exec('COMMIT')
    }
    db.close()
  `
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('writing') && resolve())
    child.once('exit', (code) => reject(new Error(`the other writer exited early (${code})`)))
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { started, exited }
}
