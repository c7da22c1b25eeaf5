import { DomainError } from '../../../shared/result'
import type { VisitRow } from '../../store/schema'
import { getVisit, listVisits, setVisitSites, touchVisit, visitSiteRefs } from '../../store/visits'
import { insertRow, logField, restoreRow, softDeleteRow, updateRow, write } from '../../store/writer'
import type { FeatureHandlers } from '../context'
import { requireDeleted, requireLive } from '../guards'
import { checkShownSites, checkVisitDates, distinctSites, sameSites } from './rules'

// Investor visits (招商接洽). The sites shown are kept in visit_sites and logged as the visit's
// `sites` field, so the change log tells the whole story of a visit.

export const visitHandlers = {
  'visits.list': async (input, { store }) => listVisits(store.db, input),

  'visits.get': async ({ id }, { store }) => {
    const visit = await getVisit(store.db, id)
    if (!visit) throw new DomainError('not_found', '接洽记录：找不到该记录')
    return visit
  },

  'visits.create': async ({ sites: chosen, ...fields }, { store, author }) =>
    write(store.db, author, async (w) => {
      checkVisitDates(fields.date, fields.followUpDate ?? null)
      const sites = distinctSites(chosen ?? [])
      await checkShownSites(w.trx, sites, [])
      const id = await insertRow(w, 'visits', {
        company: fields.company,
        date: fields.date,
        staff: fields.staff ?? null,
        contactName: fields.contactName ?? null,
        contactPhone: fields.contactPhone ?? null,
        notes: fields.notes ?? null,
        followUpDate: fields.followUpDate ?? null,
      })
      await setVisitSites(w.trx, id, sites)
      if (sites.length > 0) await logField(w, 'visits', id, 'insert', 'sites', null, sites)
      return { id }
    }),

  'visits.update': async ({ id, sites: chosen, ...patch }, { store, author }) => {
    await write(store.db, author, async (w) => {
      const before = await requireLive<VisitRow>(w.trx, 'visits', id, '接洽记录')
      checkVisitDates(patch.date ?? before.date, patch.followUpDate === undefined ? before.followUpDate : patch.followUpDate)
      await updateRow(w, 'visits', id, patch, before)
      if (chosen === undefined) return
      const oldSites = await visitSiteRefs(w.trx, id)
      const newSites = distinctSites(chosen)
      if (sameSites(oldSites, newSites)) return
      // Sites already on the visit may have been deleted since: that must not block editing the
      // notes; only sites added now must be live.
      await checkShownSites(w.trx, newSites, oldSites)
      await setVisitSites(w.trx, id, newSites)
      await logField(w, 'visits', id, 'update', 'sites', oldSites, newSites)
      await touchVisit(w.trx, id, w.now)
    })
    return (await getVisit(store.db, id))!
  },

  'visits.delete': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      await requireLive(w.trx, 'visits', id, '接洽记录')
      await softDeleteRow(w, 'visits', id)
      return null
    }),

  // A visit is a record of what happened: it comes back with the sites it showed, even one
  // deleted since (its page and sheet then leave that site out).
  'visits.restore': async ({ id }, { store, author }) =>
    write(store.db, author, async (w) => {
      const deletedAt = await requireDeleted(w.trx, 'visits', id, '接洽记录')
      await restoreRow(w, 'visits', id, deletedAt)
      return null
    }),
} satisfies FeatureHandlers<'visits'>
