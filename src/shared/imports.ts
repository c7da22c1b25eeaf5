import { z } from 'zod'
import * as f from './schemas/common'

// Importing the bureau's own spreadsheets and GIS files: what the wizard and the command line
// send, and what the importer answers (an inspection of the file, a dry run, the batches done).

/** What a file's rows become. `workbook` is Site Atlas's own export (buildings, spaces, tenants, leases, parcels, parks). */
export const IMPORT_KINDS = ['buildings', 'parcels', 'parks', 'workbook'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

/** The coordinate system of the file's longitude/latitude columns; stored as WGS-84 whatever it is. */
export const IMPORT_CRS = ['wgs84', 'gcj02', 'bd09'] as const
export type ImportCrs = (typeof IMPORT_CRS)[number]

export const IMPORT_FORMATS = ['xlsx', 'csv', 'geojson', 'kml', 'shp'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** One column as the importer sees it: its position, its header text and the field it maps to (null: ignored). */
export interface ImportColumn {
  index: number
  header: string
  field: string | null
}

/** A target field the wizard offers in its mapping menus. */
export interface ImportFieldInfo {
  key: string
  /** Chinese label, e.g. 楼宇名称. */
  label: string
  required: boolean
}

export interface ImportSheetInfo {
  name: string
  /** Data rows below the header (blank and totals rows not counted). */
  rows: number
  /** 1-based row of the header, as detected or as chosen. */
  headerRow: number
  columns: ImportColumn[]
  /** The first rows below the header, as text, for the wizard's preview. */
  sample: string[][]
  /** The 1-based sheet row of each sample row (blank and totals rows between them are skipped). */
  sampleRows?: number[]
  /** Detected from the headers; null when nothing fits. */
  suggestedKind: ImportKind | null
  /** e.g. bd09 when a column is named 百度经度; null when the file does not say. */
  suggestedCrs: ImportCrs | null
}

export interface ImportInspection {
  uploadId: string
  fileName: string
  format: ImportFormat
  /** Text encoding of a CSV (utf-8, gb18030); null for other formats. */
  encoding: string | null
  sheets: ImportSheetInfo[]
  /** Fields each kind can take, for the mapping menus. */
  fields: Record<Exclude<ImportKind, 'workbook'>, ImportFieldInfo[]>
}

/** A problem found in the file, by row (as the spreadsheet numbers it) and column (its header). */
export interface ImportProblem {
  /** 1-based row number in the sheet; 0 for the file as a whole. */
  row: number
  column: string | null
  message: string
}

export interface ImportRowPlan {
  row: number
  action: 'create' | 'update' | 'reject'
  /** The site's name (or parcel code) as read. */
  name: string
}

export interface ImportPreview {
  kind: ImportKind
  sheet: string
  /** Data rows read (blank and totals rows skipped). */
  total: number
  created: number
  updated: number
  /** Rows with at least one error: skipped with skipInvalid, else the import is refused. */
  rejected: ImportProblem[]
  /** Worth a look, but the row is imported (e.g. a unit guessed, a value rounded). */
  warnings: ImportProblem[]
  /** What happens to each row (the first 500). */
  rows: ImportRowPlan[]
  /** Rows of other kinds that come with the sites (spaces, tenants, leases, sub-parks). */
  related: Record<string, number>
}

export interface ImportBatch {
  id: string
  fileName: string
  kind: ImportKind
  at: string
  actor: string
  created: number
  updated: number
  rejected: number
  /** When the whole import was taken back; null while it stands. */
  undoneAt: string | null
}

const mapping = z.record(
  z.string().regex(/^\d{1,4}$/, { error: '列映射：列号格式不正确' }),
  z.string().max(60).regex(/^[A-Za-z0-9_.]*$/, { error: '列映射：字段名格式不正确' }).nullable(),
)

export const importInspect = z.strictObject({
  uploadId: f.id('导入文件'),
  sheet: f.queryText('工作表', 200).optional(),
  /** 1-based; detected when omitted. */
  headerRow: z.number().int().min(1).max(1000).optional(),
})

export const importOptions = z.strictObject({
  uploadId: f.id('导入文件'),
  sheet: f.queryText('工作表', 200).optional(),
  headerRow: z.number().int().min(1).max(1000).optional(),
  kind: z.enum(IMPORT_KINDS, { error: '导入类型：应为 楼宇/地块/园区/完整工作簿 之一' }).optional(),
  crs: z.enum(IMPORT_CRS, { error: '坐标系：应为 WGS-84/GCJ-02/BD-09 之一' }).optional(),
  /** Column index (as text) → field key, or null to ignore the column; columns not named keep the detected field. */
  mapping: mapping.optional(),
  /** The district of rows that do not say theirs. */
  districtCode: f.districtCode('默认区县').optional(),
})

export const importRun = importOptions.extend({ skipInvalid: z.boolean().optional() }).strict()

export type ImportOptions = z.input<typeof importOptions>
export type ImportRunInput = z.input<typeof importRun>
