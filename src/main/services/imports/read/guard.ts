import fs from 'node:fs/promises'
import { DomainError } from '../../../../shared/result'
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../table'

// What every reader shares: refusals phrased the same way, the limits, and a deadline that the
// long loops check (the time limit and the person's cancel arrive through the same check).

export interface ReadOptions {
  limits?: Partial<ReadLimits>
  signal?: AbortSignal
}

export interface ReadContext {
  fileName: string
  limits: ReadLimits
  /** Throws when the time is up or the read was cancelled. */
  check(): void
}

/** A refusal of the file as a whole: '导入文件：…'. */
export function refuse(message: string): DomainError {
  return new DomainError('invalid', `导入文件：${message}`, 'file')
}

export function megabytes(bytes: number): string {
  if (bytes < 1024 ** 2) return `${Math.ceil(bytes / 1024)} KB`
  const mb = bytes / 1024 ** 2
  return mb >= 10 ? `${Math.round(mb)} MB` : `${Number(mb.toFixed(1))} MB`
}

export function readContext(fileName: string, options: ReadOptions = {}): ReadContext {
  const limits = { ...DEFAULT_READ_LIMITS, ...options.limits }
  const started = Date.now()
  const signal = options.signal
  return {
    fileName,
    limits,
    check() {
      if (signal?.aborted) throw refuse('读取已取消')
      if (Date.now() - started > limits.maxMs) throw refuse(`读取超过 ${Math.round(limits.maxMs / 1000)} 秒仍未完成，文件过大或过于复杂`)
    },
  }
}

/** The file's bytes, refusing before reading when the file is over the size limit. */
export async function readBytes(filePath: string, ctx: ReadContext): Promise<Uint8Array> {
  const stat = await fs.stat(filePath).catch(() => null)
  if (!stat || !stat.isFile()) throw refuse('找不到文件或无法读取')
  if (stat.size > ctx.limits.maxBytes) throw refuse(`文件大小 ${megabytes(stat.size)}，超过上限 ${megabytes(ctx.limits.maxBytes)}`)
  const bytes = await fs.readFile(filePath)
  // The file may have grown between stat and read.
  if (bytes.byteLength > ctx.limits.maxBytes) throw refuse(`文件大小 ${megabytes(bytes.byteLength)}，超过上限 ${megabytes(ctx.limits.maxBytes)}`)
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** Counts rows across the sheets of one file against the row limit. */
export function rowCounter(ctx: ReadContext): (n?: number) => void {
  let rows = 0
  return (n = 1) => {
    rows += n
    if (rows > ctx.limits.maxRows) throw refuse(`行数超过上限 ${ctx.limits.maxRows.toLocaleString('en-US')} 行，请拆分后分批导入`)
    if (rows % 2000 === 0) ctx.check()
  }
}

export function tooManyColumns(ctx: ReadContext, where: string): DomainError {
  return refuse(`${where}列数超过上限 ${ctx.limits.maxColumns} 列`)
}

/** Text of a UTF-8 file, without its BOM. */
export function utf8Text(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw refuse(`${what}不是 UTF-8 编码的文本`)
  }
}
