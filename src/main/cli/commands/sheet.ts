import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { projectRootOf } from '../../projectRoot'
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api'
import { decodeMapSites } from '../../../shared/mapSitesWire'
import { sheetHash } from '../../../shared/sheets'
import type { SiteScope } from '../../../shared/siteScope'
import { LATEST_SCHEMA_VERSION } from '../../store/migrations'
import type { Services } from '../../services'
import { buildRenderer, rendererIsStale } from '../../web/build'
import { createWebServer } from '../../web/server'
import { CliError, type Output } from '../output'
import { openForCommand, servicesFor } from '../store'

// npm run cli -- sheet --db DB --out FILE.pdf [--search NAME | --ids ID,… | --district CODE] [--handbook]
// The same PDF as the app's 打印/导出 PDF: the browser host's server in this process (127.0.0.1,
// any free port, a fresh token), the system's Chromium opening the sheet page, page.pdf() once the
// page says it is ready. Nothing is written to the data file.

export const SHEET_USAGE = 'sheet --db FILE --out FILE.pdf [--search NAME | --ids ID,… | --district CODE] [--handbook]  生成招商资源清单/招商手册 PDF'

// From the source (src/main/cli/commands) or the bundle (out/host): the folder with package.json.
const projectRoot = projectRootOf(import.meta.url)
const READY_TIMEOUT_MS = 180_000

export interface SheetArgs {
  out?: string
  search?: string
  ids?: string
  district?: string
  handbook?: boolean
}

/** The Chromium to drive: CHROMIUM_PATH when set (it must exist), else the usual places. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const notFound = () =>
    new CliError('找不到 Chromium 浏览器，无法生成 PDF：请安装 Chromium 或用 CHROMIUM_PATH 指明其路径 / Chromium not found: install it or set CHROMIUM_PATH')
  if (env.CHROMIUM_PATH) {
    if (isExecutable(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH
    throw notFound()
  }
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium'
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean)
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name)
      if (isExecutable(candidate)) return candidate
    }
  }
  throw notFound()
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

export async function sheetCommand(file: string, args: SheetArgs, output: Output): Promise<void> {
  if (!args.out) throw new CliError(`缺少 --out FILE.pdf\n用法：npm run cli -- ${SHEET_USAGE}`, 2)
  const chosen = [args.search, args.ids, args.district].filter((v) => v !== undefined).length
  if (chosen > 1) throw new CliError('--search、--ids、--district 只能选一个', 2)
  const executablePath = findChromium()
  const out = path.resolve(args.out)

  const store = await openForCommand(file, { readonly: true })
  const closers: Array<() => Promise<unknown>> = [() => store.close()]
  try {
    if (store.schemaVersion < LATEST_SCHEMA_VERSION) {
      throw new CliError(`${file} 的数据结构版本为 ${store.schemaVersion}，比本程序的 ${LATEST_SCHEMA_VERSION} 旧：请先用 Site Atlas 打开一次以升级，再生成清单`)
    }
    const services = await servicesFor(store)
    closers.unshift(() => services.shutdown())
    const scope = await scopeOf(services, args)
    const count = await call(services, 'sheets.data', { scope, handbook: args.handbook ?? false })

    if (rendererIsStale(projectRoot)) buildRenderer(projectRoot)
    const token = randomBytes(24).toString('base64url')
    const server = createWebServer({ dispatch: services.dispatch, readAsset: services.readAsset, staticDir: path.join(projectRoot, 'out/renderer'), token })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', resolve)
    })
    closers.unshift(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        }),
    )
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : 0

    // Loaded here, not at the top: every other command starts without the browser driver.
    const { chromium } = await import('playwright-core')
    const browser = await chromium
      .launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
      .catch((error: unknown) => {
        throw new CliError(`无法启动 Chromium（${executablePath}）：${(error as Error).message.split('\n')[0]} / Chromium failed to start`)
      })
    closers.unshift(() => browser.close())
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`http://127.0.0.1:${port}/?token=${token}${sheetHash({ scope, handbook: args.handbook ?? false, print: true })}`)
    // Inline, not a named function: the page receives its source text.
    await page.waitForFunction(
      () =>
        (document.body.dataset.sheetReady === '1' && document.body.dataset.sheetReadyFor === window.location.hash) ||
        document.querySelector('.error-box, [role="alert"]') !== null,
      null,
      {
        timeout: READY_TIMEOUT_MS,
        polling: 200,
      },
    )
    const failure = await page.locator('.error-box, [role="alert"]').first().textContent({ timeout: 100 }).catch(() => null)
    if (failure) throw new CliError(`清单页面出错：${failure.trim()}`)
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })

    fs.mkdirSync(path.dirname(out), { recursive: true })
    const partial = `${out}.partial`
    fs.writeFileSync(partial, pdf)
    fs.renameSync(partial, out)
    output.out(`已生成 ${out}（${count.sites.length} 处资源，${Math.round(pdf.length / 1024)} KB）`)
  } finally {
    for (const close of closers) await close().catch(() => undefined)
  }
}

async function call<M extends MethodName>(services: Services, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await services.dispatch(method, input)
  if (!result.ok) throw new CliError(result.error.message)
  return result.value as MethodOutput<M>
}

/** --search NAME, --ids ID,… (any kind of site), --district CODE, or everything. */
async function scopeOf(services: Services, args: SheetArgs): Promise<SiteScope> {
  if (args.search !== undefined) {
    const searches = await call(services, 'savedSearches.list', {})
    const found = searches.find((s) => s.name === args.search!.trim())
    if (!found) throw new CliError(`--search：找不到名为“${args.search}”的保存的查询`)
    return { kind: 'search', searchId: found.id }
  }
  if (args.ids !== undefined) {
    const ids = args.ids.split(/[,，\s]+/).filter(Boolean)
    if (ids.length === 0) throw new CliError('--ids：请给出至少一个资源编号', 2)
    const sites = decodeMapSites(await call(services, 'map.sites', {}))
    const kindOf = new Map<string, 'building' | 'parcel' | 'park'>([
      ...sites.buildings.map((b) => [b.id, 'building'] as const),
      ...sites.parcels.map((p) => [p.id, 'parcel'] as const),
      ...sites.parks.map((p) => [p.id, 'park'] as const),
    ])
    const unknown = ids.filter((id) => !kindOf.has(id))
    if (unknown.length > 0) throw new CliError(`--ids：找不到这些资源：${unknown.join(', ')}`)
    return { kind: 'ids', sites: ids.map((id) => ({ kind: kindOf.get(id)!, id })) }
  }
  if (args.district !== undefined) {
    if (!/^\d{6}$/.test(args.district)) throw new CliError(`--district：应为 6 位区县代码，如 210103：${args.district}`, 2)
    return { kind: 'district', districtCode: args.district }
  }
  return { kind: 'all' }
}
