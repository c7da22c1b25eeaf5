import { z } from 'zod'
import { siteRefSchema } from './siteScope'
import * as f from './schemas/common'
import type { SiteRef } from './mapSites'

// Investor visits (招商接洽): a company met on a date by staff, the sites shown, notes and a
// follow-up date. Its inventory sheet is the sheet of the sites shown.

export const visitFields = z.strictObject({
  company: f.requiredText('企业名称', 100),
  date: f.isoDate('接洽日期'),
  staff: f.optionalText('接洽人员', 100),
  contactName: f.optionalText('企业联系人', 50),
  contactPhone: f.phone('联系电话'),
  sites: z.array(siteRefSchema).max(200, { error: '推介资源：最多 200 处' }).optional(),
  notes: f.optionalNotes('洽谈纪要', 5000),
  followUpDate: f.isoDate('跟进日期').nullable().optional(),
})

export const visitCreate = visitFields
export const visitUpdate = f.updateOf('接洽记录', visitFields)
export const visitList = z.strictObject({
  q: f.queryText('搜索').optional(),
  /** Only visits where this site was shown. */
  site: siteRefSchema.optional(),
  includeDeleted: z.boolean().optional(),
})

export type VisitCreate = z.input<typeof visitCreate>
export type VisitUpdate = z.input<typeof visitUpdate>

/** A site shown on a visit, named as it is now (a deleted site keeps its last name). */
export interface VisitSite extends SiteRef {
  name: string
  /** The site has been deleted since (the visit still records that it was shown). */
  deleted: boolean
}

export interface Visit {
  id: string
  company: string
  date: string
  staff: string | null
  contactName: string | null
  contactPhone: string | null
  notes: string | null
  followUpDate: string | null
  /** The sites shown, in the order they were shown. */
  sites: VisitSite[]
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  isDemo: boolean
}
