import { floorSortKey } from '../../../shared/domain'

// A park host's floors as people write them ("20-42", "3、5、8-10", "B1-2", "12F", null = the whole
// building), read as ranges of floor sort keys, so the park's own figures come from the spaces on
// those floors.

const RANGE = /\s*(?:-|–|—|~|～|至|到)\s*/

export type FloorRanges = Array<[number, number]> | null

/** null: every floor (nothing given, or nothing readable). */
export function parseFloorRanges(floors: string | null): FloorRanges {
  if (!floors || !floors.trim()) return null
  const ranges: Array<[number, number]> = []
  for (const part of floors.split(/[,，、;；/\s]+/).filter(Boolean)) {
    const ends = part.split(RANGE).filter(Boolean)
    if (ends.length === 0 || !ends.every((e) => /\d/.test(e))) continue
    const first = floorSortKey(ends[0]!)
    const last = floorSortKey(ends[ends.length - 1]!)
    ranges.push([Math.min(first, last), Math.max(first, last)])
  }
  return ranges.length > 0 ? ranges : null
}

export const onFloors = (ranges: FloorRanges, floorSort: number): boolean =>
  ranges === null || ranges.some(([lo, hi]) => floorSort >= lo && floorSort <= hi)
