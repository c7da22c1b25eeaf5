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

/** Largest single upload the browser host accepts (a city's map package fits; photos and sheets are far smaller). */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3
/** Most the uploads folder may hold at once: uploads wait there only until used (see UPLOAD_TTL_MS). */
export const UPLOADS_QUOTA_BYTES = 10 * 1024 ** 3
/** Free space an upload must leave on the data folder's disk: the store, its backups and imports need room to grow. */
export const FREE_SPACE_MARGIN_BYTES = 1024 ** 3
/** An upload not used for this long is deleted by the host's sweep (a person who stepped away uploads again). */
export const UPLOAD_TTL_MS = 3600 * 1000
/** How often a running host sweeps. */
export const UPLOAD_SWEEP_EVERY_MS = 10 * 60 * 1000

/** Bytes as a person reads them: "4 GiB", "12.5 MB". */
function sizeWords(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${Number((bytes / 1024 ** 3).toFixed(1))} GiB`
  if (bytes >= 1024 ** 2) return `${Number((bytes / 1024 ** 2).toFixed(1))} MB`
  return `${Math.max(0, Math.floor(bytes / 1024))} KB`
}

/** The refusal of an upload over `limit` bytes, whether told by its length header or while streaming. */
export function uploadTooLarge(limit = MAX_UPLOAD_BYTES): DomainError {
  return new DomainError('invalid', `上传文件：超过单个文件上限 ${sizeWords(limit)}`, 'file')
}

/** The refusal of an upload that would fill the uploads folder's quota or the disk. */
function uploadNoRoom(room: number, why: 'quota' | 'disk', quota: number): DomainError {
  const reason = why === 'quota'
    ? `待导入的上传文件已占满 ${sizeWords(quota)} 的上限（还可上传 ${sizeWords(room)}），请先完成或放弃其他导入，或稍后再试`
    : `数据文件夹所在磁盘空间不足（还可上传 ${sizeWords(room)}，需保留 ${sizeWords(FREE_SPACE_MARGIN_BYTES)} 余量），请先清理磁盘`
  return new DomainError('invalid', `上传文件：${reason}`, 'file')
}

/** Limits one upload is held to; tests make them small. */
export interface UploadLimits {
  /** Largest single file, bytes. */
  maxBytes: number
  /** Most the uploads folder may hold, bytes. */
  quotaBytes: number
  /** Free space to leave on the disk, bytes. */
  freeMarginBytes: number
}

export const UPLOAD_LIMITS: UploadLimits = {
  maxBytes: MAX_UPLOAD_BYTES,
  quotaBytes: UPLOADS_QUOTA_BYTES,
  freeMarginBytes: FREE_SPACE_MARGIN_BYTES,
}

/** An upload being received by this process: its declared size (0 when not told) and the bytes written so far. */
interface Receiving {
  declared: number
  written: number
}

export class UploadRegistry {
  private swept = false
  /**
   * Uploads this process is receiving now, by id. Each is given room when it starts; the ones
   * running beside it must see that room as taken (their .part files show only what has arrived),
   * or parallel uploads together overrun the quota and the disk's margin.
   */
  private readonly receiving = new Map<string, Receiving>()
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

  /** The upload an id names; `touch` (the default) marks it used now, so the sweep leaves it be. */
  get(id: string, touch = true): Upload | undefined {
    const file = this.idFile(id)
    if (!file) return undefined
    let entry: unknown
    try {
      entry = JSON.parse(fs.readFileSync(file, 'utf8'))
    } catch {
      return undefined
    }
    if (!isUpload(entry) || entry.id !== id) return undefined
    if (touch) {
      const now = new Date()
      try {
        fs.utimesSync(file, now, now)
      } catch {
        // swept meanwhile: the caller finds its file gone and says so
      }
    }
    return entry
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

  /**
   * Deletes uploads not used for `ttlMs` (a crash, an upload never imported, a person who went
   * away): an id unused that long goes with its temporary file; a file in the uploads folder no
   * id names (a half-received body, an id already swept) goes once untouched that long. A host
   * at start, holding the store, passes 0: nothing of an earlier run is still in use.
   */
  sweepStale(now = Date.now(), ttlMs = UPLOAD_TTL_MS): void {
    const named = new Set<string>()
    for (const name of listDir(this.idsDir)) {
      const file = path.join(this.idsDir, name)
      const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : null
      const upload = id ? this.get(id, false) : undefined
      if (upload && !olderThan(file, now, ttlMs)) {
        named.add(path.resolve(upload.path))
        continue
      }
      if (!olderThan(file, now, ttlMs)) continue // a .part being written now
      if (upload?.temporary && isInside(this.dir, upload.path)) rmQuietly(upload.path)
      rmQuietly(file)
    }
    for (const name of listDir(this.dir)) {
      const file = path.join(this.dir, name)
      if (!named.has(path.resolve(file)) && olderThan(file, now, ttlMs)) rmQuietly(file)
    }
  }

  /** Marks an upload as being received; `done` when it ends, however it ends. */
  startReceiving(id: string, declared: number | undefined): { wrote: (bytes: number) => void; done: () => void } {
    const entry: Receiving = { declared: declared ?? 0, written: 0 }
    this.receiving.set(id, entry)
    return { wrote: (bytes) => void (entry.written += bytes), done: () => void (this.receiving.get(id) === entry && this.receiving.delete(id)) }
  }

  /**
   * Bytes the uploads being received (but `except`) claim: the declared size, or what has been
   * written if more (a body without a declared length claims what it has sent so far).
   */
  claimedBytes(except?: string): number {
    let total = 0
    for (const [id, entry] of this.receiving) if (id !== except) total += Math.max(entry.declared, entry.written)
    return total
  }

  /** Bytes the uploads being received have written so far (already in usedBytes and off the disk's free space). */
  writtenBytes(): number {
    let total = 0
    for (const entry of this.receiving.values()) total += entry.written
    return total
  }

  /** Bytes the uploads folder holds now. */
  usedBytes(): number {
    let total = 0
    for (const name of listDir(this.dir)) {
      try {
        total += fs.statSync(path.join(this.dir, name)).size
      } catch {
        // gone meanwhile
      }
    }
    return total
  }
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir)
  } catch {
    return []
  }
}

function olderThan(file: string, now: number, ms: number): boolean {
  if (ms <= 0) return true
  try {
    return now - fs.statSync(file).mtimeMs >= ms
  } catch {
    return false
  }
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

function rmQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true })
  } catch {
    // not ours to delete, or gone
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

/** The room an upload has: `bytes` now, `now()` again as the uploads beside it grow; the refusal for going past it. */
export interface UploadRoom {
  bytes: number
  now: () => number
  refusal: () => DomainError
}

/**
 * Bytes one more upload (`id`, when it is already receiving) may take: the per-file limit, what
 * the uploads folder's quota leaves, and the disk's free space less the margin, whichever is least;
 * with the reason that limit gives. Both the quota and the disk are measured as if the uploads
 * being received had written nothing, less what those claim (see claimedBytes), so the room of
 * uploads running side by side adds up to what there is.
 */
export async function uploadRoom(uploads: UploadRegistry, limits: UploadLimits, id?: string): Promise<UploadRoom> {
  const written = uploads.writtenBytes()
  const quotaBase = limits.quotaBytes - (uploads.usedBytes() - written)
  let diskBase = Number.POSITIVE_INFINITY
  try {
    const disk = await fsp.statfs(uploads.dir)
    diskBase = disk.bavail * disk.bsize + written - limits.freeMarginBytes
  } catch {
    // a file system that cannot tell: the quota still holds
  }
  const now = () => {
    const claimed = uploads.claimedBytes(id)
    return Math.max(0, Math.min(limits.maxBytes, quotaBase - claimed, diskBase - claimed))
  }
  const bytes = now()
  const refusal = () => {
    const left = now()
    return left === limits.maxBytes
      ? uploadTooLarge(limits.maxBytes)
      : uploadNoRoom(left, quotaBase <= diskBase ? 'quota' : 'disk', limits.quotaBytes)
  }
  return { bytes, now, refusal }
}

/**
 * Streams a request body into the uploads folder (`<id>.part`, renamed when complete) and
 * registers it as a temporary upload. Refuses a body over the room left (uploadRoom) before
 * reading it when its length is declared, else as soon as it grows past it, deleting what was written.
 */
export async function receiveUpload(
  uploads: UploadRegistry,
  body: Readable,
  originalName: string,
  declaredBytes?: number,
  limits: UploadLimits = UPLOAD_LIMITS,
): Promise<Upload> {
  uploads.sweepStaleOnce()
  await fsp.mkdir(uploads.dir, { recursive: true })
  const id = randomUUID()
  const room = await uploadRoom(uploads, limits, id)
  // Checked and claimed in one synchronous step: two uploads starting together cannot both be
  // given the same room.
  if (declaredBytes !== undefined && declaredBytes > room.now()) throw room.refusal()
  const receiving = uploads.startReceiving(id, declaredBytes)
  try {
    return await receiveInto(uploads, id, receiving, room, body, originalName)
  } finally {
    receiving.done()
  }
}

async function receiveInto(
  uploads: UploadRegistry,
  id: string,
  receiving: { wrote: (bytes: number) => void; done: () => void },
  room: UploadRoom,
  body: Readable,
  originalName: string,
): Promise<Upload> {
  const name = cleanName(originalName)
  const ext = /\.[A-Za-z0-9]{1,12}$/.exec(name)?.[0]?.toLowerCase() ?? ''
  const part = path.join(uploads.dir, `${id}.part`)
  const final = path.join(uploads.dir, `${id}${ext}`)
  const out = await fsp.open(part, 'wx')
  let size = 0
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length
      // Against the room left now: an upload beside this one may have grown past what it declared.
      if (size > room.now()) throw room.refusal()
      let written = 0
      while (written < chunk.length) written += (await out.write(chunk, written, chunk.length - written)).bytesWritten
      receiving.wrote(chunk.length)
    }
    await out.close()
    if (size === 0) throw new DomainError('invalid', '上传文件：内容为空', 'file')
    await fsp.rename(part, final)
  } catch (error) {
    // What it wrote is being deleted: the room is the others' again at once.
    receiving.done()
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
