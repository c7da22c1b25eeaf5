import fs from 'node:fs'
import path from 'node:path'
import { zipSync } from 'fflate'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { MAX_CSV_FIELDS } from '../../src/main/services/imports/read/csv'
import { readTable } from '../../src/main/services/imports/read'
import { MAX_XLSX_CELLS } from '../../src/main/services/imports/read/xlsx'
import { DomainError } from '../../src/shared/result'
import { peakMemoryDuring } from '../helpers/hostileFiles'
import { writeBytes, writeCsv, writeGeoJson, writeKml, writeShapefileZip, writeXlsx } from '../helpers/importFiles'
import { tempDir } from '../helpers/store'

// Every importer reader (XLSX, CSV, KML/KMZ, GeoJSON, zipped shapefiles) fed hostile files: nesting
// that exhausts the stack, lines of millions of fields, a KMZ whose KML inflates past a plain
// file's limit, a workbook with more rows than the limit, and random, truncated and bit-flipped
// files. Each ends in a table or a whole-file refusal in Chinese ('导入文件：…'), memory bounded.

vi.setConfig({ testTimeout: 60_000 })

const MB = 1024 * 1024
let dir: string
beforeAll(() => {
  dir = tempDir('site-atlas-hostile-imports-')
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** The refusal's message; fails when the read succeeds or fails with anything but a whole-file DomainError. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).field).toBe('file')
    return (error as Error).message
  }
  throw new Error('expected a refusal')
}

describe('hostile import files', () => {
  it('refuses GeoJSON properties nested deep enough to exhaust the stack, in Chinese (was "Maximum call stack size exceeded")', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`
    const file = writeBytes(dir, 'deep-props.geojson', `{"type":"Feature","geometry":null,"properties":{"a":${deep}}}`)
    expect(await refusal(readTable(file, 'deep-props.geojson'))).toBe('导入文件：GeoJSON 第 1 个要素的属性嵌套超过 32 层，无法读取')
    // A little JSON in a property is still a cell.
    const fine = writeGeoJson(dir, 'props.geojson', { type: 'Feature', geometry: null, properties: { 楼层: [[1, 2], { a: [3] }] } })
    expect((await readTable(fine, 'props.geojson')).sheets[0]!.rows[1]![0]).toBe('[[1,2],{"a":[3]}]')
  })

  it('refuses a CSV line of millions of fields before the parser splits it', async () => {
    const file = writeBytes(dir, 'wide.csv', `名称,${','.repeat(40_000_000)}\n`)
    expect(await refusal(readTable(file, 'wide.csv'))).toBe('导入文件：第 1 行列数超过上限 200 列')
    // Quoted delimiters are text, not fields.
    const quoted = writeBytes(dir, 'quoted.csv', `名称,备注\n甲,"${','.repeat(MAX_CSV_FIELDS + 10)}"\n`)
    expect((await readTable(quoted, 'quoted.csv')).sheets[0]!.rows).toHaveLength(2)
  })

  it('refuses a KMZ whose KML inflates past the size a plain KML may have, before inflating it', async () => {
    const placemarks = '<Placemark><name>甲</name></Placemark>'.repeat(200_000)
    const file = writeBytes(dir, 'big.kmz', zipSync({ 'doc.kml': new TextEncoder().encode(`<kml><Document>${placemarks}</Document></kml>`) }, { level: 9 }))
    const { value } = await peakMemoryDuring(() => refusal(readTable(file, 'big.kmz', { limits: { maxBytes: 2 * MB } })))
    expect(value).toMatch(/^导入文件：KMZ 文件中的“doc\.kml”解压后 \d+(\.\d)? MB，超过上限 2 MB$/)
    const small = writeBytes(dir, 'small.kmz', zipSync({ 'doc.kml': new TextEncoder().encode(`<kml><Document>${'<Placemark><name>甲</name></Placemark>'.repeat(2000)}</Document></kml>`) }))
    expect((await readTable(small, 'small.kmz', { limits: { maxBytes: 2 * MB } })).sheets[0]!.rows.length).toBeGreaterThan(1000)
  })

  it('refuses a workbook over the row or cell limit from its XML, before exceljs makes an object per cell', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`楼宇${i}`, i])
    const file = await writeXlsx(dir, 'rows.xlsx', [{ name: '楼宇', rows }])
    expect(await refusal(readTable(file, 'rows.xlsx', { limits: { maxRows: 30 } }))).toBe('导入文件：行数超过上限 30 行，请拆分后分批导入')
    expect(MAX_XLSX_CELLS).toBeGreaterThanOrEqual(300_000 * 10)
  })

  describe('random and damaged files', () => {
    /** Valid files of each kind, made here, that the properties truncate and flip. */
    const seeds: Array<{ name: string; bytes: Uint8Array }> = []
    beforeAll(async () => {
      const features = [
        { properties: { 名称: '浑南地块一', 面积: 12000 }, polygon: [[123.4, 41.7], [123.41, 41.7], [123.41, 41.71]] as Array<[number, number]> },
        { properties: { 名称: '浑南地块二', 面积: null }, point: [123.45, 41.75] as [number, number] },
      ]
      const files = [
        await writeXlsx(dir, 'seed.xlsx', [{ name: '楼宇', rows: [['楼宇名称', '地址', '面积'], ['华润大厦', '青年大街', 52000]] }]),
        writeCsv(dir, 'seed.csv', [['楼宇名称', '地址'], ['华润大厦', '青年大街']], { encoding: 'gb18030' }),
        writeGeoJson(dir, 'seed.geojson', features),
        writeKml(dir, 'seed.kml', features),
        writeKml(dir, 'seed.kmz', features, { kmz: true }),
        writeShapefileZip(dir, 'seed.zip', features.slice(0, 1)),
      ]
      for (const file of files) seeds.push({ name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) })
    })

    let n = 0
    /** Reads the bytes under a name: a table or a whole-file refusal, nothing else. */
    async function readsOrRefuses(bytes: Uint8Array, name: string): Promise<void> {
      const file = writeBytes(dir, `case-${++n}-${name}`, bytes)
      try {
        const table = await readTable(file, name, { limits: { maxMs: 10_000 } })
        expect(Array.isArray(table.sheets)).toBe(true)
      } catch (error) {
        if (!(error instanceof DomainError)) throw new Error(`${name}: not a refusal: ${String(error)}`)
        expect(error.message).toMatch(/^导入文件：/)
      } finally {
        fs.rmSync(file, { force: true })
      }
    }

    const extensions = ['xlsx', 'csv', 'geojson', 'json', 'kml', 'kmz', 'zip', 'txt']

    it('reads or refuses random bytes under every extension', async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 4096 }), fc.constantFrom(...extensions), (bytes, ext) => readsOrRefuses(bytes, `random.${ext}`)),
        { numRuns: 120 },
      )
    })

    it('reads or refuses truncated and bit-flipped valid files of every kind', async () => {
      const seed = fc.integer({ min: 0, max: seeds.length - 1 })
      const damage = fc.oneof(
        fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
        fc.record({ kind: fc.constant('flip' as const), flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 }) }),
      )
      await fc.assert(
        fc.asyncProperty(seed, damage, async (i, d) => {
          const { name, bytes } = seeds[i]!
          const copy = d.kind === 'truncate' ? bytes.slice(0, Math.floor(bytes.length * d.at)) : bytes.slice()
          if (d.kind === 'flip') for (const [at, bit] of d.flips) copy[Math.floor(at * copy.length)]! ^= 1 << bit
          await readsOrRefuses(copy, name)
        }),
        { numRuns: 150 },
      )
    })

    it('reads or refuses text files of hostile characters: controls, lone surrogates, bidi overrides, formulas', async () => {
      const hostileText = fc.string({ unit: fc.constantFrom('\u0000', '\u0007', '\r', '\n', '\u202e', '\ud800', '"', ',', '=', '+', '@', '甲', '<', '{', '&') , maxLength: 2000 })
      await fc.assert(
        fc.asyncProperty(hostileText, fc.constantFrom('csv', 'geojson', 'kml', 'txt'), (text, ext) => readsOrRefuses(new TextEncoder().encode(text), `text.${ext}`)),
        { numRuns: 80 },
      )
    })
  })
})
