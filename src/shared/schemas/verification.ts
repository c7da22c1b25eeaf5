import { z } from 'zod'
import * as f from './common'

// "Last verified" (核实): staff confirm a record on site with one click per building, floor or
// parcel. A building confirms itself and all its live spaces; a floor confirms that floor's spaces.

export const verificationMark = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('building'), id: f.id('楼宇') }),
  z.strictObject({ kind: z.literal('parcel'), id: f.id('地块') }),
  z.strictObject({ kind: z.literal('space'), id: f.id('空间') }),
  z.strictObject({ kind: z.literal('floor'), id: f.id('楼宇'), floorLabel: f.requiredText('楼层', 20) }),
], { error: '核实对象：应为楼宇、楼层、空间或地块' })

export type VerificationMark = z.input<typeof verificationMark>

export interface VerificationResult {
  /** The day recorded (YYYY-MM-DD, local). */
  verifiedAt: string
  /** Rows marked (a building and its spaces, a floor's spaces, one space or parcel). */
  rows: number
}

const point = z.strictObject({
  lng: z.number({ error: '起点经度：应为数字' }).min(-180, { error: '起点经度：应在 -180 至 180 之间' }).max(180, { error: '起点经度：应在 -180 至 180 之间' }),
  lat: z.number({ error: '起点纬度：应为数字' }).min(-90, { error: '起点纬度：应在 -90 至 90 之间' }).max(90, { error: '起点纬度：应在 -90 至 90 之间' }),
})

/** The re-check queue: from a point (nearest first; else oldest first), at most `limit` rows. */
export const verificationQueue = z.strictObject({
  from: point.optional(),
  limit: z.number({ error: '条数：应为数字' }).int({ error: '条数：应为整数' }).min(1, { error: '条数：至少 1 条' }).max(5000, { error: '条数：最多 5000 条' }).optional(),
  kinds: z.array(z.enum(['building', 'parcel'], { error: '类型：应为楼宇或地块' })).max(2).optional(),
})

export type VerificationQueueInput = z.input<typeof verificationQueue>

export interface RecheckFloor {
  floorLabel: string
  /** The floor's oldest space check (shared/freshness.ts Check). */
  check: string
}

export interface RecheckItem {
  kind: 'building' | 'parcel'
  id: string
  name: string
  /** A parcel's code; a building's address. */
  detail: string | null
  lng: number | null
  lat: number | null
  /** Metres from the chosen point; null without a point or a position. */
  distance: number | null
  /** The oldest check of the record and its parts (the building's own and its spaces'). */
  check: string
  /** The record's own check (a building's fields, a parcel). */
  ownCheck: string
  ownStale: boolean
  /** A building's floors with a stale space, top floor first. */
  staleFloors: RecheckFloor[]
}

export interface RecheckQueue {
  staleDays: number
  /** The day the queue was computed (YYYY-MM-DD, local). */
  today: string
  /** Stale records in all (before `limit`). */
  total: number
  items: RecheckItem[]
}
