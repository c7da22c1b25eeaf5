import type { ExportReader } from '../../store/exportRows'
import type { WorkbookTable } from '../workbook/columns'
import { cellText } from './cells'
import { type ExportProgress, pace } from './pace'
import { type ScopeSets, tableCells } from './rows'
import { openTextFile } from './textFile'

// One table of the app's workbook as CSV: the same headers and values as its sheet, UTF-8 with a
// byte-order mark (without it Excel on a Chinese Windows reads the file as GBK), CRLF line ends and
// RFC 4180 quoting. Formula-looking text is guarded as in the workbook (formulaText.ts).

const BOM = '\ufeff'
const CRLF = '\r\n'

/** A field as RFC 4180 wants it: quoted (with inner quotes doubled) when it holds a quote, comma or line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export async function writeCsv(
  reader: ExportReader, spec: WorkbookTable, scope: ScopeSets | null, file: string, progress: ExportProgress, signal?: AbortSignal,
): Promise<void> {
  const out = openTextFile(file)
  try {
    progress.message = `正在写入「${spec.sheet}」`
    await out.write(BOM + spec.columns.map((c) => csvField(c.header)).join(',') + CRLF)
    const steps = pace(progress, signal)
    let due = false
    for (const cells of tableCells(reader, spec, scope, () => (due = steps.read() || due))) {
      await out.write(cells.map((value) => csvField(cellText(value))).join(',') + CRLF)
      if (due) {
        due = false
        await steps.turn()
      }
    }
    await out.end()
  } catch (error) {
    await out.abort()
    throw error
  }
}
