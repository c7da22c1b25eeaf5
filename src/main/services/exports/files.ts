import fs from 'node:fs/promises'
import path from 'node:path'
import type { ExportFile, ExportFormat } from '../../../shared/exports'

// Where finished exports wait for the host to save them: <data>/exports/<id>.<ext>, each with a
// small <id>.json beside it saying the file's name for people and its type, so exports.get, the
// asset reader and the Electron save channel all find it by id alone, across calls and hosts.
// A file still being written is <id>.<ext>.part; exports older than a day are swept.

/** What the exports folder holds: the exports, and the sync packages written for colleagues (services/sync). */
export type StoredFormat = ExportFormat | 'sitechanges'

export const EXPORT_MIME: Record<StoredFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json',
  sitechanges: 'application/gzip',
}

const KEEP_MS = 24 * 3600 * 1000
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
/** The asset path of an export: exports/<uuid>, with or without a leading slash. */
export const EXPORT_ASSET_PATH = /^\/?exports\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/

export const exportsDir = (dataDir: string): string => path.join(dataDir, 'exports')

interface ExportMeta {
  id: string
  fileName: string
  format: StoredFormat
  createdAt: string
}

export const exportFilePath = (dataDir: string, id: string, format: StoredFormat): string => path.join(exportsDir(dataDir), `${id}.${format}`)

/** Records a finished export (after its file is complete). */
export async function recordExport(dataDir: string, meta: ExportMeta): Promise<void> {
  await fs.writeFile(path.join(exportsDir(dataDir), `${meta.id}.json`), JSON.stringify(meta))
}

/** A finished export with the path of its file, or null when there is none (unknown, swept, bad id). */
export async function findExport(dataDir: string, id: string): Promise<(ExportFile & { filePath: string }) | null> {
  if (!ID.test(id)) return null
  let meta: ExportMeta
  try {
    meta = JSON.parse(await fs.readFile(path.join(exportsDir(dataDir), `${id}.json`), 'utf8')) as ExportMeta
  } catch {
    return null
  }
  if (meta.id !== id || !(meta.format in EXPORT_MIME)) return null
  const filePath = exportFilePath(dataDir, id, meta.format)
  const stat = await fs.stat(filePath).catch(() => null)
  if (!stat?.isFile()) return null
  return { id, fileName: meta.fileName, mime: EXPORT_MIME[meta.format], size: stat.size, assetPath: `exports/${id}`, filePath }
}

/** The export an asset path (exports/<uuid>) names, or null. */
export async function findExportByAssetPath(dataDir: string, assetPath: unknown) {
  const match = typeof assetPath === 'string' ? EXPORT_ASSET_PATH.exec(assetPath) : null
  return match ? findExport(dataDir, match[1]!) : null
}

/** Deletes exports (and abandoned partial files) older than a day. */
export async function sweepExports(dataDir: string, now = Date.now()): Promise<void> {
  const dir = exportsDir(dataDir)
  const names = await fs.readdir(dir).catch(() => [] as string[])
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name)
      const stat = await fs.stat(file).catch(() => null)
      if (stat?.isFile() && now - stat.mtimeMs > KEEP_MS) await fs.rm(file, { force: true })
    }),
  )
}

/** A file name without characters Windows or macOS refuse. */
export const safeName = (text: string) => text.replace(/[\\/:*?"<>|]/g, '_').replace(/[\s\S]/gu, (c) => (c.charCodeAt(0) < 32 ? '_' : c)).trim().slice(0, 60)

/** The name people see: 招商资源_2026-12-01.xlsx, 招商资源_沈河区_….geojson, 楼宇_….csv. */
export function exportFileName(format: ExportFormat, date: string, label: string | null, sheet: string): string {
  const base = format === 'csv' ? sheet : '招商资源'
  return `${[base, label ? safeName(label) : null, date].filter(Boolean).join('_')}.${format}`
}
