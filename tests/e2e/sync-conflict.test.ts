import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'
import { createServices, type Services } from '../../src/main/services'
import { openStore, type Store } from '../../src/main/store/open'
import { type BrowserHost, launchBrowser, startBrowserHost } from '../helpers/browserHost'
import { recordConsoleErrors, textOf } from '../helpers/screen'
import { tempDir } from '../helpers/store'

// A person settles a conflict made for real. The host's data file is copied to a colleague's
// laptop (a second store with its own device id); each renames the same building differently, the
// colleague later. The colleague's package is exported by the services, and the person imports it
// through 协作与同步: the summary and the top bar say 1 conflict, the review shows both names (the
// colleague's, later, as 当前显示), the person keeps their own, and the building shows that name
// with no conflict left.

const SHOTS = 'test-results/sync'
const FILE = 'site-atlas.db'

/** A store with its services, as a laptop holds it: its device id in its own folder. */
async function openLaptop(dir: string, actor: string): Promise<{ store: Store; services: Services; ok: <M extends MethodName>(m: M, i: MethodInput<M>) => Promise<MethodOutput<M>>; close(): Promise<void> }> {
  const store = await openStore(path.join(dir, FILE))
  const services = await createServices(store, actor, { deviceDir: dir, backupSchedule: false })
  const ok = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await services.dispatch(method, input)
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
    return result.value as MethodOutput<M>
  }
  return {
    store,
    services,
    ok,
    close: async () => {
      await services.shutdown()
      await store.close()
    },
  }
}

describe('settling a conflict from a colleague’s package in the browser host', () => {
  const hostDir = tempDir('site-atlas-sync-host-')
  const colleagueDir = tempDir('site-atlas-sync-colleague-')
  const packageFile = path.join(colleagueDir, '修改-李四.sitechanges')
  let buildingId = ''
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    // The host's store with one building, closed so its file is whole on disk.
    const mine = await openLaptop(hostDir, '张三')
    buildingId = (await mine.ok('buildings.create', { name: '财富中心', districtCode: '210103' })).id
    await mine.close()
    // The colleague's laptop starts from a copy of that file; its device id is its own.
    for (const suffix of ['', '-wal']) {
      const from = path.join(hostDir, FILE + suffix)
      if (fs.existsSync(from)) fs.copyFileSync(from, path.join(colleagueDir, FILE + suffix))
    }
    // Each renames the building its own way, the colleague later (so theirs is shown after the merge).
    const again = await openLaptop(hostDir, '张三')
    await again.ok('buildings.update', { id: buildingId, name: '财富中心A座' })
    await again.close()
    const theirs = await openLaptop(colleagueDir, '李四')
    expect(theirs.services.ctx.author.deviceId).not.toBe(fs.readFileSync(path.join(hostDir, 'device-id'), 'utf8').trim())
    await theirs.ok('buildings.update', { id: buildingId, name: '财富中心（东塔）' })
    const made = await theirs.ok('sync.exportPackage', {})
    const asset = await theirs.services.readAsset(`/${made.assetPath}`)
    if (!asset || asset === 'bad' || !('filePath' in asset)) throw new Error(`the package ${made.assetPath} is not served`)
    fs.copyFileSync(asset.filePath, packageFile)
    await theirs.close()

    host = await startBrowserHost({ dataDir: hostDir })
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    errors = recordConsoleErrors(page)
  })
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await page.screenshot({ path: `${SHOTS}/failed-${context.task.name.slice(0, 40)}.png` })
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    fs.rmSync(hostDir, { recursive: true, force: true })
    fs.rmSync(colleagueDir, { recursive: true, force: true })
  })

  it('imports the package, opens the review from the status, keeps one name, and the building shows it', async () => {
    await page.goto(host.url)
    const bar = page.locator('[data-sync-status]')
    await bar.waitFor()
    expect(await textOf(bar)).toContain('从未同步')
    expect(await bar.getAttribute('data-sync-conflicts')).toBe('0')

    // 协作与同步 → 导入同事的修改…
    await page.getByRole('navigation').getByRole('link', { name: '协作与同步', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: '协作与同步' }).waitFor()
    await page.locator('input[name="syncPackage"]').setInputFiles(packageFile)
    const summary = page.locator('[data-sync-import]')
    await summary.waitFor({ timeout: 30_000 })
    expect(await textOf(summary)).toMatch(/^\d+ 条新修改，1 个冲突/)
    expect(await textOf(summary)).toContain('来自 李四')
    await page.screenshot({ path: `${SHOTS}/imported-1280x720.png` })

    // The status, on every screen, says so; its red count leads to the review.
    await expect.poll(() => bar.getAttribute('data-sync-conflicts')).toBe('1')
    const count = page.locator('[data-sync-conflict-link]')
    expect(await textOf(count)).toBe('1 个冲突')
    // The colleague is listed, with the exchange just made.
    await expect.poll(() => textOf(page.locator('.sync-peers tbody tr').first())).toContain('李四')
    // Just now, never "shortly": an exchange is not ahead of the screen's clock.
    expect(await textOf(bar)).toMatch(/上次同步 (刚刚|\d+ 分钟前)/)
    await count.click()
    await page.getByRole('heading', { level: 1, name: '冲突处理' }).waitFor()

    // One building, its name in conflict: both names, who wrote each, the colleague's (later) shown.
    const row = page.locator(`[data-conflict-row="buildings/${buildingId}"]`)
    await row.waitFor()
    expect(await textOf(row.locator('.sync-row__head .badge'))).toBe('楼宇')
    const conflict = row.locator('[data-conflict]')
    expect(await conflict.count()).toBe(1)
    expect(await textOf(conflict.locator('.sync-conflict__field strong'))).toBe('楼宇名称')
    const values = conflict.locator('[data-conflict-value]')
    expect(await values.count()).toBe(2)
    const mine = values.filter({ hasText: '财富中心A座' })
    const theirs = values.filter({ hasText: '财富中心（东塔）' })
    expect(await textOf(mine.locator('.sync-value__who'))).toMatch(/^张三 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    expect(await textOf(theirs.locator('.sync-value__who'))).toMatch(/^李四 · /)
    expect(await theirs.getAttribute('data-shown')).toBe('true')
    expect(await theirs.locator('.sync-value__shown').textContent()).toBe('当前显示')
    expect(await mine.getAttribute('data-shown')).toBe('false')
    await page.screenshot({ path: `${SHOTS}/review-1280x720.png` })

    // The building shows the colleague's name until the person picks.
    await page.goto(`${host.origin}/#/buildings/${buildingId}`)
    await page.getByRole('heading', { level: 1, name: '财富中心（东塔）' }).waitFor()
    await page.goBack()
    await row.waitFor()

    // Keep one's own name: the list empties and says all is settled.
    await mine.getByRole('button', { name: '保留此值' }).click()
    await page.locator('[data-conflicts-empty]').waitFor()
    expect(await textOf(page.locator('[data-conflicts-empty]'))).toContain('所有修改都已合并，没有待处理的冲突。')
    await expect.poll(() => bar.getAttribute('data-sync-conflicts')).toBe('0')
    expect(await page.locator('[data-sync-conflict-link]').count()).toBe(0)
    await page.screenshot({ path: `${SHOTS}/settled-1280x720.png` })

    // The building shows the name kept.
    await page.goto(`${host.origin}/#/buildings/${buildingId}`)
    await page.getByRole('heading', { level: 1, name: '财富中心A座' }).waitFor()
    expect(errors).toEqual([])
  })
})
