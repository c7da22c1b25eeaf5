import { SETTING_KEYS } from '../../../shared/api'
import type { StoreInfo } from '../../../shared/types'
import { getSetting, listSettings, setSetting } from '../../store/settings'
import { storeContents } from '../../store/stats'
import { type FeatureHandlers, type ServiceContext, systemUserName } from '../context'
import { loadDemoData } from '../demo/load'
import { checkSheetContactJson } from '../sheets/contact'
import { checkStaleDays } from '../verification/staleDays'

/** Set once the first-start choice (demo or empty store) is made. */
const ONBOARDING_KEY = 'onboarding.done'
const USER_KEYS = new Set<string>(SETTING_KEYS)

export async function storeInfo(ctx: ServiceContext): Promise<StoreInfo> {
  const { store } = ctx
  const { empty, hasDemoData } = await storeContents(store.db)
  const done = await getSetting(store.db, ONBOARDING_KEY)
  return {
    appVersion: ctx.appVersion,
    schemaVersion: store.schemaVersion,
    dataFile: store.file,
    deviceId: ctx.author.deviceId,
    empty,
    hasDemoData,
    // A store that already holds data (e.g. opened from a colleague's file) needs no first-start choice.
    onboarded: done !== null || !empty,
  }
}

export const metaHandlers = {
  'meta.info': async (_input, ctx) => storeInfo(ctx),

  'meta.finishOnboarding': async ({ loadDemo }, ctx) => {
    // The demo loader refuses a store that is not empty; the flag is set only after it succeeds.
    if (loadDemo) await loadDemoData(ctx)
    await setSetting(ctx.store.db, ONBOARDING_KEY, new Date().toISOString())
    return storeInfo(ctx)
  },

  // Internal keys (device id, clock, onboarding) are never handed out or accepted here.
  'settings.get': async (_input, { store }) => {
    const all = await listSettings(store.db, '')
    return Object.fromEntries(Object.entries(all).filter(([key]) => USER_KEYS.has(key)))
  },

  'settings.set': async ({ key, value }, ctx) => {
    const checked = key === 'sheet.contact' ? checkSheetContactJson(value) : key === 'freshness.staleDays' ? checkStaleDays(value) : value
    await setSetting(ctx.store.db, key, checked)
    // Later edits in this session are logged under the new name, not the one found at start.
    // The writer process is the one whose context matters: settings.set is filed a write, so it runs
    // there (both hosts go through the store runtime), and every later write is signed this way.
    if (key === 'user.name') ctx.author.actor = value.trim() || systemUserName()
    return null
  },
} satisfies FeatureHandlers<'meta'> & FeatureHandlers<'settings'>
