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
