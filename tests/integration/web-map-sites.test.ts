import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildGeneratedDataset } from '../../src/main/services/generate/dataset'
import { loadGeneratedData } from '../../src/main/services/generate/load'
import { acceptsGzip, encodeResult } from '../../src/main/web/encode'
import { createWebServer } from '../../src/main/web/server'
import { openTestApp, type TestApp, tempDir } from '../helpers/store'
import { decodeMapSites, type MapSitesWire } from '../../src/shared/mapSitesWire'

// The browser host sends map.sites as the JSON of the kept answer, gzipped for a client that
// accepts it, and never the bytes of an answer older than the last write — whether it holds the
// answer itself or, as with the store runtime, receives the body a worker made (dispatchEncoded).

describe.each([
  { host: 'in process', json: false },
  { host: 'the body made by a worker', json: true },
])('map.sites over HTTP ($host)', ({ json }) => {
  let app: TestApp
  let port: number
  let close: () => Promise<void>
  const token = 'token-map'

  beforeAll(async () => {
    app = await openTestApp()
    await loadGeneratedData(app.services.ctx, buildGeneratedDataset({ seed: 5, buildings: 300, parcels: 30, today: '2025-06-15' }))
    const dispatch = app.services.dispatch
    // What runtime/worker.ts sends the host for a call: the body, kept for a kept answer, arriving as a copy.
    const dispatchEncoded = json
      ? async (method: string, input: unknown, gzipOk: boolean) => {
          const { body, gzipped } = await encodeResult(await dispatch(method, input), gzipOk)
          return { body: Buffer.from(body), gzipped }
        }
      : undefined
    const server = createWebServer({ dispatch, dispatchEncoded, staticDir: tempDir(), token })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
    close = () => new Promise((resolve) => server.close(() => resolve()))
  }, 60_000)
  afterAll(async () => {
    await close()
    await app.close()
  })

  const post = (method: string, body: unknown, encoding: string) =>
    new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: `/rpc/${method}`, headers: { authorization: `Bearer ${token}`, 'accept-encoding': encoding } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end(JSON.stringify(body))
    })

  it('sends the same JSON plain and gzipped, as the dispatcher answers it', async () => {
    const plain = await post('map.sites', {}, 'identity')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString('utf8')).toBe(JSON.stringify(await app.services.dispatch('map.sites', {})))
    const zipped = await post('map.sites', {}, 'gzip, deflate, br')
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers.vary).toBe('accept-encoding')
    // The columns (mapSitesWire.ts) repeat no keys, so gzip gains less than on objects, still over half.
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2)
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true)
    // Small answers go plain whatever the client accepts.
    expect((await post('meta.info', {}, 'gzip')).headers['content-encoding']).toBeUndefined()
  })

  it('sends the answer after a write, not the bytes kept from before it', async () => {
    const before = JSON.parse(gunzipSync((await post('map.sites', {}, 'gzip')).body).toString('utf8')) as { value: MapSitesWire }
    const target = decodeMapSites(before.value).buildings[0]!
    await app.ok('buildings.update', { id: target.id, name: '改名后的大厦' })
    for (const encoding of ['gzip', 'identity']) {
      const { body, headers } = await post('map.sites', {}, encoding)
      const text = (headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8')
      const after = JSON.parse(text) as typeof before
      expect(decodeMapSites(after.value).buildings.find((b) => b.id === target.id)!.name).toBe('改名后的大厦')
    }
  })

  it('reads Accept-Encoding as HTTP says: a q of 0 refuses gzip', () => {
    expect(acceptsGzip('gzip')).toBe(true)
    expect(acceptsGzip('deflate, GZIP;q=0.5')).toBe(true)
    expect(acceptsGzip('gzip;q=0')).toBe(false)
    expect(acceptsGzip('br, deflate')).toBe(false)
    expect(acceptsGzip(undefined)).toBe(false)
  })
})
