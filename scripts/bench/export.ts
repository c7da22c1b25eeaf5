// Export benchmark: a generated store with 200,000 spaces, then the app's workbook export (time,
// CPU time and peak RSS) beside the same tables written by exceljs's streaming writer alone: the
// same live rows and the same number of columns per sheet from a plain SELECT of each table (a
// column the app computes or joins in is filled with the row's id, so the cells are as many), a
// header row, no styles. Only the export is timed (not loading modules or opening the store). Each
// run is a child process of its own, so its peak RSS (getrusage maxrss) is its own; the two are run
// alternately, several times, so a busy machine weighs on both alike (CPU time is steadier).
//   npx tsx scripts/bench/export.ts [--spaces N] [--runs N] [--db FILE (reuse a generated store)]
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import BetterSqlite3 from 'better-sqlite3'
import ExcelJS from 'exceljs'

const here = fileURLToPath(import.meta.url)
const root = path.resolve(path.dirname(here), '../..')
const tsx = path.join(root, 'node_modules/.bin/tsx')

interface Figures { seconds: number; cpuSeconds: number; peakMb: number; bytes: number }

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

function run(mode: string, db: string, out: string): Figures {
  const result = spawnSync(tsx, [here, '--child', mode, db, out], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (result.status !== 0) throw new Error(`${mode} failed: ${result.stderr}`)
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Figures
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const load = () => os.loadavg().map((n) => n.toFixed(1)).join(' ')

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--child') return child(args[1]!, args[2]!, args[3]!)
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
  const spaces = Number(option('--spaces')) || 200_000
  const runs = Number(option('--runs')) || 3
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-bench-export-'))
  try {
    let db = option('--db')
    if (!db) {
      db = path.join(dir, 'bench.db')
      const buildings = Math.ceil(spaces / 100)
      console.log(`生成 ${buildings} 栋楼宇、${spaces} 个空间的数据…`)
      const generated = spawnSync(tsx, [path.join(root, 'src/main/cli/main.ts'), 'generate', '--db', db, '--buildings', String(buildings),
        '--parcels', '2000', '--spaces', String(spaces), '--seed', '7'], { encoding: 'utf8', cwd: root })
      if (generated.status !== 0) throw new Error(generated.stderr)
    }
    const line = (name: string, f: Figures) =>
      `${name.padEnd(34)} ${f.seconds.toFixed(2).padStart(7)} s   CPU ${f.cpuSeconds.toFixed(2).padStart(6)} s   峰值 RSS ${f.peakMb.toFixed(0).padStart(5)} MB   文件 ${(f.bytes / 1e6).toFixed(1)} MB`
    console.log(`工作簿导出（${spaces.toLocaleString('en-US')} 个空间，${runs} 轮，交替运行）`)
    const app: Figures[] = []
    const baseline: Figures[] = []
    for (let i = 0; i < runs; i++) {
      console.log(`第 ${i + 1} 轮（负载 ${load()}）`)
      baseline.push(run('baseline', db, path.join(dir, 'baseline.xlsx')))
      console.log(line('  exceljs 单独写出（普通 SELECT）', baseline.at(-1)!))
      app.push(run('app', db, path.join(dir, 'app.xlsx')))
      console.log(line('  Site Atlas 导出（格式、名称、换算）', app.at(-1)!))
    }
    const mid = (list: Figures[]): Figures => ({
      seconds: median(list.map((f) => f.seconds)), cpuSeconds: median(list.map((f) => f.cpuSeconds)),
      peakMb: Math.max(...list.map((f) => f.peakMb)), bytes: list[0]!.bytes,
    })
    const a = mid(app)
    const b = mid(baseline)
    console.log(`中位数（峰值 RSS 取最大；负载 ${load()}）`)
    console.log(line('  exceljs 单独写出（普通 SELECT）', b))
    console.log(line('  Site Atlas 导出（格式、名称、换算）', a))
    console.log(`  倍数：时间 ${(a.seconds / b.seconds).toFixed(2)}×，CPU ${(a.cpuSeconds / b.cpuSeconds).toFixed(2)}×`)
    console.log(`目标：< 10 s，< 500 MB → ${a.seconds < 10 && a.peakMb < 500 ? '达到' : '未达到'}`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
