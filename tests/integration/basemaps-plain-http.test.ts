import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { freshAppPerTest } from '../helpers/store'

// Online tile sources are https unless the person confirms a plain-http one: the tiles (and where
// the person looks) would cross the network in the clear and could be swapped on the way.

describe('online tile sources over plain http', () => {
  const t = freshAppPerTest()
  const add = (urlTemplate: string, accept?: string[]) =>
    t.app.call('basemaps.addOnline', { name: '内网瓦片', urlTemplate, crs: 'wgs84', maxZoom: 18, ...(accept ? { accept } : {}) })
  const tilesDir = () => path.join(t.app.services.ctx.dataDir, 'tiles')

  it('answers needs_confirmation for an http source on another machine, writing nothing', async () => {
    const answer = await add('http://gis.example.gov.cn/tiles/{z}/{x}/{y}.png')
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'needs_confirmation',
        field: 'urlTemplate',
        warnings: [{ code: 'basemap.plainHttp', field: 'urlTemplate' }],
      },
    })
    if (answer.ok) throw new Error('unreachable')
    expect(answer.error.message).toMatch(/^地址模板：gis\.example\.gov\.cn 使用未加密的 http/)
    expect((await t.app.ok('basemaps.list', {})).basemaps.filter((m) => m.kind === 'xyz')).toEqual([])
    expect(fs.existsSync(tilesDir()) ? fs.readdirSync(tilesDir()) : []).toEqual([])
  })

  it('adds it once the warning is accepted', async () => {
    const answer = await add('http://10.1.2.3:8080/{z}/{x}/{y}.png', ['basemap.plainHttp'])
    expect(answer).toMatchObject({ ok: true, value: { kind: 'xyz', urlTemplate: 'http://10.1.2.3:8080/{z}/{x}/{y}.png' } })
  })

  it('asks nothing for https, nor for a tile server on this computer (loopback never leaves it)', async () => {
    for (const template of ['https://t{switch:0,1}.tianditu.gov.cn/{z}/{x}/{y}', 'http://127.0.0.1:9000/{z}/{x}/{y}.png', 'http://localhost/{z}/{x}/{y}.png', 'http://[::1]:81/{z}/{x}/{y}']) {
      expect((await add(template)).ok, template).toBe(true)
    }
  })

  it('does not take a loopback-looking name for loopback', async () => {
    for (const template of ['http://127.0.0.1.evil.example/{z}/{x}/{y}', 'http://localhost.evil.example/{z}/{x}/{y}']) {
      expect(await add(template), template).toMatchObject({ ok: false, error: { code: 'needs_confirmation' } })
    }
  })
})
