/**
 * A running sum that rounds exactly as SQLite's sum() does (Kahan–Babuška–Neumaier compensation,
 * SQLite ≥ 3.43's func.c): figures folded here from rows in the order SQL reads them equal, to the
 * last bit, the same figures SQL sums elsewhere (the building lists), so the map and a building's
 * page never disagree by a rounding. Zeros may be skipped: adding 0 changes neither term.
 */
export class SqliteSum {
  private sum = 0
  private err = 0

  add(value: number): void {
    const s = this.sum
    const t = s + value
    if (Math.abs(s) > Math.abs(value)) this.err += s - t + value
    else this.err += value - t + s
    this.sum = t
  }

  get value(): number {
    return Number.isFinite(this.err) ? this.sum + this.err : this.sum
  }
}
