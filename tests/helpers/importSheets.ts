import fs from 'node:fs'
import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import type { TestApp } from './store'
import { pickFile } from './store'

// Workbooks the import tests write for themselves, and the steps every import test takes.

export type SheetRows = Array<Array<string | number | Date | null>>

/** Writes an .xlsx with the given sheets; `merge` lists ranges like 'A1:F1' per sheet. */
export async function writeWorkbook(file: string, sheets: Record<string, SheetRows>, merge: Record<string, string[]> = {}): Promise<string> {
  const wb = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name)
    for (const row of rows) ws.addRow(row)
    for (const range of merge[name] ?? []) ws.mergeCells(range)
  }
  await wb.xlsx.writeFile(file)
  return file
}

export const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

/** Registers the file and runs the import as the wizard does, waiting for the job. */
export async function runImportJob(app: TestApp, file: string, options: Record<string, unknown> = {}) {
  const uploadId = await pickFile(app, file)
  const { jobId } = await app.ok('imports.run', { uploadId, ...options })
  const job = await app.services.ctx.jobs.wait(jobId)
  return job!
}

/** Imports an app workbook (e.g. the exporter's) into `app`; the lead's export → import round trip uses this. */
export async function importWorkbookFile(app: TestApp, file: string) {
  return runImportJob(app, file, { kind: 'workbook' })
}
