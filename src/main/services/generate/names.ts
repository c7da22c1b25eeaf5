// Unique names: a candidate is drawn a few times; if every draw is taken, the last one gets a
// building number ("浑南科创大厦 3 号楼") or, for companies and parcels, a caller-given variant.

export class NameBook {
  private readonly used = new Set<string>()

  has(name: string): boolean {
    return this.used.has(name)
  }

  /** Reserves a name that must be unique (throws when it is not). */
  add(name: string): string {
    if (this.used.has(name)) throw new Error(`generate: duplicate name ${name}`)
    this.used.add(name)
    return name
  }

  /**
   * Draws up to `tries` candidates and keeps the first free one; otherwise numbers the last:
   * `variant(base, 2)`, `variant(base, 3)` … until one is free.
   */
  unique(draw: () => string, variant: (base: string, n: number) => string, tries = 6): string {
    let candidate = ''
    for (let i = 0; i < tries; i++) {
      candidate = draw()
      if (!this.used.has(candidate)) return this.add(candidate)
    }
    for (let n = 2; ; n++) {
      const numbered = variant(candidate, n)
      if (!this.used.has(numbered)) return this.add(numbered)
    }
  }
}
