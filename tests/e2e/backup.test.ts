import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserHost, launchBrowser, startBrowserHost } from '../helpers/browserHost'
import { rpc } from '../helpers/mapPage'
import { recordConsoleErrors, textOf } from '../helpers/screen'
import { tempDir } from '../helpers/store'
import type { MethodInput, MethodName } from '../../src/shared/api'

// A person backs up now from 设置 → 数据安全, sees the backup in the list, changes a building's name,
// restores that backup and finds the old name back (the data as it was before the restore kept as a
// 恢复前 backup). Then a data folder whose file was cut short: the app opens on the recovery screen
// (the damaged file named, the newest good backup offered with what it holds), the person restores
// it, the app opens with the data, and the damaged file is still there, untouched.

const SHOTS = 'test-results/backup'

describe('backups and restore in the browser host', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    host = await startBrowserHost({ demo: true })
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
  })

  const call = <M extends MethodName>(method: M, input: MethodInput<M>) => rpc(page, host.origin, host.token, method, input)

  it('backs up now, changes a name, restores the backup and finds the old name back', async () => {
    await page.goto(host.url)
    await page.locator('.shell__content').waitFor()
    const building = (await call('buildings.list', {}))[0]!
    const oldName = building.name

    // 设置 → 数据安全 → 备份与恢复…
    await page.getByRole('navigation').getByRole('link', { name: '设置', exact: true }).click()
    await page.locator('[data-section="backup"]').getByRole('link', { name: '备份与恢复…' }).click()
    await page.getByRole('heading', { level: 1, name: '数据安全' }).waitFor()

    await page.getByRole('button', { name: '立即备份', exact: true }).click()
    const made = page.locator('[data-backup-made]')
    await made.waitFor({ timeout: 30_000 })
    const id = (await made.getAttribute('data-backup-made'))!
    expect(id).toMatch(/^site-atlas-\d{8}-\d{6}(-\d+)?-manual\.db$/)
    const row = page.locator(`[data-backup-row="${id}"][data-folder="local"]`)
    await row.waitFor()
    expect(await textOf(row.locator('td').nth(1))).toBe('手动')
    expect(await textOf(row.locator('td').nth(3))).toMatch(/^(< )?\d[\d,.]* MB$/)
    // The newest backup is the first row, and the status says it is the last one.
    expect(await page.locator('[data-backup-row]').first().getAttribute('data-backup-row')).toBe(id)
    await expect.poll(() => textOf(page.locator('[data-backup-last]'))).toContain('手动')

    // Its preview: what it holds, read from the file.
    await row.getByRole('button', { name: '预览' }).click()
    const preview = page.locator('[data-backup-preview]')
    await preview.waitFor()
    expect(await textOf(preview)).toMatch(/其中有 \d+ 栋楼宇/)
    await page.screenshot({ path: `${SHOTS}/data-safety-1280x720.png` })

    // An edit after the backup.
    await call('buildings.update', { id: building.id, name: `${oldName}（改名）` })
    await page.goto(`${host.origin}/#/buildings/${building.id}`)
    await page.getByRole('heading', { level: 1, name: `${oldName}（改名）` }).waitFor()

    // Restore the backup from the list.
    await page.goto(`${host.origin}/#/settings/data-safety`)
    await page.locator(`[data-backup-row="${id}"][data-folder="local"]`).getByRole('button', { name: '恢复…' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.locator('[data-backup-preview]').waitFor()
    expect(await textOf(dialog.locator('.backup-restore__steps'))).toContain('当前数据先备份到')
    await dialog.locator('[data-restore-confirm]').click()
    const done = dialog.locator('[data-restore-done]')
    await done.waitFor({ timeout: 30_000 })
    // Where the data as it was went: a 恢复前 backup, listed too.
    const safety = /恢复前的数据已备份为 (site-atlas-\S+-before-restore\.db)/.exec((await textOf(done)) ?? '')
    expect(safety).not.toBeNull()
    await dialog.getByRole('button', { name: '关闭' }).click()
    await page.locator(`[data-backup-row="${safety![1]}"]`).first().waitFor()

    // The edit is gone: the page and the API say the old name.
    await page.goto(`${host.origin}/#/buildings/${building.id}`)
    await page.getByRole('heading', { level: 1, name: oldName }).waitFor()
    expect(await textOf(page.getByRole('heading', { level: 1 }))).not.toContain('（改名）')
    expect((await call('buildings.get', { id: building.id })).building.name).toBe(oldName)
    expect(errors).toEqual([])
  })

  it('refuses a file that is no Site Atlas file, in its own sentence, and replaces nothing', async () => {
    const before = (await call('buildings.list', {})).length
    await page.goto(`${host.origin}/#/settings/data-safety`)
    const junk = path.join(tempDir('site-atlas-junk-'), 'not-a-backup.db')
    fs.writeFileSync(junk, 'SQLite format 3\0'.padEnd(4096, 'x'))
    await page.locator('input[name="backupFile"]').setInputFiles(junk)
    const dialog = page.getByRole('dialog')
    await dialog.locator('[data-backup-refusal]').waitFor({ timeout: 30_000 })
    expect(await dialog.locator('[data-restore-confirm]').isDisabled()).toBe(true)
    await dialog.getByRole('button', { name: '取消' }).click()
    expect((await call('buildings.list', {})).length).toBe(before)
  })
})

describe('the recovery screen in the browser host', () => {
  let dataDir: string
  let host: BrowserHost | null = null
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    dataDir = tempDir('site-atlas-e2e-recovery-')
    browser = await launchBrowser()
  })
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && page) await page.screenshot({ path: `${SHOTS}/failed-${context.task.name.slice(0, 40)}.png` })
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('offers the newest good backup for a damaged data file, restores it and opens the app', async () => {
    // A store with the demo and a backup of it; then the host stops and the file is cut short.
    host = await startBrowserHost({ demo: true, dataDir })
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    await page.goto(host.url)
    await page.locator('.shell__content').waitFor()
    const buildings = (await rpc(page, host.origin, host.token, 'buildings.list', {})).map((b) => b.name)
    const backup = await rpc(page, host.origin, host.token, 'backup.create', {})
    const dataFile = (await rpc(page, host.origin, host.token, 'meta.info', {})).dataFile
    await page.close()
    await host.stop()
    host = null
    const truncatedTo = Math.floor(fs.statSync(dataFile).size / 2)
    fs.truncateSync(dataFile, truncatedTo)

    host = await startBrowserHost({ dataDir })
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    const errors = recordConsoleErrors(page)
    await page.goto(host.url)
    const screen = page.locator('[data-recovery-screen]')
    await screen.waitFor({ timeout: 30_000 })
    await screen.getByRole('heading', { level: 1, name: '数据文件已损坏' }).waitFor()
    expect(await textOf(screen.locator('[data-recovery-file]'))).toBe(dataFile)
    expect(await textOf(screen.locator('.recovery__untouched'))).toContain('不会被修改或删除')
    // The newest good backup first, with what it holds.
    const offered = screen.locator('[data-recovery-offered]')
    await offered.waitFor()
    expect(await offered.getAttribute('data-recovery-offered')).toBe(backup.id)
    await offered.locator('[data-backup-preview]').waitFor()
    expect(await textOf(offered.locator('[data-backup-preview]'))).toContain(`${buildings.length} 栋楼宇`)
    await page.screenshot({ path: `${SHOTS}/recovery-1280x720.png` })

    await offered.getByRole('button', { name: '恢复这份备份…' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.locator('[data-backup-preview]').waitFor()
    expect(await textOf(dialog.locator('.backup-restore__steps'))).toContain('损坏的数据文件不会被修改或删除')
    await dialog.locator('[data-restore-confirm]').click()

    // The app opens with the data; the toast says where the damaged file is kept.
    await page.locator('.shell__content').waitFor({ timeout: 30_000 })
    await expect.poll(() => screen.count()).toBe(0)
    const toast = page.locator('.toast', { hasText: '损坏的数据文件保存在' })
    await toast.waitFor()
    const kept = /损坏的数据文件保存在 (.+?)。/.exec((await textOf(toast)) ?? '')![1]!
    expect(fs.statSync(kept).size).toBe(truncatedTo)
    await page.getByRole('navigation').getByRole('link', { name: '楼宇', exact: true }).click()
    await page.getByText(buildings[0]!, { exact: true }).first().waitFor()
    expect((await rpc(page, host.origin, host.token, 'buildings.list', {})).map((b) => b.name).sort()).toEqual([...buildings].sort())
    expect(errors.filter((e) => !e.includes('store_unavailable') && !/status of 4\d\d/.test(e))).toEqual([])
  })
})
