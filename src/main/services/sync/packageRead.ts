import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { DomainError } from '../../../shared/result'
import { PACKAGE_FORMAT, PACKAGE_LIMITS, PACKAGE_VERSION, type PackageHeader, type SyncOp } from '../../../shared/sync'
import { wantedBlobs } from '../../store/syncExport'
import { blobLine, headerLine, opLine } from './packageLines'

// Reading a sync package someone handed us: a hostile file until proven otherwise. It is read as
// a stream (the file, inflated by a streaming gunzip, split into lines) and refused as soon as it
// passes a limit — file bytes, inflated bytes, one line's bytes, more lines than its header
// declares, the wall time — or a line fails its check (packageLines.ts), a photo's bytes do not
// have the digest they claim, or it ends before the counts its header promised. Reading writes
// nothing to the store: photo bytes are kept in a folder of their own until the merge takes them.

export type PackageLimits = { readonly [K in keyof typeof PACKAGE_LIMITS]: number }

export interface ReadPackage {
  header: PackageHeader
  ops: SyncOp[]
  /** The photo bytes the package carried for a digest its operations name. */
  blob(sha256: string): Uint8Array | undefined
  /** The package carries the bytes of this digest. */
  carries(sha256: string): boolean
  blobs: number
  /** Removes the photo bytes kept for the merge. */
  dispose(): Promise<void>
}

/** A package refused: the sentence says why; nothing was written. */
export class PackageRefused extends DomainError {
  constructor(reason: string) {
    super('invalid', `修改包：${reason}`, 'uploadId')
  }
}

const size = (bytes: number) => (bytes >= 1024 ** 3 ? `${+(bytes / 1024 ** 3).toFixed(1)} GB` : `${+(bytes / 1024 ** 2).toFixed(1)} MB`)

const utf8 = new TextDecoder('utf-8', { fatal: true })

function refusalOfGunzip(error: NodeJS.ErrnoException): PackageRefused {
  if (error.code === 'Z_BUF_ERROR' || /unexpected end/i.test(error.message)) return new PackageRefused('文件不完整（可能在复制或传输中被截断），请让同事重新导出')
  if (/incorrect header check|unknown compression/i.test(error.message)) return new PackageRefused('不是 Site Atlas 修改包（文件不是 gzip 压缩格式）')
  return new PackageRefused(`文件已损坏，无法解压（${error.message}）`)
}

/**
 * Reads and checks a whole package. `spoolDir`: a folder on the data disk where a temporary folder
 * for the photo bytes is made (removed by dispose(), or at once when refused).
 */
export async function readPackage(file: string, spoolDir: string, limits: PackageLimits = PACKAGE_LIMITS): Promise<ReadPackage> {
  const started = Date.now()
  const stat = await fs.promises.stat(file).catch((error: Error) => {
    throw new PackageRefused(`无法读取文件（${error.message}）`)
  })
  if (!stat.isFile()) throw new PackageRefused('不是文件')
  if (stat.size > limits.maxFileBytes) throw new PackageRefused(`文件大小 ${size(stat.size)}，超过上限 ${size(limits.maxFileBytes)}`)
  if (stat.size === 0) throw new PackageRefused('文件是空的')

  await fs.promises.mkdir(spoolDir, { recursive: true })
  const spool = await fs.promises.mkdtemp(path.join(spoolDir, 'sync-blobs-'))
  const reader = new LineChecker(limits, spool)
  const source = fs.createReadStream(file, { highWaterMark: 1024 ** 2 })
  const inflated = zlib.createGunzip({ chunkSize: 256 * 1024 })
  source.on('error', (error) => inflated.destroy(error))
  source.pipe(inflated)
  try {
    const pending: Buffer[] = []
    let pendingBytes = 0
    let inflatedBytes = 0
    try {
      for await (const chunk of inflated as AsyncIterable<Buffer>) {
        if (Date.now() - started > limits.maxSeconds * 1000) throw new PackageRefused(`读取超过 ${limits.maxSeconds} 秒，已停止`)
        inflatedBytes += chunk.length
        if (inflatedBytes > limits.maxInflatedBytes) throw new PackageRefused(`解压后超过 ${size(limits.maxInflatedBytes)} 上限，已拒绝`)
        let start = 0
        for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
          const piece = chunk.subarray(start, end)
          const line = pendingBytes === 0 ? piece : Buffer.concat([...pending, piece], pendingBytes + piece.length)
          if (line.length > limits.maxLineBytes) throw reader.lineTooLong(limits.maxLineBytes)
          pending.length = 0
          pendingBytes = 0
          await reader.line(line)
          start = end + 1
        }
        if (start < chunk.length) {
          const rest = chunk.subarray(start)
          pendingBytes += rest.length
          if (pendingBytes > limits.maxLineBytes) throw reader.lineTooLong(limits.maxLineBytes)
          // Copied: the stream may reuse the chunk's memory.
          pending.push(Buffer.from(rest))
        }
      }
    } catch (error) {
      if (error instanceof PackageRefused) throw error
      if ((error as NodeJS.ErrnoException).code?.startsWith('Z_')) throw refusalOfGunzip(error as NodeJS.ErrnoException)
      throw new PackageRefused(`无法读取文件（${(error as Error).message}）`)
    }
    if (pendingBytes > 0) await reader.line(Buffer.concat(pending, pendingBytes))
    return reader.finish(spool)
  } catch (error) {
    source.destroy()
    inflated.destroy()
    await fs.promises.rm(spool, { recursive: true, force: true })
    throw error
  }
}

/** The package's lines in order, each checked as it comes. */
class LineChecker {
  private lineNo = 0
  private header: PackageHeader | null = null
  private readonly ops: SyncOp[] = []
  private readonly ids = new Set<string>()
  /** The digests its operations name; filled once the operations are in. */
  private wanted: Set<string> | null = null
  private readonly received = new Set<string>()

  constructor(
    private readonly limits: PackageLimits,
    private readonly spool: string,
  ) {}

  lineTooLong(max: number): PackageRefused {
    return new PackageRefused(`第 ${this.lineNo + 1} 行超过 ${size(max)}，已拒绝`)
  }

  async line(bytes: Buffer): Promise<void> {
    this.lineNo += 1
    let value: unknown
    try {
      value = JSON.parse(utf8.decode(bytes))
    } catch {
      throw this.lineNo === 1 ? new PackageRefused('不是 Site Atlas 修改包（文件头无法识别）') : new PackageRefused(`第 ${this.lineNo} 行不是有效的数据，文件已损坏`)
    }
    if (!this.header) return this.takeHeader(value)
    if (this.ops.length < this.header.ops) return this.takeOp(value)
    return this.takeBlob(value)
  }

  private takeHeader(value: unknown): void {
    const raw = value as Partial<PackageHeader> | null
    if (!raw || typeof raw !== 'object' || raw.format !== PACKAGE_FORMAT) throw new PackageRefused('不是 Site Atlas 修改包（文件头无法识别）')
    if (typeof raw.version === 'number' && raw.version > PACKAGE_VERSION) {
      throw new PackageRefused(`由更新版本的 Site Atlas 导出（格式版本 ${raw.version}，本软件读取版本 ${PACKAGE_VERSION}），请先升级本软件`)
    }
    for (const vector of [raw.knows, raw.base]) {
      if (vector && typeof vector === 'object' && Object.keys(vector).length > this.limits.maxDevices) {
        throw new PackageRefused(`文件头列出的设备超过 ${this.limits.maxDevices} 台，已拒绝`)
      }
    }
    const parsed = headerLine.safeParse(value)
    if (!parsed.success) throw new PackageRefused(`文件头无效（${parsed.error.issues[0]?.path.join('.') || '格式'}），已拒绝`)
    const header = parsed.data as PackageHeader
    if (header.ops > this.limits.maxOps) throw new PackageRefused(`包含 ${header.ops} 条修改，超过上限 ${this.limits.maxOps} 条`)
    if (header.blobs > this.limits.maxBlobs) throw new PackageRefused(`包含 ${header.blobs} 张照片，超过上限 ${this.limits.maxBlobs} 张`)
    this.header = header
  }

  private takeOp(value: unknown): void {
    const parsed = opLine.safeParse(value)
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') || 'id'
      throw new PackageRefused(`第 ${this.lineNo} 行的修改无效（${where}），已拒绝整个包`)
    }
    const op = parsed.data as SyncOp
    // The header says what its writer held: an operation past that is not from the same store.
    const known = this.header!.knows[op.device]
    if (known === undefined || op.hlc > known) throw new PackageRefused(`第 ${this.lineNo} 行的修改与文件头不符，已拒绝整个包`)
    if (this.ids.has(op.id)) throw new PackageRefused(`第 ${this.lineNo} 行的修改重复出现，已拒绝整个包`)
    this.ids.add(op.id)
    this.ops.push(op)
  }

  private async takeBlob(value: unknown): Promise<void> {
    const header = this.header!
    if (this.received.size >= header.blobs) throw new PackageRefused(`内容多于文件头声明的 ${header.ops} 条修改和 ${header.blobs} 张照片，已拒绝`)
    if (!this.wanted) this.wanted = new Set(wantedBlobs(this.ops).map((w) => w.sha256))
    const parsed = blobLine.safeParse(value)
    if (!parsed.success) throw new PackageRefused(`第 ${this.lineNo} 行的照片数据无效，已拒绝整个包`)
    const { sha256, data } = parsed.data
    if (!this.wanted.has(sha256)) throw new PackageRefused(`第 ${this.lineNo} 行的照片不属于包中任何修改，已拒绝整个包`)
    if (this.received.has(sha256)) throw new PackageRefused(`第 ${this.lineNo} 行的照片重复出现，已拒绝整个包`)
    const bytes = Buffer.from(data, 'base64')
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      throw new PackageRefused(`第 ${this.lineNo} 行的照片内容与其校验值不符（文件被篡改或损坏），已拒绝整个包`)
    }
    await fs.promises.writeFile(path.join(this.spool, sha256), bytes)
    this.received.add(sha256)
  }

  finish(spool: string): ReadPackage {
    const header = this.header
    if (!header) throw new PackageRefused('文件是空的')
    if (this.ops.length < header.ops || this.received.size < header.blobs) {
      throw new PackageRefused(
        `文件不完整：文件头声明 ${header.ops} 条修改、${header.blobs} 张照片，实际只有 ${this.ops.length} 条修改、${this.received.size} 张照片；请让同事重新导出`,
      )
    }
    const received = this.received
    return {
      header,
      ops: this.ops,
      blobs: received.size,
      carries: (sha256) => received.has(sha256),
      blob: (sha256) => (received.has(sha256) ? new Uint8Array(fs.readFileSync(path.join(spool, sha256))) : undefined),
      dispose: () => fs.promises.rm(spool, { recursive: true, force: true }),
    }
  }
}
