import turfArea from '@turf/area'
import type { Polygon } from 'geojson'
import type { Browser, Page, Route } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserHost, launchBrowser, recordRequests, startBrowserHost } from '../helpers/browserHost'
import { errorBeside, fact, textOf } from '../helpers/screen'

// A person records land and a sky park from an empty start: a parcel typed in 亩, then traced by
// a pasted boundary; a park with a sub-park on a host building; a delete taken back; a bad entry.

const M2_PER_MU = 10000 / 15

// A skewed quad in Hunnan, ~330 m a side: not a rectangle, so the area is no mental arithmetic.
const boundary: Polygon = {
  type: 'Polygon',
  coordinates: [[[123.45, 41.7], [123.454, 41.7002], [123.4535, 41.7031], [123.4497, 41.7028], [123.45, 41.7]]],
}

describe('parcels and sky parks in the browser host', () => {
  let host: BrowserHost
  let browser: Browser
  let page: Page
  let requests: string[]
  let parcelUrl = ''
  let buildingId = ''

  beforeAll(async () => {
    host = await startBrowserHost()
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    requests = recordRequests(page)
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  const nav = (label: string) => page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click()
  const save = () => page.getByRole('button', { name: '保存', exact: true }).click()
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name })

  it('starts empty from the first-start choice', async () => {
    await page.goto(host.url)
    await page.getByRole('dialog').getByRole('button', { name: '从空白开始' }).click()
    await page.getByText('地图上还没有资源').waitFor()
  })

  it('creates a parcel with its area typed in 亩', async () => {
    await nav('地块')
    await page.getByText('还没有地块').waitFor()
    await page.getByRole('button', { name: '新增地块' }).click()
    await page.locator('input[name="code"]').fill('HN-2025-07')
    await page.locator('input[name="name"]').fill('浑南智造产业地块')
    await page.locator('select[name="districtCode"]').selectOption('210112')
    await page.locator('select[name="landUse"]').selectOption('industrial')
    await page.locator('select[name="status"]').selectOption('listed')
    expect(await page.locator('input[name="areaUnit"][value="mu"]').isChecked()).toBe(true)
    await page.locator('input[name="area"]').fill('30')
    await save()

    await heading('浑南智造产业地块').waitFor()
    parcelUrl = page.url()
    expect(await textOf(fact(page, '用地面积'))).toBe('30.00 亩（2万 m²）')
    expect(await textOf(fact(page, '用地性质'))).toBe('工业用地')
    expect(await textOf(fact(page, '出让状态'))).toBe('出让公示')
    expect(await textOf(fact(page, '所属区县'))).toBe('浑南区')
    expect(await textOf(fact(page, '地块边界'))).toBe('未录入')
  })

  it('takes a pasted boundary and computes the area from it', async () => {
    await page.getByRole('button', { name: '编辑', exact: true }).click()
    await heading('编辑地块').waitFor()
    expect(await page.locator('input[name="area"]').inputValue()).toBe('30')
    await page.locator('textarea[name="boundary"]').fill(JSON.stringify(boundary))
    await page.locator('input[name="area"]').fill('')
    await save()

    await heading('浑南智造产业地块').waitFor()
    const mu = (turfArea(boundary) / M2_PER_MU).toFixed(2)
    expect(Number(mu)).toBeGreaterThan(100)
    await expect.poll(() => textOf(fact(page, '用地面积'))).toMatch(new RegExp(`^${mu.replace('.', '\\.')} 亩（`))
    expect(await textOf(fact(page, '地块边界'))).toBe('已录入（4 个顶点）')
    // No position was typed, so the map point is the boundary's centre.
    expect(await textOf(fact(page, '坐标（WGS-84）'))).toMatch(/^123\.45\d+, 41\.70\d+$/)
  })

  it('creates a sky park with a sub-park on a host building', async () => {
    const response = await fetch(`${host.origin}/rpc/buildings.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ name: '测试载体大厦', districtCode: '210103', address: '沈河区北站路 1 号' }),
    })
    const created = (await response.json()) as { ok: boolean; value: { id: string } }
    expect(created.ok).toBe(true)
    buildingId = created.value.id

    await nav('空中产业园')
    await page.getByRole('button', { name: '新增园区' }).click()
    await page.locator('input[name="name"]').fill('测试数字创意产业园')
    await page.locator('input[name="theme"]').fill('数字创意')
    await page.locator('select[name="districtCode"]').selectOption('210103')
    await page.locator('select[name="status"]').selectOption('fitting_out')
    await page.locator('input[name="plannedInvestment"]').fill('20')
    await page.getByRole('button', { name: '新增分园' }).click()
    await page.locator('input[name="subParks.0.name"]').fill('动漫孵化分园')
    await page.locator('input[name="subParks.0.area"]').fill('3000')
    await page.getByRole('button', { name: '新增载体楼宇' }).click()
    await page.locator('select[name="hosts.0.buildingId"]').selectOption(buildingId)
    await page.locator('input[name="hosts.0.floors"]').fill('8-12')
    await save()

    await heading('测试数字创意产业园').waitFor()
    expect(await textOf(fact(page, '计划投资'))).toBe('20亿元')
    expect(await textOf(fact(page, '园区状态'))).toBe('装修中')
    const subParks = page.locator('section', { has: page.getByRole('heading', { name: '分园', exact: true }) }).locator('tbody tr')
    // A sub-park's progress: its park's when it has none of its own.
    expect(await subParks.allTextContents()).toEqual(['动漫孵化分园—3,000 m²装修中（同园区）'])
    const hostLink = page.getByRole('link', { name: '测试载体大厦' })
    expect(await hostLink.getAttribute('href')).toBe(`#/buildings/${buildingId}`)
  })

  it('edits the park: renames the sub-park and adds a second', async () => {
    await page.getByRole('button', { name: '编辑', exact: true }).click()
    await heading('编辑园区').waitFor()
    expect(await page.locator('input[name="plannedInvestment"]').inputValue()).toBe('20')
    await page.locator('input[name="subParks.0.name"]').fill('动漫游戏分园')
    await page.getByRole('button', { name: '新增分园' }).click()
    await page.locator('input[name="subParks.1.name"]').fill('数字影视分园')
    await page.locator('input[name="subParks.1.theme"]').fill('影视后期')
    await save()

    await heading('测试数字创意产业园').waitFor()
    const names = page.locator('section', { has: page.getByRole('heading', { name: '分园', exact: true }) }).locator('tbody tr td:first-child')
    await expect.poll(() => names.allTextContents()).toEqual(['动漫游戏分园', '数字影视分园'])
    expect(await page.getByRole('link', { name: '测试载体大厦' }).count()).toBe(1)

    await page.getByRole('link', { name: '测试载体大厦' }).click()
    await heading(/测试载体大厦/).waitFor()
  })

  it('deletes the parcel and takes it back from the toast', async () => {
    await page.goto(parcelUrl)
    await heading('浑南智造产业地块').waitFor()
    await page.getByRole('button', { name: '删除', exact: true }).click()
    const confirm = page.getByRole('group')
    await confirm.getByText('确定删除“浑南智造产业地块”吗？删除后可撤销。').waitFor()
    await confirm.getByRole('button', { name: '删除', exact: true }).click()

    await page.getByText('还没有地块').waitFor()
    const toast = page.locator('.toast', { hasText: '已删除“浑南智造产业地块”' })
    // A slow answer to the detail's fetch: the screen must wait for it, not show what it had
    // cached from before the undo (the parcel, deleted) as if the undo had failed.
    const slowly = async (route: Route) => {
      await new Promise((resolve) => setTimeout(resolve, 400))
      await route.continue()
    }
    await page.route('**/rpc/parcels.get', slowly)
    await toast.getByRole('button', { name: '撤销' }).click()

    await heading('浑南智造产业地块').waitFor()
    expect(await page.getByText('该地块已删除').count()).toBe(0)
    await page.getByRole('button', { name: '编辑', exact: true }).waitFor()
    await page.unroute('**/rpc/parcels.get', slowly)
    await nav('地块')
    await expect.poll(() => page.locator('[data-testid="parcel-row"]').count()).toBe(1)
  })

  it('shows a plot ratio out of order beside the field and saves nothing', async () => {
    await nav('地块')
    await page.getByRole('button', { name: '新增地块' }).click()
    await page.locator('input[name="code"]').fill('HN-2025-08')
    await page.locator('input[name="name"]').fill('容积率倒挂地块')
    await page.locator('select[name="districtCode"]').selectOption('210112')
    await page.locator('select[name="landUse"]').selectOption('m0')
    await page.locator('input[name="area"]').fill('12')
    await page.locator('input[name="plotRatioMin"]').fill('3')
    await page.locator('input[name="plotRatioMax"]').fill('1.5')
    await save()

    await errorBeside(page, 'plotRatioMax').filter({ hasText: '容积率上限：不能小于下限' }).waitFor()
    expect(await page.locator('[data-field-error]').count()).toBe(1)
    await heading('新增地块').waitFor()

    await page.getByRole('button', { name: '取消', exact: true }).click()
    await expect.poll(() => page.locator('[data-testid="parcel-row"]').allTextContents()).toEqual([
      expect.stringContaining('浑南智造产业地块'),
    ])
  })

  it('never reaches beyond 127.0.0.1', () => {
    expect(requests.length).toBeGreaterThan(10)
    expect(requests.filter((url) => !url.startsWith(host.origin))).toEqual([])
  })
})
