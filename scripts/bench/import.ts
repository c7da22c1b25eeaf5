import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { createServices } from '../../src/main/services'
import { openStore } from '../../src/main/store/open'

// npx tsx scripts/bench/import.ts: a 10,000-row buildings workbook imported into a fresh store,
// beside exceljs reading the same file alone. Prints timings (ms) and the store's size.

const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 10_000)
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

async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const value = await work()
  return [value, Math.round(performance.now() - started)]
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-atlas-import-bench-'))
  try {
    const file = path.join(dir, '楼宇.xlsx')
    await makeWorkbook(file)
    const [, exceljsMs] = await time(async () => {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(file)
      let cells = 0
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => void cells++)))
      return cells
    })
    const db = path.join(dir, 'atlas.db')
    const store = await openStore(db)
    const services = await createServices(store, 'bench')
    const call = async (method: string, input: unknown) => {
      const result = await services.dispatch(method as never, input as never)
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
      return result.value as never
    }
    const { uploadId } = (await services.registerFile(file)).ok ? ((await services.registerFile(file)) as { value: { uploadId: string } }).value : { uploadId: '' }
    const [, inspectMs] = await time(() => call('imports.inspect', { uploadId }))
    const [preview, previewMs] = await time(() => call('imports.preview', { uploadId }) as Promise<{ created: number; rejected: unknown[] }>)
    const [job, runMs] = await time(async () => {
      const { jobId } = (await call('imports.run', { uploadId })) as { jobId: string }
      return services.ctx.jobs.wait(jobId)
    })
    await services.shutdown()
    await store.close()
    const size = fs.statSync(db).size + (fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0)
    console.log(`import bench: ${ROWS} building rows (${path.basename(file)} ${(fs.statSync(file).size / 1024).toFixed(0)} KB)`)
    console.log(`  exceljs read alone   ${exceljsMs} ms`)
    console.log(`  imports.inspect      ${inspectMs} ms`)
    console.log(`  imports.preview      ${previewMs} ms  (${preview.created} to create, ${preview.rejected.length} problems)`)
    console.log(`  imports.run          ${runMs} ms  (${job?.state}: ${job?.message})`)
    console.log(`  store size           ${(size / 1024 ** 2).toFixed(1)} MB`)
  } finally {
    if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true })
    else console.log(dir)
  }
}

void main()
