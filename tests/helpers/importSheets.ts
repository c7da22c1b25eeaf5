import fs from 'node:fs'
import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import { VOCAB_ZH } from '../../src/shared/labels'
import { WORKBOOK } from '../../src/main/services/workbook/columns'
import type { Store } from '../../src/main/store/open'
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

/**
 * Writes the store's live rows as the app's workbook, following the spec (services/workbook/
 * columns.ts) the way the exporter does: Chinese vocabulary labels, scaled values, 是/否, lists
 * joined; computed columns left empty (the importer ignores them).
 */
export async function writeSpecWorkbook(store: Store, file: string): Promise<string> {
  const wb = new ExcelJS.Workbook()
  for (const spec of WORKBOOK) {
    const ws = wb.addWorksheet(spec.sheet)
    ws.addRow(spec.columns.map((c) => c.header))
    const rows = store.sqlite.prepare(`SELECT * FROM ${spec.table.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)} WHERE deleted_at IS NULL`).all() as Array<Record<string, unknown>>
    const spaceIds = new Map<string, string[]>()
    if (spec.table === 'leases') {
      for (const link of store.sqlite.prepare('SELECT lease_id, space_id FROM lease_spaces').all() as Array<{ lease_id: string; space_id: string }>) {
        spaceIds.set(link.lease_id, [...(spaceIds.get(link.lease_id) ?? []), link.space_id])
      }
    }
    for (const row of rows) {
      ws.addRow(spec.columns.map((c) => {
        if (c.computed) return null
        if (c.key === 'spaceIds') return (spaceIds.get(row.id as string) ?? []).join(',')
        const v = row[c.key.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)]
        if (v === null || v === undefined) return null
        if (c.vocab) return (VOCAB_ZH[c.vocab] as Record<string, string>)[v as string]
        if (c.type === 'bool') return v ? '是' : '否'
        if (c.scale) return (v as number) / c.scale
        return v as string | number
      }))
    }
  }
  await wb.xlsx.writeFile(file)
  return file
}
