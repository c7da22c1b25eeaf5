import type { Geometry } from 'geojson'
import type { ImportFormat } from '../../../shared/imports'

// What every file reader (read/*.ts) hands the importer: sheets of raw rows, whatever the format.
// A spreadsheet gives its sheets as they are (title rows, blank rows and all; merged cells filled
// with their master cell's value); a GIS file gives one sheet whose first row is the attribute
// names followed by GEOMETRY_HEADER, and one row per feature with its geometry in that column.

/** A cell as read: text, a number, a date (Excel's own dates), a boolean, a geometry, or empty. */
export type Cell = string | number | boolean | Date | { geometry: Geometry } | null

export interface RawSheet {
  name: string
  rows: Cell[][]
  /** A workbook sheet hidden in Excel/WPS (kept, after the visible ones). */
  hidden?: boolean
}

export interface RawTable {
  format: ImportFormat
  /** A CSV's text encoding as detected (utf-8, gb18030); null for other formats. */
  encoding: string | null
  sheets: RawSheet[]
}

/** The column that holds each feature's geometry in a GIS file's sheet. */
export const GEOMETRY_HEADER = '边界（几何）'

/** What a reader refuses beyond: every file someone hands us is read within these. */
export interface ReadLimits {
  /** The file's own size. */
  maxBytes: number
  /** Sum of the uncompressed sizes of a zip's entries (xlsx, zipped shapefile). */
  maxUnzippedBytes: number
  /** Rows of all sheets together. */
  maxRows: number
  /** Columns of one row. */
  maxColumns: number
  /** Wall-clock time to read the file, ms. */
  maxMs: number
  /** Positions of all geometries of a GIS file together. */
  maxCoordinates: number
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxBytes: 50 * 1024 ** 2,
  maxUnzippedBytes: 300 * 1024 ** 2,
  maxRows: 300_000,
  maxColumns: 200,
  maxMs: 20_000,
  maxCoordinates: 5_000_000,
}
