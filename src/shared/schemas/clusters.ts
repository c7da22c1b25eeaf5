import { z } from 'zod'
import * as f from './common'

export const clusterFields = z.strictObject({
  name: f.requiredText('聚集区名称', 100),
  districtCode: f.districtCode(),
  description: f.optionalNotes('简介', 2000),
})

export const clusterCreate = clusterFields
export const clusterUpdate = f.updateOf('聚集区', clusterFields)
export const clusterList = z.strictObject({ ...f.listQuery })

export type ClusterCreate = z.input<typeof clusterCreate>
export type ClusterUpdate = z.input<typeof clusterUpdate>
