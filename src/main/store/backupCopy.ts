import fs from 'node:fs'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import BetterSqlite3 from 'better-sqlite3'

// A store copied whole while it is in use: SQLite's online backup API into a checked file.

/**
 * Copies the store behind `sqlite` to `dest`, consistent even while this or another connection
 * writes (the backup API restarts on a change by another connection; one by `sqlite` itself is
 * carried into the copy). Written beside `dest` first and renamed once whole and checked, so a
 * crash or a full disk never leaves a half backup under the final name. The copy is made in steps
 * between which the thread serves other calls, and checked off the thread (quickCheckOffThread):
 * the writer keeps saving while it backs up.
 */
export async function backupTo(sqlite: BetterSqlite3.Database, dest: string): Promise<void> {
  const part = `${dest}.part`
  fs.rmSync(part, { force: true })
  try {
    await sqlite.backup(part, { progress: keepsUpWithWriters() })
    const copy = new BetterSqlite3(part, { fileMustExist: true })
    try {
      // The copy is a rollback-journal file: one file, readable anywhere, no -wal beside it.
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    const check = await quickCheckOffThread(part)
    if (check !== 'ok') throw new Error(`备份文件校验未通过：${check}`)
    const handle = await fs.promises.open(part, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    fs.renameSync(part, dest)
  } catch (error) {
    fs.rmSync(part, { force: true })
    throw error
  }
}

/** Pages copied per step: ~400 KB, a few milliseconds, between which the thread answers other calls. */
const PAGES_PER_STEP = 100
/** Restarts (another connection wrote meanwhile) after which the rest is copied in one step. */
const RESTARTS_BEFORE_ONE_STEP = 3

/**
 * The backup's pace: small steps, unless other connections keep writing (each write by another
 * connection restarts the copy): then the whole file in one step, under a read lock that in WAL
 * mode holds up no writer, so the backup always ends.
 */
function keepsUpWithWriters(): (progress: { totalPages: number; remainingPages: number }) => number {
  let remaining = Infinity
  let restarts = 0
  return (progress) => {
    if (progress.remainingPages > remaining) restarts += 1
    remaining = progress.remainingPages
    return restarts >= RESTARTS_BEFORE_ONE_STEP ? 0x7fffffff : PAGES_PER_STEP
  }
}

// SQLite's quick_check of a file on a thread of its own: 0.85 s on a 380 MB store, which on the
// writer's thread would hold up every save meanwhile.
const QUICK_CHECK_THREAD = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.module)
const db = new Database(workerData.file, { readonly: true, fileMustExist: true })
try {
  parentPort.postMessage(String(db.pragma('quick_check', { simple: true })))
} finally {
  db.close()
}
`

/** Where better-sqlite3 is for a thread that loads it again, or null when it cannot be told (then the check runs here). */
function betterSqlitePath(): string | null {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3')
  } catch {
    return null
  }
}

/** SQLite's quick_check of `file` ('ok' or its first finding), on a worker thread when one can load SQLite. */
export async function quickCheckOffThread(file: string): Promise<string> {
  const inline = () => {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
    try {
      return String(db.pragma('quick_check', { simple: true }))
    } finally {
      db.close()
    }
  }
  const module = betterSqlitePath()
  if (!module) return inline()
  return new Promise<string>((resolve, reject) => {
    let settled = false
    const worker = new Worker(QUICK_CHECK_THREAD, { eval: true, workerData: { file, module } })
    worker.once('message', (answer: string) => {
      settled = true
      resolve(answer)
    })
    worker.once('error', (error) => {
      if (settled) return
      settled = true
      // A thread that could not load SQLite (an unusual packaging) is not a bad backup: check here.
      const code = (error as { code?: string }).code ?? ''
      if (code.startsWith('SQLITE_')) reject(error)
      else {
        try {
          resolve(inline())
        } catch (inlineError) {
          reject(inlineError)
        }
      }
    })
    worker.once('exit', () => {
      if (!settled) reject(new Error('备份文件校验中断'))
    })
  })
}
