import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { inspectMbtiles, MbtilesReader } from '../../src/main/services/basemaps/mbtiles'
import { PmtilesReader } from '../../src/main/services/basemaps/pmtiles'
import { checkImage } from '../../src/main/services/photos/image'
import { processPhoto } from '../../src/main/services/photos/process'
import { MAX_PHOTO_PIXELS } from '../../src/shared/photos'
import { DomainError } from '../../src/shared/result'
import { directoryBytes, packTiles, peakMemoryDuring, pmtilesBytes, pngClaiming } from '../helpers/hostileFiles'
import { tempDir } from '../helpers/store'
import { smallPyramid, tilePng, writeMbtiles } from '../helpers/tiles'

// Property tests of the map package and photo readers (issue 12): random bytes, truncated and
// bit-flipped valid files, and crafted header claims always end in a valid result or a refusal in
// Chinese ('地图包：…', '照片：…') — never another error, a hang or unbounded memory.

vi.setConfig({ testTimeout: 60_000 })

const MB = 1024 * 1024
let dir: string
beforeAll(() => {
  dir = tempDir('site-atlas-hostile-property-')
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })
/** A valid file damaged: cut short, or a few bits flipped. */
type Damage = { kind: 'truncate'; at: number } | { kind: 'flip'; flips: Array<[number, number]> }
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({ kind: fc.constant('flip' as const), flips: fc.array(fc.tuple(fraction, fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 }) }),
)
function damaged(bytes: Uint8Array, d: Damage): Uint8Array {
  if (d.kind === 'truncate') return bytes.slice(0, Math.floor(bytes.length * d.at))
  const copy = bytes.slice()
  for (const [at, bit] of d.flips) copy[Math.floor(at * copy.length)]! ^= 1 << bit
  return copy
}

/** Runs `read`; a DomainError must carry the reader's prefix, anything else thrown fails. */
async function validOrRefused(prefix: RegExp, read: () => Promise<unknown>): Promise<void> {
  try {
    await read()
  } catch (error) {
    if (!(error instanceof DomainError)) throw new Error(`not a refusal: ${String(error)}`)
    expect(error.message).toMatch(prefix)
  }
}

let n = 0
const scratch = (name: string, bytes: Uint8Array) => {
  const file = path.join(dir, `${++n}-${name}`)
  fs.writeFileSync(file, bytes)
  return file
}

describe('map package readers', () => {
  async function pmtilesRead(file: string): Promise<void> {
    const reader = await PmtilesReader.open(file)
    try {
      await reader.inspect()
      for (const f of smallPyramid()) {
        const bytes = await reader.read(f.z, f.x, f.y)
        if (bytes) expect(bytes.byteLength).toBeLessThanOrEqual(4 * MB)
      }
    } finally {
      await reader.close()
    }
  }

  function mbtilesRead(file: string): Promise<void> {
    inspectMbtiles(file)
    const reader = new MbtilesReader(file)
    try {
      for (const f of smallPyramid()) reader.read(f.z, f.x, f.y)
    } finally {
      reader.close()
    }
    return Promise.resolve()
  }

  const pmtilesSeed = () => {
    const { entries, data } = packTiles(smallPyramid())
    return new Uint8Array(pmtilesBytes({ root: zlib.gzipSync(directoryBytes(entries)), metadata: zlib.gzipSync('{"name":"浑南"}'), data, internalCompression: 2 }))
  }

  it('PMTiles: random bytes behind the magic, damaged archives and any header claim are read or refused', async () => {
    const seed = pmtilesSeed()
    const u64 = fc.oneof(fc.nat(), fc.constantFrom(0, 127, 16_384, 2 ** 31, 3 * 1024 ** 3, 2 ** 53 - 1, 2 ** 53 + 2, 2 ** 63))
    const claims = fc.dictionary(fc.constantFrom('8', '16', '24', '32', '40', '48', '56', '64'), u64, { maxKeys: 4 })
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }).map((tail) => new Uint8Array([...Buffer.from('PMTiles\x03'), ...tail])),
          damage.map((d) => damaged(seed, d)),
          claims.map((c) => {
            const copy = Buffer.from(seed)
            for (const [at, v] of Object.entries(c)) copy.writeBigUInt64LE(BigInt(Math.min(v, 2 ** 64 - 1)), Number(at))
            return new Uint8Array(copy)
          }),
        ),
        async (bytes) => validOrRefused(/^地图包：/, () => pmtilesRead(scratch('p.pmtiles', bytes))),
      ),
      { numRuns: 150 },
    )
  })

  it('MBTiles: random, truncated and bit-flipped SQLite files are read or refused', async () => {
    const seedFile = path.join(dir, 'seed.mbtiles')
    writeMbtiles(seedFile, smallPyramid())
    const seed = new Uint8Array(fs.readFileSync(seedFile))
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 8192 }).map((tail) => new Uint8Array([...Buffer.from('SQLite format 3\0'), ...tail])),
          damage.map((d) => damaged(seed, d)),
        ),
        async (bytes) => validOrRefused(/^地图包：/, () => mbtilesRead(scratch('m.mbtiles', bytes))),
      ),
      { numRuns: 60 },
    )
  })
})

describe('photo readers', () => {
  it('refuses images whose header claims more than the pixel limit before anything decodes them', async () => {
    for (const [w, h] of [[20000, 20000], [2147483647, 2147483647], [100_000, 1001], [1, 2 ** 31 - 1]] as const) {
      const png = pngClaiming(w, h)
      expect(png.length).toBeLessThan(64 * 1024)
      const { value, peakGrowth } = await peakMemoryDuring(() => processPhoto(png))
      expect(value).toBeInstanceOf(DomainError)
      expect((value as Error).message).toMatch(/^照片：图片尺寸过大/)
      expect(peakGrowth).toBeLessThan(200 * MB)
    }
    expect(checkImage(pngClaiming(10000, 10000))).toMatchObject({ width: 10000, height: 10000 })
    expect(10000 * 10000).toBeLessThanOrEqual(MAX_PHOTO_PIXELS)
  })

  it('reads or refuses random, truncated, bit-flipped and header-claiming images', async () => {
    const seed = tilePng(3, 4, 5)
    const claim = fc.tuple(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })).map(([w, h]) => new Uint8Array(pngClaiming(w, h)))
    const jpegish = fc.uint8Array({ maxLength: 2048 }).map((tail) => new Uint8Array([0xff, 0xd8, 0xff, ...tail]))
    const webpish = fc.uint8Array({ maxLength: 2048 }).map((tail) => new Uint8Array([...Buffer.from('RIFF\0\0\0\0WEBPVP8 '), ...tail]))
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2048 }), damage.map((d) => damaged(seed, d)), claim, jpegish, webpish), async (bytes) => {
        await validOrRefused(/^照片：/, async () => {
          const photo = await processPhoto(bytes, { deadlineSeconds: 5 })
          expect(photo.width * photo.height).toBeLessThanOrEqual(MAX_PHOTO_PIXELS)
        })
      }),
      { numRuns: 150 },
    )
  })
})
