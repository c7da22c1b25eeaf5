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
