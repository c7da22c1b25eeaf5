// Floor labels as people type them. "12", "12F", "12层", "12楼", "F12" and "第12层" are one floor;
// "B1", "-1", "B1F", "地下1层" and "负1层" are one basement. A run of floors ("12-18", "12–18层",
// "12至18层") is one label for space spanning them. There is no floor 0: B1 sits under 1.
// The canonical label is what is stored, so a floor is one floor in every list, check and sum.
// Labels that name no number (整栋, 屋顶, 夹层) are kept as typed, trimmed.

export interface FloorLabel {
  /** The stored form: "12", "B1", "12-18", or the trimmed text when it names no floor number. */
  label: string
  /** Sort key: basements negative, B2 < B1 < 1 < 2; a run sorts by its lowest floor. */
  sort: number
  /** The storeys the label covers, bottom to top (B1 = -1), or null when it names none. */
  storeys: number[] | null
}

const DASH = '[-–—~～至到]'
const ABOVE = new RegExp(`^(?:第)?(?:F)?(\\d{1,3})(?:F|层|楼)?(?:${DASH}(?:F)?(\\d{1,3})(?:F|层|楼)?)?$`)
// The end of a run that starts underground is a basement only when it says so: B2-B1 is two
// basements, B2-1 runs from B2 up to the first floor.
const BELOW = new RegExp(`^(?:B|-|地下|负)(\\d{1,2})(?:F|层|楼)?(?:${DASH}(B|地下|负)?(\\d{1,2})(?:F|层|楼)?)?$`)

/** A storey as a label: 12 → "12", -1 → "B1". */
export const storeyLabel = (storey: number): string => (storey < 0 ? `B${-storey}` : String(storey))

/** The storeys from a to b inclusive (either order), skipping 0: range(-2, 2) → -2, -1, 1, 2. */
export function storeyRange(a: number, b: number): number[] {
  const [lo, hi] = a <= b ? [a, b] : [b, a]
  const out: number[] = []
  for (let s = lo; s <= hi; s++) if (s !== 0) out.push(s)
  return out
}

/** Reads a typed floor label; see the file comment for what is one floor. */
export function parseFloorLabel(typed: string): FloorLabel {
  const trimmed = typed.normalize('NFKC').trim()
  const text = trimmed.toUpperCase().replace(/\s+/g, '')
  const above = ABOVE.exec(text)
  if (above && Number(above[1]) > 0 && (above[2] === undefined || Number(above[2]) > 0)) {
    return run(Number(above[1]), above[2] === undefined ? undefined : Number(above[2]))
  }
  const below = BELOW.exec(text)
  if (below && Number(below[1]) > 0 && (below[3] === undefined || Number(below[3]) > 0)) {
    return run(-Number(below[1]), below[3] === undefined ? undefined : (below[2] ? -1 : 1) * Number(below[3]))
  }
  return { label: trimmed, sort: legacySortKey(trimmed), storeys: null }
}

function run(first: number, last: number | undefined): FloorLabel {
  if (last === undefined || last === first) return { label: storeyLabel(first), sort: first, storeys: [first] }
  const storeys = storeyRange(first, last)
  const lo = storeys[0]!
  const hi = storeys[storeys.length - 1]!
  return { label: `${storeyLabel(lo)}-${storeyLabel(hi)}`, sort: lo, storeys }
}

/** The sort key of a label that names no floor number: its first number, basements negative. */
function legacySortKey(label: string): number {
  const text = label.toUpperCase()
  const basement = /^(B|-|地下)/.test(text)
  const match = /(\d+(?:\.\d+)?)/.exec(text)
  if (!match) return 0
  const n = Number(match[1])
  return basement ? -n : n
}

/** The canonical label of a typed floor ("12F" → "12", "地下1层" → "B1"). */
export const canonicalFloorLabel = (typed: string): string => parseFloorLabel(typed).label

/** A unit as compared for "one space per floor + unit": trimmed, full-width folded, case-blind; empty = none. */
export function unitKey(unit: string | null | undefined): string {
  return (unit ?? '').normalize('NFKC').trim().toUpperCase()
}

/** The identity of a space in its building: canonical floor + unit. */
export const floorUnitKey = (floorLabel: string, unit: string | null | undefined): string =>
  `${canonicalFloorLabel(floorLabel)}|${unitKey(unit)}`

/**
 * Reads a range of floors typed in one box: "12-18", "12–18层", "B2-3", "12". Returns the storeys,
 * bottom to top, or null when the text names no floors.
 */
export function parseFloorRange(typed: string): number[] | null {
  return parseFloorLabel(typed).storeys
}
