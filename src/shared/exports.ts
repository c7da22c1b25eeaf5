import { z } from 'zod'
import { siteScope } from './siteScope'

// Exports of the inventory as files: a workbook of everything (or of a scope), one table as CSV,
// or the sites as GeoJSON. The file is made by a job into the data folder and then saved by the
// host (browser: a download of exports/<id>; Electron: a save dialog).

export const EXPORT_FORMATS = ['xlsx', 'csv', 'geojson'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The tables of a workbook, and the one table a CSV holds. */
export const EXPORT_TABLES = ['buildings', 'spaces', 'tenants', 'leases', 'parcels', 'parks'] as const
export type ExportTable = (typeof EXPORT_TABLES)[number]

export const exportStart = z.strictObject({
  format: z.enum(EXPORT_FORMATS, { error: '导出格式：应为 xlsx/csv/geojson 之一' }),
  /** Which table a CSV holds (buildings unless given); ignored by the other formats. */
  table: z.enum(EXPORT_TABLES, { error: '导出内容：不在可选范围内' }).optional(),
  /** Everything unless given. */
  scope: siteScope.optional(),
})
export type ExportStart = z.input<typeof exportStart>

/** A finished export, kept in the data folder until the process ends. */
export interface ExportFile {
  id: string
  fileName: string
  mime: string
  size: number
  /** Relative asset path the hosts serve it at: `exports/<id>`. */
  assetPath: string
}
