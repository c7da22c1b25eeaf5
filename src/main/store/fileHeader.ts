import fs from 'node:fs'
import { SITE_ATLAS_APPLICATION_ID } from './migrations/001_initial'

// A SQLite file's first 100 bytes, read without SQLite: whose it is and how long it should be.

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

/** What the first 100 bytes say, before SQLite reads anything else. */
export function readHeader(file: string): { sqlite: false } | { sqlite: true; ours: boolean; pageSize: number; pages: number | null } {
  const header = Buffer.alloc(100)
  const fd = fs.openSync(file, 'r')
  let read: number
  try {
    read = fs.readSync(fd, header, 0, 100, 0)
  } finally {
    fs.closeSync(fd)
  }
  if (read < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) return { sqlite: false }
  const rawPageSize = header.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
  // The page count in the header is valid only when written by a SQLite that keeps it (3.7.0+):
  // its change counter then equals the "version-valid-for" number.
  const pages = header.readUInt32BE(24) === header.readUInt32BE(92) ? header.readUInt32BE(28) : null
  return { sqlite: true, ours: header.readUInt32BE(68) === SITE_ATLAS_APPLICATION_ID, pageSize, pages }
}

/**
 * How much shorter the file is than its header says, or null when it is not: a truncated file.
 * A -wal beside it may hold the pages beyond its end (a store the app was writing); an empty one
 * (left by a read-only reader, or after a checkpoint) holds none, so the file is judged alone.
 */
export function truncation(file: string, header: ReturnType<typeof readHeader>): { expected: number; actual: number } | null {
  if (!header.sqlite || header.pages === null) return null
  const expected = header.pages * header.pageSize
  const actual = fs.statSync(file).size
  if (actual >= expected) return null
  const walBytes = fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0
  return walBytes > 0 ? null : { expected, actual }
}

/** A truncation in words: 文件被截断（应有 … 字节，实有 … 字节）. */
export const truncatedWords = (cut: { expected: number; actual: number }): string => `文件被截断（应有 ${cut.expected} 字节，实有 ${cut.actual} 字节）`
