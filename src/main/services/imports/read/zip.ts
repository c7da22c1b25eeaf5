import { Unzip, UnzipInflate, unzipSync } from 'fflate'
import { megabytes, refuse, type ReadContext } from './guard'

// Zip containers (xlsx, kmz, zipped shapefiles) are checked before any library inflates them:
// first the central directory alone (declared sizes, entry count, compression ratios — a zip bomb
// is refused here without inflating a byte), then, since declared sizes can lie, every entry is
// inflated in small slices and refused the moment it grows past what the directory declared.

export interface ZipEntryInfo {
  name: string
  compressedSize: number
  size: number
  compression: number
}

/** More entries than any workbook or shapefile bundle has. */
export const MAX_ZIP_ENTRIES = 10_000
/** Deflate cannot do better than ~1032:1; real xlsx sheets stay far below this on anything big. */
export const MAX_ENTRY_RATIO = 1_000
/** Entries below this size are not ratio-checked (a tiny file of spaces compresses absurdly well). */
const RATIO_CHECK_FROM = 1024 ** 2
/** Compressed bytes fed to the inflater at a time: bounds what one step can produce (~1 MB × ratio). */
const SLICE = 16 * 1024

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)
}

/** The entries as the central directory declares them, refused when over the limits. No inflating. */
export function listZip(bytes: Uint8Array, ctx: ReadContext, what: string): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = []
  try {
    unzipSync(bytes, {
      filter(file) {
        entries.push({ name: file.name, compressedSize: file.size, size: file.originalSize, compression: file.compression })
        if (entries.length > MAX_ZIP_ENTRIES) throw refuse(`${what}中的文件超过 ${MAX_ZIP_ENTRIES} 个，不像正常文件`)
        return false
      },
    })
  } catch (error) {
    if (error instanceof Error && error.name === 'DomainError') throw error
    throw refuse(`${what}不是有效的 zip 压缩包（文件可能已损坏或不完整）`)
  }
  let total = 0
  for (const entry of entries) {
    if (entry.compression !== 0 && entry.compression !== 8) throw refuse(`${what}中的“${entry.name}”使用了不支持的压缩方式`)
    total += entry.size
    if (entry.size > RATIO_CHECK_FROM && entry.size / Math.max(entry.compressedSize, 1) > MAX_ENTRY_RATIO) {
      throw refuse(`${what}中的“${entry.name}”压缩比异常（${Math.round(entry.size / Math.max(entry.compressedSize, 1))} 倍），疑似压缩炸弹，已拒绝`)
    }
  }
  if (total > ctx.limits.maxUnzippedBytes) {
    throw refuse(`${what}解压后共 ${megabytes(total)}，超过上限 ${megabytes(ctx.limits.maxUnzippedBytes)}（疑似压缩炸弹），已拒绝`)
  }
  return entries
}

/**
 * Inflates the entries in slices, refusing any that outgrows its declared size (so the total stays
 * within what listZip accepted). Entries `keep` accepts are returned; the others are inflated only
 * when `verifyAll` (an xlsx: exceljs will inflate every entry, so every entry must be honest).
 */
export function unzipChecked(
  bytes: Uint8Array,
  ctx: ReadContext,
  what: string,
  keep: (name: string) => boolean,
  verifyAll = false,
  /** Sees every inflated chunk (e.g. to scan an xlsx's sheets before exceljs parses them); may throw a refusal. */
  inspect?: (name: string, chunk: Uint8Array) => void,
): Map<string, Uint8Array> {
  const declared = new Map(listZip(bytes, ctx, what).map((e) => [e.name, e.size]))
  const kept = new Map<string, Uint8Array>()
  const unzip = new Unzip()
  unzip.register(UnzipInflate)
  unzip.onfile = (file) => {
    const wanted = keep(file.name)
    if (!wanted && !verifyAll) return
    const limit = declared.get(file.name)
    if (limit === undefined) throw refuse(`${what}的目录与内容不一致（“${file.name}”），文件可能被篡改`)
    const chunks: Uint8Array[] = []
    let size = 0
    file.ondata = (err, chunk, final) => {
      // fflate hands an error thrown by this handler back to it: let our own refusal through.
      if (err) throw err instanceof Error && err.name === 'DomainError' ? err : refuse(`${what}中的“${file.name}”无法解压（文件可能已损坏）`)
      size += chunk.length
      if (size > limit) throw refuse(`${what}中的“${file.name}”解压后超过其声明的大小，疑似压缩炸弹，已拒绝`)
      inspect?.(file.name, chunk)
      if (wanted) chunks.push(chunk)
      if (final) kept.set(file.name, wanted ? concat(chunks, size) : new Uint8Array(0))
    }
    file.start()
  }
  try {
    for (let offset = 0; offset < bytes.length; offset += SLICE) {
      unzip.push(bytes.subarray(offset, Math.min(offset + SLICE, bytes.length)), offset + SLICE >= bytes.length)
      if ((offset / SLICE) % 64 === 0) ctx.check()
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'DomainError') throw error
    throw refuse(`${what}无法解压（文件可能已损坏）`)
  }
  for (const name of kept.keys()) if (!keep(name)) kept.delete(name)
  return kept
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}
