import type { Kysely } from 'kysely'
import type { SiteKind, SiteRef } from '../../../shared/mapSites'
import { DomainError } from '../../../shared/result'
import type { Database } from '../../store/schema'
import { siteStates } from '../../store/visits'

// The checks of a visit's write: its dates in order, and every site shown a live site.

const KIND_LABEL: Record<SiteKind, string> = { building: '楼宇', parcel: '地块', park: '园区' }

const key = (s: SiteRef) => `${s.kind}:${s.id}`

/** The sites in the order given, each once (a site picked twice was shown once). */
export function distinctSites(sites: SiteRef[]): SiteRef[] {
  const byKey = new Map<string, SiteRef>()
  for (const s of sites) if (!byKey.has(key(s))) byKey.set(key(s), { kind: s.kind, id: s.id })
  return [...byKey.values()]
}

export const sameSites = (a: SiteRef[], b: SiteRef[]) => a.map(key).join() === b.map(key).join()

export function checkVisitDates(date: string, followUpDate: string | null): void {
  if (followUpDate !== null && followUpDate < date) {
    throw new DomainError('invalid', `跟进日期：不能早于接洽日期（${date}）`, 'followUpDate')
  }
}

/**
 * Every site in `sites` must exist and be live, except those in `kept` (already on the visit,
 * perhaps deleted since). The message names the site: by its name when it was deleted, by its
 * kind, place in the list and id when there is no such site at all.
 */
export async function checkShownSites(db: Kysely<Database>, sites: SiteRef[], kept: SiteRef[]): Promise<void> {
  const keep = new Set(kept.map(key))
  const states = await siteStates(db, sites)
  for (const [i, s] of states.entries()) {
    if (keep.has(key(s))) continue
    const label = KIND_LABEL[s.kind]
    if (s.name === null) {
      throw new DomainError('invalid', `推介资源：第 ${i + 1} 处${label}不存在（编号 ${s.id}），请重新选择`, 'sites')
    }
    if (s.deletedAt !== null) {
      throw new DomainError('invalid', `推介资源：${label}“${s.name}”已被删除，请先恢复或移除它`, 'sites')
    }
  }
}
