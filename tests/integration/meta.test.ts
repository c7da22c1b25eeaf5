import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { APP_VERSION } from '../../src/main/services/context'
import { LATEST_SCHEMA_VERSION } from '../../src/main/store/migrations'
import { openTestApp, type TestApp } from '../helpers/store'

describe('store info, onboarding and settings', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await openTestApp()
  })
  afterEach(async () => {
    await app.close()
  })

  it('describes a new store as empty and not yet onboarded', async () => {
    expect(await app.ok('meta.info', {})).toEqual({
      appVersion: APP_VERSION,
      schemaVersion: LATEST_SCHEMA_VERSION,
      dataFile: app.file,
      deviceId: app.services.ctx.author.deviceId,
      empty: true,
      hasDemoData: false,
      onboarded: false,
    })
    expect(app.services.ctx.author.deviceId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('finishes onboarding with an empty store', async () => {
    const info = await app.ok('meta.finishOnboarding', { loadDemo: false })
    expect(info).toMatchObject({ empty: true, hasDemoData: false, onboarded: true })
    expect(await app.ok('meta.info', {})).toEqual(info)
  })

  it('finishes onboarding with the demo, once', async () => {
    const info = await app.ok('meta.finishOnboarding', { loadDemo: true })
    expect(info).toMatchObject({ empty: false, hasDemoData: true, onboarded: true })
    expect((await app.ok('stats.summary', {})).buildings).toBeGreaterThan(20)
    const again = await app.call('meta.finishOnboarding', { loadDemo: true })
    expect(again).toMatchObject({ ok: false, error: { code: 'not_empty' } })
    if (!again.ok) expect(again.error.message).toMatch(/^演示数据：/)
  })

  it('counts a store as onboarded while it holds data', async () => {
    const { id } = await app.ok('buildings.create', { name: '自有楼宇', districtCode: '210103' })
    expect(await app.ok('meta.info', {})).toMatchObject({ empty: false, hasDemoData: false, onboarded: true })
    await app.ok('buildings.delete', { id })
    expect(await app.ok('meta.info', {})).toMatchObject({ empty: true, onboarded: false })
  })

  it('hands out and accepts only the user-facing settings', async () => {
    expect(await app.ok('settings.get', {})).toEqual({})
    await app.ok('settings.set', { key: 'ui.language', value: 'en' })
    await app.ok('settings.set', { key: 'map.view', value: '{"center":[123.43,41.8],"zoom":13}' })
    await app.ok('settings.set', { key: 'ui.language', value: 'zh' })
    expect(await app.ok('settings.get', {})).toEqual({ 'ui.language': 'zh', 'map.view': '{"center":[123.43,41.8],"zoom":13}' })

    const internal = await app.call('settings.set', { key: 'device.id' as 'ui.language', value: 'forged' })
    expect(internal).toMatchObject({ ok: false, error: { code: 'invalid', field: 'key', message: '设置项：不支持的键' } })
    expect(await app.call('settings.set', { key: 'onboarding.done' as 'ui.language', value: 'x' })).toMatchObject({ ok: false })
    expect((await app.ok('meta.info', {})).onboarded).toBe(false)
    expect(Object.keys(await app.ok('settings.get', {}))).not.toContain('device.id')
  })

  it('logs later edits under the user name once it is set', async () => {
    await app.ok('settings.set', { key: 'user.name', value: '李四' })
    const { id } = await app.ok('buildings.create', { name: '茂业中心', districtCode: '210103' })
    const [change] = await app.ok('changes.list', { rowId: id, limit: 1 })
    expect(change!.actor).toBe('李四')
  })
})
