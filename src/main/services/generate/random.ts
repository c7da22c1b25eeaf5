import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { uniformInt } from 'pure-rand/distribution/uniformInt'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator'
import { type Random, randomFrom } from '../demo/random'

// The generator's randomness: pure-rand's xoroshiro128+, seeded from the command line. It has the
// demo's Random interface (so the demo's helpers for phones and contact names work on it) plus
// normal draws and UUIDs. Each part of the dataset draws from its own stream, `jump()`ed 2^64
// steps apart from the others, so `--parcels` does not change the buildings and vice versa.

export interface GenRandom extends Random {
  /** Standard normal draw (Box–Muller). */
  gaussian(): number
  /** Uniform on a log scale in [min, max): most draws small, a long tail of large ones. */
  logUniform(min: number, max: number): number
  /** An RFC 4122 version-4 UUID made of seeded bits, so ids repeat with the seed. */
  uuid(): string
}

/** The dataset's streams, in a fixed order: adding one at the end leaves the others unchanged. */
export const STREAMS = ['buildings', 'parcels', 'tenants', 'groups'] as const
export type StreamName = (typeof STREAMS)[number]

/** xoroshiro128+ seeds its state directly from the number; a few draws mix nearby seeds apart. */
const WARM_UP = 32

export function createStream(seed: number, stream: StreamName): GenRandom {
  const rng = xoroshiro128plus(seed >>> 0)
  for (let i = 0; i < WARM_UP; i++) rng.next()
  for (let i = 0; i <= STREAMS.indexOf(stream); i++) rng.jump()
  return wrap(rng)
}

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0')

function wrap(rng: JumpableRandomGenerator): GenRandom {
  const next = () => uniformFloat64(rng)
  const random: GenRandom = {
    ...randomFrom(next, (min, max) => uniformInt(rng, min, max)),
    gaussian: () => {
      const u = 1 - next() // (0, 1]: log(0) never happens
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next())
    },
    logUniform: (min, max) => Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min))),
    uuid: () => {
      const a = rng.next()
      const b = (rng.next() & 0xffff0fff) | 0x00004000 // version 4
      const c = (rng.next() & 0x3fffffff) | 0x80000000 // variant 10xx
      const d = rng.next()
      const h = hex8(a) + hex8(b) + hex8(c) + hex8(d)
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
    },
  }
  return random
}
