// A small seeded generator (mulberry32) so the demo dataset is the same on every machine and
// every run: two stores loaded on the same day hold the same names, areas and figures.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number
  /** Uniform in [min, max), rounded to `digits` decimals. */
  float(min: number, max: number, digits?: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** Picks by weight: `[[item, weight], …]`. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[]
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return randomFrom(next, (min, max) => min + Math.floor(next() * (max - min + 1)))
}

/** `value` rounded to `digits` decimals. */
export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

/**
 * The Random helpers over a source of uniform draws in [0, 1) and of integers in [min, max]: the
 * demo's mulberry32 and the generator's pure-rand streams both build on this.
 */
export function randomFrom(next: () => number, int: (min: number, max: number) => number): Random {
  return {
    next,
    int,
    float: (min, max, digits = 2) => round(min + next() * (max - min), digits),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[int(0, items.length - 1)]!
    },
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0)
      let roll = next() * total
      for (const [item, w] of items) {
        roll -= w
        if (roll < 0) return item
      }
      return items[items.length - 1]![0]
    },
    shuffle: (items) => {
      const copy = [...items]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i)
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy
    },
  }
}
