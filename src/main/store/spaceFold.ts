import type { FitOut } from '../../shared/domain'
import { LEASABLE_STATUSES } from './figures'
import { SqliteSum } from './sqliteSum'

/**
 * A live space as the map's one pass reads it: building id, floor sort key, status, area (m²),
 * asking rent, fit-out. A row of cells, not an object: 200,000 of these are read per pass.
 */
export type SpaceCells = [building: string, floor: number, status: string, area: number, rent: number | null, fitOut: string | null]

/** The figures the map shows of a building with live spaces. */
export interface SpaceFigures {
  leasableArea: number
  vacantArea: number
  vacancyRate: number | null
  largestVacantBlock: number
  rentMin: number | null
  rentMax: number | null
  vacantFitOuts: FitOut[]
}

const LEASABLE = new Set<string>(LEASABLE_STATUSES)

interface Floor {
  sort: number
  area: SqliteSum
  vacant: SqliteSum
}

/**
 * The building figures and the largest vacant block (最大连续空置面积) of every building, in one
 * pass over its live spaces ordered by building and floor (the order of the spaces_figures index,
 * the order SQL sums them in for the lists, so the sums agree to the last bit).
 *
 * The largest vacant block is the vacant area of one floor, or of a run of adjacent floors each
 * vacant from wall to wall; a floor only partly vacant breaks a run. Adjacent means one storey
 * apart, and B1 and 1 are adjacent (there is no floor 0): basement sort keys are shifted up by one
 * so that storeys count without a gap. Along a run, storey number minus its rank among the wholly
 * vacant floors stays constant: that difference names the run.
 */
export function foldSpaces(rows: Iterable<SpaceCells>): Map<string, SpaceFigures> {
  const figures = new Map<string, SpaceFigures>()
  let building: string | null = null
  let floors: Floor[] = []
  let floor: Floor | null = null
  let leasable = new SqliteSum()
  let vacant = new SqliteSum()
  let rentMin: number | null = null
  let rentMax: number | null = null
  let fitOuts = new Set<FitOut>()

  const finish = () => {
    if (building === null) return
    const leasableArea = leasable.value
    const vacantArea = vacant.value
    figures.set(building, {
      leasableArea,
      vacantArea,
      vacancyRate: leasableArea > 0 ? vacantArea / leasableArea : null,
      largestVacantBlock: largestBlock(floors),
      rentMin,
      rentMax,
      vacantFitOuts: [...fitOuts],
    })
  }

  for (const [b, f, status, area, rent, fitOut] of rows) {
    if (b !== building) {
      finish()
      building = b
      floors = []
      floor = null
      leasable = new SqliteSum()
      vacant = new SqliteSum()
      rentMin = rentMax = null
      fitOuts = new Set()
    }
    if (floor === null || floor.sort !== f) {
      floor = { sort: f, area: new SqliteSum(), vacant: new SqliteSum() }
      floors.push(floor)
    }
    floor.area.add(area)
    if (LEASABLE.has(status)) leasable.add(area)
    if (status !== 'vacant') continue
    vacant.add(area)
    floor.vacant.add(area)
    if (rent !== null) {
      if (rentMin === null || rent < rentMin) rentMin = rent
      if (rentMax === null || rent > rentMax) rentMax = rent
    }
    if (fitOut !== null) fitOuts.add(fitOut as FitOut)
  }
  finish()
  return figures
}

function largestBlock(floors: Floor[]): number {
  let best = 0
  const runs = new Map<number, SqliteSum>()
  let rank = 0
  for (const f of floors) {
    const area = f.area.value
    const vacant = f.vacant.value
    if (vacant > best) best = vacant
    if (!(area > 0 && vacant >= area - 1e-6)) continue
    rank += 1
    const run = (f.sort < 0 ? f.sort + 1 : f.sort) - rank
    const sum = runs.get(run) ?? new SqliteSum()
    sum.add(vacant)
    runs.set(run, sum)
  }
  for (const sum of runs.values()) if (sum.value > best) best = sum.value
  return best
}
