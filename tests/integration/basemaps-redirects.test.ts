import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { expandTemplate, fetchTile } from '../../src/main/services/basemaps/online'
import { plainHttpWarnings, templateExpansions } from '../../src/main/services/basemaps/plainHttp'
import { tilePng } from '../helpers/tiles'

// Where an online source's tiles really come from: every host its subdomains can name (not the
// template with its placeholders as 0), and every host a redirect leads to.

describe('plain http judged on every host a template can fetch from', () => {
  it('warns when any subdomain of a loopback-looking template leaves this computer', () => {
    for (const template of ['http://127.0.0.{switch:1,evil.example}/{z}/{x}/{y}', 'http://{switch:localhost,gis.example.gov.cn}/{z}/{x}/{y}', 'http://127.0.0.1{s}/{z}/{x}/{y}']) {
      expect(plainHttpWarnings(template).map((w) => w.code), template).toEqual(['basemap.plainHttp'])
    }
    // Named after the host that leaves: the person reads which one.
    expect(plainHttpWarnings('http://127.0.0.{switch:1,evil.example}/{z}/{x}/{y}')[0]!.message).toMatch(/^地址模板：127\.0\.0\.evil\.example 使用未加密的 http/)
  })

  it('asks nothing when every expansion stays on this computer, or for https', () => {
    for (const template of ['http://127.0.0.{switch:1,2,3}/{z}/{x}/{y}', 'http://{switch:localhost,127.0.0.1}:8080/{z}/{x}/{y}.png', 'https://t{switch:0,1,2,3,4,5,6,7}.tianditu.gov.cn/{z}/{x}/{y}']) {
      expect(plainHttpWarnings(template), template).toEqual([])
    }
  })

  it('expands every combination of subdomains, the ones tiles are fetched from among them', () => {
    const template = 'http://{s}{switch:1,2}.example/{z}/{x}/{y}'
    const expansions = templateExpansions(template)!
    expect(expansions).toHaveLength(6)
    for (const [x, y] of [[0, 0], [1, 0], [1, 1], [5, 2]]) {
      const fetched = new URL(expandTemplate(template, 3, x!, y!)).host
      expect(expansions.map((e) => new URL(e).host)).toContain(fetched)
    }
    // Too many to walk: not taken for loopback.
    const many = `http://127.0.0.{switch:${Array.from({ length: 20 }, (_, i) => i).join(',')}}{switch:${Array.from({ length: 20 }, (_, i) => i).join(',')}}/{z}/{x}/{y}`
    expect(templateExpansions(many)).toBeNull()
    expect(plainHttpWarnings(many).map((w) => w.code)).toEqual(['basemap.plainHttp'])
  })
})

describe('redirects of a tile', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })
  const redirect = (location: string) => new Response(null, { status: 302, headers: { location } })
  const png = () => new Response(Buffer.from(tilePng(1, 0, 0)), { status: 200, headers: { 'content-type': 'image/png' } })

  it('refuses an https tile redirected to http, without asking the http address', async () => {
    const fetched: string[] = []
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      fetched.push(String(input))
      return redirect('http://tiles.example.com/1/0/0.png')
    })
    const outcome = await fetchTile('https://tiles.example.com/1/0/0.png')
    expect(outcome).toEqual({ ok: false, missing: false, reason: '服务器把 https 请求转到了未加密的 http 地址（tiles.example.com），已拒绝；请检查地址模板或联系瓦片服务提供方' })
    expect(fetched).toEqual(['https://tiles.example.com/1/0/0.png'])
  })

  it('follows an https redirect (a CDN), and stops a loop', async () => {
    const fetched: string[] = []
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      fetched.push(String(input))
      return fetched.length === 1 ? redirect('https://cdn.example.com/t/1/0/0.png') : png()
    })
    expect(await fetchTile('https://tiles.example.com/1/0/0.png')).toMatchObject({ ok: true, contentType: 'image/png' })
    expect(fetched).toEqual(['https://tiles.example.com/1/0/0.png', 'https://cdn.example.com/t/1/0/0.png'])

    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => redirect('/again'))
    expect(await fetchTile('https://tiles.example.com/1/0/0.png')).toMatchObject({ ok: false, reason: '服务器跳转超过 5 次，已停止' })
  })

  describe('from a plain-http server on this computer', () => {
    let server: http.Server | undefined
    afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

    async function serve(handler: http.RequestListener): Promise<number> {
      server = http.createServer(handler)
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
      return (server.address() as AddressInfo).port
    }

    it('follows one to itself or another loopback name, refuses one to another machine over http', async () => {
      const requests: string[] = []
      const port = await serve((req, res) => {
        requests.push(req.url!)
        if (req.url === '/moved/1/0/0.png') return void res.writeHead(301, { location: `http://localhost:${port}/tiles/1/0/0.png` }).end()
        if (req.url === '/away/1/0/0.png') return void res.writeHead(302, { location: 'http://gis.example.invalid/1/0/0.png' }).end()
        res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from(tilePng(1, 0, 0)))
      })
      expect(await fetchTile(`http://127.0.0.1:${port}/moved/1/0/0.png`)).toMatchObject({ ok: true })
      expect(requests).toEqual(['/moved/1/0/0.png', '/tiles/1/0/0.png'])
      expect(await fetchTile(`http://127.0.0.1:${port}/away/1/0/0.png`)).toEqual({
        ok: false, missing: false, reason: '服务器把请求转到了另一台机器的未加密 http 地址（gis.example.invalid），已拒绝',
      })
    })
  })
})
