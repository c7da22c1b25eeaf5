// The child process of the export row (scripts/bench/export.ts): one export, app or baseline, timed
// alone in a process of its own so that its peak RSS (getrusage maxrss) is its own. Prints its
// figures as one JSON line on stdout.
//   tsx scripts/bench/exportChild.ts app|baseline DB OUT
import fs from 'node:fs'
import path from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import BetterSqlite3 from 'better-sqlite3'
import ExcelJS from 'exceljs'

export interface Figures { seconds: number; cpuSeconds: number; peakMb: number; bytes: number }

async function child(mode: string, db: string, out: string): Promise<void> {
  // Only the export is timed, on both sides: loading modules and opening the store come first.
  let started = 0
  let cpuBefore = process.cpuUsage()
  const startClock = () => {
    started = performance.now()
    cpuBefore = process.cpuUsage()
  }
  if (mode === 'app') {
    const { openStore } = await import('../../src/main/store/open')
    const { createServices } = await import('../../src/main/services')
    const { planExport, writeExport } = await import('../../src/main/services/exports/run')
    const store = await openStore(db, { readonly: true })
    const { ctx } = await createServices(store, 'bench', { deviceDir: path.dirname(db) })
    startClock()
    await writeExport(ctx, await planExport(ctx, { format: 'xlsx' }), out, { done: 0, total: 0, message: null })
    await store.close()
  } else {
    const { WORKBOOK } = await import('../../src/main/services/workbook/columns')
    const sqlite = new BetterSqlite3(db, { readonly: true })
    startClock()
    const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: false, useSharedStrings: false })
    for (const spec of WORKBOOK) {
      const table = snake(spec.table)
      const own = new Set((sqlite.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name))
      const key = own.has('id') ? 'id' : 'code'
      const columns = spec.columns.map((c) => (own.has(snake(c.key)) ? snake(c.key) : key)).join(', ')
      const sheet = workbook.addWorksheet(spec.sheet)
      sheet.addRow(spec.columns.map((c) => c.header)).commit()
      let n = 0
      for (const row of sqlite.prepare(`SELECT ${columns} FROM ${table} WHERE deleted_at IS NULL`).raw(true).iterate()) {
        sheet.addRow(row as unknown[]).commit()
        if (++n % 500 === 0) await nextTurn()
      }
      sheet.commit()
    }
    await workbook.commit()
    sqlite.close()
  }
  const cpu = process.cpuUsage(cpuBefore)
  const figures: Figures = {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakMb: process.resourceUsage().maxRSS / 1024,
    bytes: fs.statSync(out).size,
  }
  process.stdout.write(JSON.stringify(figures))
}

const [mode, db, out] = process.argv.slice(2)
if (mode !== 'app' && mode !== 'baseline') throw new Error('usage: exportChild.ts app|baseline DB OUT')
void child(mode, db!, out!).catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
