import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { createServices } from '../../src/main/services'
import { runImport } from '../../src/main/services/imports/handlers'
import { planImport } from '../../src/main/services/imports/importer'
import { readTable } from '../../src/main/services/imports/read/index'
import { openStore } from '../../src/main/store/open'

// npx tsx scripts/bench/import.ts: a 10,000-row buildings workbook imported into a fresh store the
// way the wizard does it (inspect, preview, run), beside exceljs reading the same file alone, in
// several rounds. Prints wall and CPU time (the machine may be busy: compare within a round) and
// the store's size. IMPORT_BENCH_ROWS and IMPORT_BENCH_ROUNDS change the size and the rounds.

const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 10_000)
const ROUNDS = Number(process.env.IMPORT_BENCH_ROUNDS ?? 3)
const DISTRICTS = ['沈河区', '和平区', '皇姑区', '铁西区', '浑南区']
const GRADES = ['超甲级', '甲级', '乙级', '丙级']

async function makeWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('楼宇')
  ws.addRow(['沈阳市重点楼宇统计表'])
  ws.addRow(['楼宇名称', '地址', '所属区县', '总建筑面积', '可租面积', '空置面积', '租金（元/㎡·天）', '等级', '经度', '纬度', '联系电话'])
  for (let i = 0; i < ROWS; i++) {
    const leasable = 5000 + (i % 97) * 300
    ws.addRow([
      `测试楼宇${i + 1}号`, `青年大街${i + 1}号`, DISTRICTS[i % DISTRICTS.length], leasable * 1.3, leasable, Math.round(leasable * ((i % 40) / 100)),
      2 + (i % 30) / 10, GRADES[i % GRADES.length], 123.3 + (i % 1000) / 5000, 41.7 + (i % 700) / 5000, '024-12345678',
    ])
  }
  await wb.xlsx.writeFile(file)
}

interface Timing {
  ms: number
  cpuMs: number
}

/** Wall and CPU time (process.cpuUsage: every thread of the process, GC helpers included). */
async function time<T>(work: () => Promise<T>): Promise<[T, Timing]> {
  const started = performance.now()
  const cpu = process.cpuUsage()
  const value = await work()
  const used = process.cpuUsage(cpu)
  return [value, { ms: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000) }]
}

const show = (t: Timing) => `${String(t.ms).padStart(5)} ms wall ${String(t.cpuMs).padStart(5)} ms CPU`

async function exceljsAlone(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  let cells = 0
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => void cells++)))
  return cells
}

/** One round: exceljs alone, then the wizard's calls on a fresh store (inspect, preview, run after preview). */
async function round(dir: string, file: string, n: number) {
  const [, exceljs] = await time(() => exceljsAlone(file))
  const db = path.join(dir, `atlas-${n}.db`)
  const store = await openStore(db)
  const services = await createServices(store, 'bench')
  const call = async (method: string, input: unknown) => {
    const result = await services.dispatch(method as never, input as never)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value as never
  }
  const registered = await services.registerFile(file)
  if (!registered.ok) throw new Error(registered.error.message)
  const { uploadId } = registered.value
  const [, inspect] = await time(() => call('imports.inspect', { uploadId }))
  const [preview, previewT] = await time(() => call('imports.preview', { uploadId }) as Promise<{ created: number; rejected: unknown[] }>)
  const [job, run] = await time(async () => {
    const { jobId } = (await call('imports.run', { uploadId })) as { jobId: string }
    return services.ctx.jobs.wait(jobId)
  })
  await services.shutdown()
  await store.close()
  const size = fs.statSync(db).size + (fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0)
  return { exceljs, inspect, preview: previewT, run, created: preview.created, problems: preview.rejected.length, job, size }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-import-bench-'))
  try {
    const file = path.join(dir, '楼宇.xlsx')
    await makeWorkbook(file)
    console.log(`import bench: ${ROWS} building rows (${path.basename(file)} ${(fs.statSync(file).size / 1024).toFixed(0)} KB), ${ROUNDS} rounds`)
    for (let n = 1; n <= ROUNDS; n++) {
      const load = os.loadavg()[0]!.toFixed(1)
      const r = await round(dir, file, n)
      console.log(`round ${n} (load average ${load} on ${os.cpus().length} CPUs)`)
      console.log(`  exceljs read alone   ${show(r.exceljs)}`)
      console.log(`  imports.inspect      ${show(r.inspect)}`)
      console.log(`  imports.preview      ${show(r.preview)}  (${r.created} to create, ${r.problems} problems)`)
      console.log(`  imports.run          ${show(r.run)}  (${r.job?.state}: ${r.job?.message})`)
      console.log(`  run / exceljs        ${(r.run.ms / r.exceljs.ms).toFixed(2)} wall, ${(r.run.cpuMs / r.exceljs.cpuMs).toFixed(2)} CPU; store ${(r.size / 1024 ** 2).toFixed(1)} MB`)
    }

    // The engine alone, on a table read once, into a fresh store: reading, planning, planning + writing.
    const [table, read] = await time(() => readTable(file, path.basename(file)))
    const second = await openStore(path.join(dir, 'engine.db'))
    const engine = await createServices(second, 'bench')
    const [, plan] = await time(() => planImport(second.db, engine.ctx.resourcesDir, table, {}))
    const [, planWrite] = await time(() => runImport(engine.ctx, table, path.basename(file), {}))
    await engine.shutdown()
    await second.close()
    console.log(`engine alone: readTable ${show(read)}; plan ${show(plan)}; plan + write ${show(planWrite)}`)
    console.log(`(machine load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs)`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

void main()
