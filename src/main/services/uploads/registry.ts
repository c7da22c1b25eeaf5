import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { DomainError } from '../../../shared/result'

// Files handed to the app for a later call (e.g. a map package for basemaps.import), each known
// by an id. The browser host streams the body into the data folder (a temporary file, moved by
// whoever uses it); the Electron host registers the path of the file the user picked (left in
// place, copied by whoever uses it). An id is kept as a small JSON file in <data>/upload-ids, so
// any process of the app (the host that received the body, a store worker that reads it) knows it;
// it lives until used, discarded, or swept with the stale uploads.

export interface Upload {
  id: string
  /** Absolute path of the file. */
  path: string
  /** The file's name as the user knows it (for a default basemap name). */
  originalName: string
  /** True when the file is ours (in the uploads folder) and may be moved or deleted. */
  temporary: boolean
  size: number
}

/** Largest upload the browser host accepts. */
export const MAX_UPLOAD_BYTES = 8 * 1024 ** 3

/** The refusal of an upload over `limit` bytes, whether told by its length header or while streaming. */
export function uploadTooLarge(limit = MAX_UPLOAD_BYTES): DomainError {
  return new DomainError('invalid', `上传文件：超过上限 ${Math.round(limit / 1024 ** 3)} GiB`, 'file')
}
/** Leftover temporary uploads older than this are deleted on the first upload of a process. */
const STALE_MS = 24 * 3600 * 1000

export class UploadRegistry {
  private swept = false
  /** Where each upload id is written down: <data>/upload-ids beside <data>/uploads. */
  readonly idsDir: string

  constructor(readonly dir: string) {
    this.idsDir = path.join(path.dirname(dir), 'upload-ids')
  }

  add(upload: Omit<Upload, 'id'> & { id?: string }): Upload {
    const entry = { ...upload, id: upload.id ?? randomUUID() }
    const file = this.idFile(entry.id)
    if (!file) throw new DomainError('invalid', '上传文件：编号无效', 'uploadId')
    fs.mkdirSync(this.idsDir, { recursive: true })
    // Written whole, then renamed: a reader in another process never sees half an entry.
    const part = `${file}.${process.pid}.part`
    fs.writeFileSync(part, JSON.stringify(entry))
    fs.renameSync(part, file)
    return entry
  }

  get(id: string): Upload | undefined {
    const file = this.idFile(id)
    if (!file) return undefined
    let entry: unknown
    try {
      entry = JSON.parse(fs.readFileSync(file, 'utf8'))
    } catch {
      return undefined
    }
    return isUpload(entry) && entry.id === id ? entry : undefined
  }

  /** Forgets an upload whose file someone else now owns (e.g. moved into the basemaps folder). */
  release(id: string): void {
    const file = this.idFile(id)
    if (file) fs.rmSync(file, { force: true })
  }

  /** Forgets an upload and deletes its file if it is a temporary one. */
  async discard(id: string): Promise<void> {
    const upload = this.get(id)
    this.release(id)
    if (upload?.temporary) await fsp.rm(upload.path, { force: true })
  }

  /** The file naming an id; null for anything that is not an id we could have made (no paths). */
  private idFile(id: string): string | null {
    return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? path.join(this.idsDir, `${id}.json`) : null
  }

  /**
   * Sweeps stale uploads the first time it is called, never again. Called on the first upload
   * rather than when a context starts: a context that only reads (a CLI `stats`) writes nothing.
   */
  sweepStaleOnce(): void {
    if (this.swept) return
    this.swept = true
    this.sweepStale()
  }

  /** Deletes temporary uploads (and ids) left by earlier runs (a crash, an upload never imported). */
  sweepStale(now = Date.now()): void {
    for (const dir of [this.dir, this.idsDir]) {
      let names: string[]
      try {
        names = fs.readdirSync(dir)
      } catch {
        continue
      }
      for (const name of names) {
        const file = path.join(dir, name)
        try {
          if (now - fs.statSync(file).mtimeMs > STALE_MS) fs.rmSync(file, { force: true })
        } catch {
          // gone already, or not ours to delete
        }
      }
    }
  }
}

function isUpload(value: unknown): value is Upload {
  const v = value as Partial<Upload> | null
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.path === 'string' &&
    typeof v.originalName === 'string' && typeof v.temporary === 'boolean' && typeof v.size === 'number'
}

/** A file name safe to keep: its last path segment, at most 200 characters. */
function cleanName(name: string): string {
  const base = [...(name.split(/[\\/]/).pop() ?? '')].filter((c) => c.charCodeAt(0) >= 0x20).join('').trim()
  return (base || 'upload').slice(0, 200)
}

/**
 * Streams a request body into the uploads folder (`<id>.part`, renamed when complete) and
 * registers it as a temporary upload. Refuses bodies over `limit` bytes, deleting what was written.
 */
export async function receiveUpload(
  uploads: UploadRegistry,
  body: Readable,
  originalName: string,
  limit = MAX_UPLOAD_BYTES,
): Promise<Upload> {
  uploads.sweepStaleOnce()
  await fsp.mkdir(uploads.dir, { recursive: true })
  const id = randomUUID()
  const name = cleanName(originalName)
  const ext = /\.[A-Za-z0-9]{1,12}$/.exec(name)?.[0]?.toLowerCase() ?? ''
  const part = path.join(uploads.dir, `${id}.part`)
  const final = path.join(uploads.dir, `${id}${ext}`)
  const out = await fsp.open(part, 'wx')
  let size = 0
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > limit) throw uploadTooLarge(limit)
      let written = 0
      while (written < chunk.length) written += (await out.write(chunk, written, chunk.length - written)).bytesWritten
    }
    await out.close()
    if (size === 0) throw new DomainError('invalid', '上传文件：内容为空', 'file')
    await fsp.rename(part, final)
  } catch (error) {
    await out.close().catch(() => undefined)
    await fsp.rm(part, { force: true })
    if (error instanceof DomainError) throw error
    // The system's reason (English, with our paths) is for the log, not the person.
    console.error('[site-atlas] upload interrupted:', error)
    throw new DomainError('invalid', '上传文件：传输中断或未能写入数据文件夹（可检查磁盘空间），请重新上传', 'file')
  }
  return uploads.add({ id, path: final, originalName: name, temporary: true, size })
}

/**
 * Checks a path handed over for a file the user picked on this machine: an absolute path (at most
 * 4096 characters, no NUL) of an existing regular file. Answers the path and the file's size;
 * throws a DomainError.
 */
export async function checkLocalFile(filePath: unknown): Promise<{ path: string; size: number }> {
  if (typeof filePath !== 'string' || filePath.length === 0 || filePath.length > 4096 || filePath.includes('\0') || !path.isAbsolute(filePath)) {
    throw new DomainError('invalid', '上传文件：没有得到文件的位置', 'file')
  }
  let stat: fs.Stats
  try {
    stat = await fsp.stat(filePath)
  } catch {
    throw new DomainError('not_found', '上传文件：文件不存在或无法读取', 'file')
  }
  if (!stat.isFile()) throw new DomainError('invalid', '上传文件：不是普通文件', 'file')
  return { path: filePath, size: stat.size }
}

/** Registers a file the user picked on this machine, left where it is. */
export async function registerLocalFile(uploads: UploadRegistry, filePath: string): Promise<Upload> {
  uploads.sweepStaleOnce()
  const { size } = await checkLocalFile(filePath)
  return uploads.add({ path: filePath, originalName: cleanName(filePath), temporary: false, size })
}
