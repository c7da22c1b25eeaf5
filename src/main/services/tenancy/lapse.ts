import type { Kysely } from 'kysely'
import type { SpaceStatus } from '../../../shared/domain'
import { methodKind } from '../../../shared/methodKinds'
import { spaceStatusOn } from '../../../shared/tenancy'
import { today } from '../../store/leases'
import type { Database } from '../../store/schema'
import { unsettledSpaces } from '../../store/tenancy'
import { updateRow, write } from '../../store/writer'
import type { ServiceContext } from '../context'
import type { Dispatch } from '../dispatch'

/** Who the change log names for what the calendar changed, not a person. */
export const SYSTEM_ACTOR = '系统'

/** The spaces whose stored status differs from what their leases make it on `day`, and that status. */
async function changesOn(db: Kysely<Database>, day: string): Promise<Array<{ id: string; status: SpaceStatus }>> {
  return (await unsettledSpaces(db, day))
    .map((s) => ({ id: s.id, from: s.status, status: spaceStatusOn(s, s.leases, day) }))
    .filter((s) => s.status !== s.from)
    .map(({ id, status }) => ({ id, status }))
}

/**
 * Brings the stored statuses in line with the leases on `day` (today), by the same rule the "as
 * of" figures use for a day to come (shared/tenancy spaceStatusOn): a vacant or reserved space
 * turns leased on the day its lease starts; a space left 'leased' by leases that have all ended,
 * or only by one that has not started, turns vacant (a 'leased' a person set after the last lease
 * ended stays). So a status read from the store follows the calendar without anyone saving.
 * Writes (logged under 系统) only when there is something to settle; answers how many spaces it
 * changed.
 */
export async function settleLapsedLeases(db: Kysely<Database>, deviceId: string | (() => string), day?: string): Promise<number> {
  const on = day ?? (await today(db))
  if ((await changesOn(db, on)).length === 0) return 0
  // The device id is asked for only when writing: it is made (a file) on first use.
  return write(db, { deviceId: typeof deviceId === 'string' ? deviceId : deviceId(), actor: SYSTEM_ACTOR }, async (w) => {
    // Again inside the lock: another writer may have settled them meanwhile.
    const changes = await changesOn(w.trx, on)
    for (const { id, status } of changes) await updateRow(w, 'spaces', id, { status })
    return changes.length
  })
}

const localDay = (d = new Date()) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

/** How often a running writer looks at the calendar, for a day passing with nobody writing. */
const DAY_CHECK_MS = 10 * 60_000

/**
 * The dispatcher of a store that can be written: lapsed leases settled once now (the store was
 * opened), before the first write of each new day, and by a timer when the day turns while the
 * app is left open with nobody writing (the figures are read from the stored statuses). `stop`
 * ends the timer.
 */
export async function settlingEachDay(ctx: ServiceContext, dispatch: Dispatch): Promise<{ dispatch: Dispatch; stop: () => void }> {
  let settledOn = ''
  const settle = async () => {
    const day = localDay()
    if (day === settledOn) return
    try {
      await settleLapsedLeases(ctx.store.db, () => ctx.author.deviceId, day)
      settledOn = day
    } catch (error) {
      // The person's own write must not fail for it; the next write tries again.
      console.error('[site-atlas] settling lapsed leases failed:', error)
    }
  }
  await settle()
  const timer = setInterval(() => void settle(), DAY_CHECK_MS)
  timer.unref()
  return {
    dispatch: async (method, input) => {
      if (methodKind(method) === 'write') await settle()
      return dispatch(method, input)
    },
    stop: () => clearInterval(timer),
  }
}
