import type { Visit, VisitCreate, VisitSite } from '../../../../shared/visits'
import { textOrNull } from '../../lib/form'

// The visit form as typed. The sites keep their names so the picker can show them; only their
// kind and id are sent.

export interface VisitFormState {
  company: string
  date: string
  staff: string
  contactName: string
  contactPhone: string
  notes: string
  followUpDate: string
  sites: PickedSite[]
}

export type PickedSite = Pick<VisitSite, 'kind' | 'id' | 'name'> & { deleted?: boolean }

export const emptyVisitForm = (today: string, staff: string): VisitFormState => ({
  company: '', date: today, staff, contactName: '', contactPhone: '', notes: '', followUpDate: '', sites: [],
})

export function visitFormOf(v: Visit): VisitFormState {
  return {
    company: v.company, date: v.date, staff: v.staff ?? '', contactName: v.contactName ?? '', contactPhone: v.contactPhone ?? '',
    notes: v.notes ?? '', followUpDate: v.followUpDate ?? '',
    sites: v.sites.map((s) => ({ kind: s.kind, id: s.id, name: s.name, deleted: s.deleted })),
  }
}

export function visitInputOf(s: VisitFormState): VisitCreate {
  return {
    company: s.company,
    date: s.date,
    staff: textOrNull(s.staff),
    contactName: textOrNull(s.contactName),
    contactPhone: textOrNull(s.contactPhone),
    notes: textOrNull(s.notes),
    followUpDate: textOrNull(s.followUpDate),
    sites: s.sites.map((x) => ({ kind: x.kind, id: x.id })),
  }
}

export const samePick = (a: { kind: string; id: string }, b: { kind: string; id: string }) => a.kind === b.kind && a.id === b.id

/** `current` with `more` added at the end, each site once. */
export function addSites(current: PickedSite[], more: PickedSite[]): PickedSite[] {
  const next = [...current]
  for (const s of more) if (!next.some((x) => samePick(x, s))) next.push(s)
  return next
}
