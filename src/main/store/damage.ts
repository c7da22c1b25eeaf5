import fs from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { readHeader } from './backupFile'

// The start-up check of an existing store file before the writer opens it (and writes to it: WAL
// mode, migrations): a Site Atlas file that is truncated or fails SQLite's quick check is damaged,
// and is then left exactly as it is (recovery mode, runtime/pool.ts). A file that is not ours is
// left to openStore, which refuses it in its own words.
// Interim: the backup engine's openStore check (StoreOpenError 'damaged') does the same; once it
// has landed this one can go (the runtime listens for the problem string 'damaged' either way).

/** Why an existing store file is damaged, in words; null when it is whole (or not ours at all). */
export function damageOf(file: string): string | null {
  let header: ReturnType<typeof readHeader>
  let size: number
  try {
    size = fs.statSync(file).size
    header = readHeader(file)
  } catch {
    return null // missing or unreadable: openStore says so
  }
  if (!header.sqlite || !header.ours) return null
  // A WAL may hold pages beyond the file's end; an empty one (left by a read-only reader) holds none.
  const walBytes = fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0
  if (header.pages !== null && size < header.pages * header.pageSize && walBytes === 0) {
    return `文件被截断（应有 ${header.pages * header.pageSize} 字节，实有 ${size} 字节）`
  }
  let sqlite: BetterSqlite3.Database | null = null
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
    const rows = sqlite.pragma('quick_check(5)') as Array<{ quick_check: string }>
    if (rows.length === 1 && rows[0]!.quick_check === 'ok') return null
    return `SQLite 完整性检查未通过（${rows[0]?.quick_check.split('\n')[0] ?? '未知问题'}）`
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return `SQLite 无法读取其内容（${(error as Error).message}）`
    return null
  } finally {
    sqlite?.close()
  }
}
