import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { createServices } from '../../src/main/services'
import { backupInto } from '../../src/main/store/backupFolder'
import { openStore } from '../../src/main/store/open'

// The pieces of the backup → damage → restore drill: a store with named buildings, a backup of
// it, the two kinds of damage (a truncated file; pages overwritten), and what a file holds.

/** Adds buildings (by name) to the store at `file`, creating it when missing. */
export async function addBuildings(file: string, names: string[], options: { migrateTo?: string } = {}): Promise<void> {
  const store = await openStore(file, options)
  const services = await createServices(store, 'tester')
  try {
    for (const name of names) {
      const result = await services.dispatch('buildings.create', { name, districtCode: '210103', lng: 123.43, lat: 41.8 })
      if (!result.ok) throw new Error(`buildings.create failed: ${JSON.stringify(result.error)}`)
    }
  } finally {
    await services.shutdown()
    await store.close()
  }
}

/** A backup of the store at `file` in `dir`, named as the app names a manual one; its path. */
export async function backUp(file: string, dir: string): Promise<string> {
  const sqlite = new BetterSqlite3(file, { readonly: true })
  try {
    return (await backupInto(sqlite, dir, 'manual')).path
  } finally {
    sqlite.close()
  }
}

/** The names of the live buildings in a store file, sorted (read-only). */
export function buildingNames(file: string): string[] {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    return (sqlite.prepare('SELECT name FROM buildings WHERE deleted_at IS NULL').all() as Array<{ name: string }>).map((r) => r.name).sort()
  } finally {
    sqlite.close()
  }
}

export function integrityOk(file: string): boolean {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    return sqlite.pragma('integrity_check', { simple: true }) === 'ok'
  } finally {
    sqlite.close()
  }
}

/** Damage 1: the file cut to a third (a copy interrupted, a disk full). */
export function truncate(file: string): void {
  fs.truncateSync(file, Math.floor(fs.statSync(file).size / 3))
}

/** Damage 2: every page after the first two overwritten with noise (bad sectors, a stray write). */
export function overwritePages(file: string): void {
  const bytes = fs.readFileSync(file)
  const pageSize = bytes.readUInt16BE(16)
  for (let at = 2 * pageSize; at < bytes.length; at++) bytes[at] = (at * 131) & 0xff
  fs.writeFileSync(file, bytes)
}

/** Every file in a folder (not below), with its bytes: a folder as a crash would leave it. */
export function snapshot(dir: string): Map<string, Buffer> {
  return new Map(fs.readdirSync(dir).filter((name) => fs.statSync(path.join(dir, name)).isFile()).map((name) => [name, fs.readFileSync(path.join(dir, name))]))
}

export function writeSnapshot(files: Map<string, Buffer>, dir: string): void {
  fs.mkdirSync(dir, { recursive: true })
  for (const [name, bytes] of files) fs.writeFileSync(path.join(dir, name), bytes)
}
