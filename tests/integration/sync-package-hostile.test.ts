import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PACKAGE_FORMAT, PACKAGE_LIMITS, PACKAGE_VERSION, type PackageHeader, type SyncOp } from '../../src/shared/sync'
import { createServices, type Services } from '../../src/main/services'
import { readPackage } from '../../src/main/services/sync/packageRead'
import { openStore, type Store } from '../../src/main/store/open'
import { dumpAll } from '../helpers/syncDevices'
import { tempDir } from '../helpers/store'

// A sync package is a file someone handed us: every kind of crafted or damaged one is refused with
// a sentence saying why, before anything is written (no backup, no row, no peer).

const DEVICE = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
const HLC = `0001796185985082-0000-${DEVICE}`
const BUILDING = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'

const header = (over: Partial<PackageHeader> = {}): PackageHeader => ({
  format: PACKAGE_FORMAT,
  version: PACKAGE_VERSION,
  device: DEVICE,
  actor: '王五',
  createdAt: '2026-12-02T04:00:00.000Z',
  knows: { [DEVICE]: HLC },
  base: null,
  ops: 1,
  blobs: 0,
  ...over,
})

const op = (seq: number, over: Partial<SyncOp> = {}): SyncOp => ({
  id: `${HLC}:${seq}`,
  hlc: HLC,
  device: DEVICE,
  actor: '王五',
  at: '2026-12-02T04:00:00.000Z',
  table: 'buildings',
  row: BUILDING,
  op: 'insert',
  field: 'name',
  old: null,
  value: JSON.stringify(`楼宇 ${seq}`),
  pred: [],
  ...over,
})

const lines = (...items: unknown[]) => Buffer.from(items.map((i) => (typeof i === 'string' ? i : JSON.stringify(i))).join('\n') + '\n')

let dir: string
let store: Store
let services: Services
let before: string

beforeAll(async () => {
  dir = tempDir('site-atlas-pkg-hostile-')
  store = await openStore(path.join(dir, 'atlas.db'))
  services = await createServices(store, '李四', { deviceDir: path.join(dir, 'device'), backupSchedule: false })
  const created = await services.dispatch('buildings.create', { name: '财富中心', districtCode: '210112', lng: 123.45, lat: 41.72 })
  if (!created.ok) throw new Error('create')
  before = dumpAll(store)
})

afterAll(async () => {
  await services.shutdown()
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

let n = 0
/** Writes the bytes as a package, imports it, and checks it was refused and nothing was written. */
async function refused(bytes: Buffer | Uint8Array): Promise<string> {
  const file = path.join(dir, `hostile-${++n}.sitechanges`)
  fs.writeFileSync(file, bytes)
  const picked = await services.registerFile(file)
  if (!picked.ok) throw new Error(JSON.stringify(picked.error))
  const result = await services.dispatch('sync.importPackage', { uploadId: picked.value.uploadId })
  expect(result.ok).toBe(false)
  if (result.ok) return ''
  expect(result.error.code).toBe('invalid')
  expect(result.error.message).toMatch(/^修改包：/)
  expect(dumpAll(store)).toBe(before)
  expect(fs.existsSync(path.join(dir, 'backups')) ? fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.includes('before-import')) : []).toEqual([])
  // The photo bytes kept while reading are gone too.
  expect(fs.readdirSync(dir).filter((f) => f.startsWith('sync-blobs-'))).toEqual([])
  return result.error.message
}

/** A gzip stream of `total` bytes of `fill` (no newline) after a header line, made a block at a time. */
async function bomb(total: number, fill: number): Promise<Buffer> {
  const gzip = zlib.createGzip({ level: 9 })
  const chunks: Buffer[] = []
  gzip.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise((resolve) => gzip.on('end', resolve))
  gzip.write(lines(header({ ops: 1 })))
  const block = Buffer.alloc(1024 ** 2, fill)
  for (let written = 0; written < total; written += block.length) {
    if (!gzip.write(block)) await new Promise((resolve) => gzip.once('drain', resolve))
  }
  gzip.end()
  await ended
  return Buffer.concat(chunks)
}

describe('hostile sync packages', () => {
  it('accepts the well-formed package these are made from', async () => {
    const file = path.join(dir, 'good.sitechanges')
    fs.writeFileSync(file, zlib.gzipSync(lines(header(), op(1))))
    const pkg = await readPackage(file, dir)
    expect(pkg.ops).toHaveLength(1)
    await pkg.dispose()
  })

  it('refuses a file that is not gzip, or gzip of something else', async () => {
    expect(await refused(Buffer.from('{"format":"site-atlas-changes"}\n'))).toContain('不是 gzip')
    expect(await refused(zlib.gzipSync(Buffer.from('楼宇名称,地址\n财富中心,浑南\n')))).toContain('不是 Site Atlas 修改包')
    expect(await refused(zlib.gzipSync(lines({ ...header(), format: 'other-app' }, op(1))))).toContain('不是 Site Atlas 修改包')
    expect(await refused(Buffer.alloc(0))).toContain('空')
  })

  it('refuses a package from a newer version, and a header that lies', async () => {
    expect(await refused(zlib.gzipSync(lines(header({ version: PACKAGE_VERSION + 1 }), op(1))))).toContain('更新版本')
    expect(await refused(zlib.gzipSync(lines({ ...header(), device: "x'; DROP TABLE buildings; --" }, op(1))))).toContain('文件头无效')
    expect(await refused(zlib.gzipSync(lines(header({ ops: PACKAGE_LIMITS.maxOps + 1 }), op(1))))).toContain('文件头无效')
    // An operation past what the header says its writer held.
    expect(await refused(zlib.gzipSync(lines(header({ knows: { [DEVICE]: '0000000000000001-0000-x' } }), op(1))))).toContain('与文件头不符')
  })

  it('refuses a truncated package, and one with fewer lines than its header declares', async () => {
    const whole = zlib.gzipSync(lines(header({ ops: 3 }), op(1), op(2), op(3)))
    expect(await refused(whole.subarray(0, Math.floor(whole.length / 2)))).toContain('不完整')
    expect(await refused(zlib.gzipSync(lines(header({ ops: 3 }), op(1), op(2))))).toContain('不完整')
  })

  it('refuses damaged gzip data', async () => {
    const whole = Buffer.from(zlib.gzipSync(lines(header({ ops: 3 }), op(1), op(2), op(3))))
    for (let i = 20; i < whole.length - 12; i += 7) whole[i] = whole[i]! ^ 0x5a
    expect(await refused(whole)).toMatch(/损坏|不完整|无效/)
  })

  it('refuses more operations than declared, and a header beyond the limits', async () => {
    expect(await refused(zlib.gzipSync(lines(header({ ops: 1 }), op(1), op(2))))).toContain('多于文件头声明')
    const file = path.join(dir, 'many.sitechanges')
    fs.writeFileSync(file, zlib.gzipSync(lines(header({ ops: 3 }), op(1), op(2), op(3))))
    await expect(readPackage(file, dir, { ...PACKAGE_LIMITS, maxOps: 2 })).rejects.toThrow(/超过上限 2 条/)
  })

  it('refuses crafted operations: unknown table, field names with SQL, values that are not JSON, repeated ids', async () => {
    expect(await refused(zlib.gzipSync(lines(header(), op(1, { table: 'sqlite_master' }))))).toContain('第 2 行的修改无效')
    expect(await refused(zlib.gzipSync(lines(header(), op(1, { field: 'name = 1; --' }))))).toContain('第 2 行的修改无效')
    expect(await refused(zlib.gzipSync(lines(header(), op(1, { value: '{not json' }))))).toContain('第 2 行的修改无效')
    expect(await refused(zlib.gzipSync(lines(header(), op(1, { id: 'other:1' }))))).toContain('第 2 行的修改无效')
    expect(await refused(zlib.gzipSync(lines(header({ ops: 2 }), op(1), op(1))))).toContain('重复')
    expect(await refused(zlib.gzipSync(lines(header(), '{"id": ')))).toContain('第 2 行不是有效的数据')
  })

  it('refuses a photo whose bytes do not have the digest its operation names', async () => {
    const real = Buffer.from('the real photo bytes')
    const sha256 = createHash('sha256').update(real).digest('hex')
    const photoOp = op(1, { table: 'photos', field: 'bytes', value: JSON.stringify({ bytes: real.length, sha256 }) })
    const forged = { sha256, data: Buffer.from('some other bytes!!!!').toString('base64') }
    expect(await refused(zlib.gzipSync(lines(header({ blobs: 1 }), photoOp, forged)))).toContain('校验值不符')
    // A photo no operation names, and the same photo twice.
    const stray = Buffer.from('stray')
    const strayLine = { sha256: createHash('sha256').update(stray).digest('hex'), data: stray.toString('base64') }
    expect(await refused(zlib.gzipSync(lines(header({ blobs: 1 }), photoOp, strayLine)))).toContain('不属于')
    const good = { sha256, data: real.toString('base64') }
    expect(await refused(zlib.gzipSync(lines(header({ blobs: 2 }), photoOp, good, good)))).toContain('重复')
  })

  it('refuses a 100 MB line, stopping at the line limit', async () => {
    expect(await refused(await bomb(100 * 1024 ** 2, 0x61))).toContain('超过 64 MB')
  })

  it('refuses a gzip bomb: inflating stops at the inflated limit', async () => {
    // A bomb of short valid-looking lines: the line limit never trips, the inflated limit does.
    const gzip = zlib.gzipSync(Buffer.concat([lines(header({ ops: 200_000 })), ...Array.from({ length: 20 }, (_, i) => lines(...Array.from({ length: 5000 }, (_, j) => op(i * 5000 + j + 1))))]))
    const file = path.join(dir, 'bomb.sitechanges')
    fs.writeFileSync(file, gzip)
    await expect(readPackage(file, dir, { ...PACKAGE_LIMITS, maxInflatedBytes: 1024 ** 2 })).rejects.toThrow(/解压后超过 1 MB 上限/)
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('sync-blobs-'))).toEqual([])
  })

  it('refuses a file larger than the file limit without reading it, and one that takes too long', async () => {
    const file = path.join(dir, 'big.sitechanges')
    fs.writeFileSync(file, zlib.gzipSync(lines(header(), op(1))))
    await expect(readPackage(file, dir, { ...PACKAGE_LIMITS, maxFileBytes: 10 })).rejects.toThrow(/超过上限/)
    await expect(readPackage(file, dir, { ...PACKAGE_LIMITS, maxSeconds: -1 })).rejects.toThrow(/秒/)
  })
})
