import fs from 'node:fs'
import { once } from 'node:events'
import zlib from 'node:zlib'
import { DomainError } from '../../../shared/result'
import { type KnowsVector, PACKAGE_FORMAT, PACKAGE_LIMITS, PACKAGE_VERSION, type PackageHeader } from '../../../shared/sync'
import type { Store } from '../../store/open'
import { countOpsSince, knowsVector, locateBlobs, logEnd, neededBlobs, opPagesSince, readBlob, wantedBlobsSince } from '../../store/syncExport'

// Writing a sync package (shared/sync.ts): gzip JSON lines, header first with the exact counts
// that follow, so a reader can tell a whole package from a cut one. Everything is read up to the
// log's end at the start (the log only grows), a page at a time, and written as it is read: the
// memory it takes does not grow with the log. Written to <file>.part and renamed when whole.

/** The photo columns as people name them. */
export const BLOB_FIELD_ZH: Record<string, string> = { bytes: '照片', thumbnail: '缩略图', original: '原图' }

export interface WritePackageOptions {
  device: string
  actor: string
  /** What the receiver is known to hold: only the rest is written. Null: everything. */
  receiverKnows: KnowsVector | null
  now?: Date
}

export interface WrittenPackage {
  header: PackageHeader
  size: number
}

/**
 * Lines gathered into blocks of about a megabyte before they go to gzip: zlib does its work per
 * write, and one write per operation spent most of the time on that rather than compressing.
 */
class LineSink {
  private lines: string[] = []
  private bytes = 0

  constructor(private readonly out: zlib.Gzip) {}

  async put(line: string): Promise<void> {
    this.lines.push(line)
    this.bytes += line.length
    if (this.bytes >= 1024 ** 2) await this.flush()
  }

  async flush(): Promise<void> {
    if (this.lines.length === 0) return
    const block = `${this.lines.join('\n')}\n`
    this.lines = []
    this.bytes = 0
    if (!this.out.write(block)) await once(this.out, 'drain')
  }
}

export async function writePackage(store: Store, file: string, options: WritePackageOptions): Promise<WrittenPackage> {
  const upTo = await logEnd(store)
  const ops = await countOpsSince(store, options.receiverKnows, upTo)
  if (ops > PACKAGE_LIMITS.maxOps) {
    throw new DomainError('invalid', `修改包：共 ${ops} 条修改，超过一个修改包的上限 ${PACKAGE_LIMITS.maxOps} 条；请改用团队服务器同步`)
  }
  const wanted = await wantedBlobsSince(store, options.receiverKnows, upTo)
  const located = await locateBlobs(store, wanted)
  // A photo the operations need but this store lacks is refused, not left out: the receiver's row
  // would wait for it forever (and the server, asked, would refuse every push after it).
  const missing = await neededBlobs(store, wanted.filter((w) => !located.has(w.sha256)))
  if (missing.length > 0) {
    const first = missing[0]!
    throw new DomainError(
      'invalid',
      `修改包：${missing.length} 张照片的数据本机没有（照片记录 ${first.row.slice(0, 8)} 的${BLOB_FIELD_ZH[first.field] ?? first.field}），无法导出；` +
        '这些照片来自其他同事的修改，本机仍在等待，请先导入含有这些照片的修改包',
    )
  }
  if (located.size > PACKAGE_LIMITS.maxBlobs) {
    throw new DomainError('invalid', `修改包：共 ${located.size} 张照片，超过一个修改包的上限 ${PACKAGE_LIMITS.maxBlobs} 张；请改用团队服务器同步`)
  }
  const header: PackageHeader = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    device: options.device,
    actor: options.actor,
    createdAt: (options.now ?? new Date()).toISOString(),
    knows: await knowsVector(store, upTo),
    base: options.receiverKnows,
    ops,
    blobs: located.size,
  }

  const part = `${file}.part`
  const gzip = zlib.createGzip({ level: 6 })
  const sink = fs.createWriteStream(part)
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve)
    sink.on('error', reject)
    gzip.on('error', reject)
  })
  gzip.pipe(sink)
  const lines = new LineSink(gzip)
  try {
    await lines.put(JSON.stringify(header))
    let written = 0
    for await (const page of opPagesSince(store, options.receiverKnows, upTo)) {
      for (const op of page) await lines.put(JSON.stringify(op))
      written += page.length
    }
    if (written !== ops) throw new Error(`operations counted ${ops}, read ${written}`)
    for (const [sha256, source] of located) {
      const bytes = await readBlob(store, sha256, source)
      // A photo replaced between the count and now: the header would promise a blob not there.
      if (!bytes) throw new DomainError('conflict', '修改包：导出期间照片被修改，请重新导出')
      await lines.put(JSON.stringify({ sha256, data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') }))
    }
    await lines.flush()
    gzip.end()
    await finished
    const handle = await fs.promises.open(part, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.promises.rename(part, file)
  } catch (error) {
    gzip.destroy()
    sink.destroy()
    await fs.promises.rm(part, { force: true })
    throw error
  }
  return { header, size: (await fs.promises.stat(file)).size }
}
