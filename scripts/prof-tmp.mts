import { createServices } from '../src/main/services'
import { openStore } from '../src/main/store/open'
const store = await openStore(process.argv[2]!, { mustExist: true })
const services = await createServices(store, 'bench')
await services.dispatch('stats.rollup', { by: 'kind' })
const db = store.sqlite
const t = (name: string, q: string) => { let best = 1e9; let n = 0; for (let i = 0; i < 3; i++) { const s = performance.now(); n = (db.prepare(q).all() as unknown[]).length; best = Math.min(best, performance.now() - s) } console.log(name, best.toFixed(1), n) }
const S = `WITH scoped AS MATERIALIZED (SELECT b.* FROM temp.stats_building_facts b), group_of AS MATERIALIZED (SELECT b.*, b.kind AS key FROM scoped b)`
t('scoped', `${S} SELECT count(*) FROM scoped`)
t('figs', `${S} SELECT key, count(*), sum(leasable) FROM group_of b GROUP BY key`)
t('figs-direct', `SELECT kind, count(*), sum(leasable) FROM temp.stats_building_facts b GROUP BY kind`)
t('ten', `${S} SELECT key, count(*) FROM (SELECT DISTINCT g.key, p.tenant_no, p.above_scale, p.registered FROM group_of g JOIN temp.stats_building_tenants p ON p.building_id = g.id) GROUP BY key`)
t('ten-total', `${S} SELECT count(*) FROM (SELECT DISTINCT p.tenant_no, p.above_scale, p.registered FROM scoped b JOIN temp.stats_building_tenants p ON p.building_id = b.id)`)
t('ten-total-all', `SELECT count(DISTINCT tenant_no) FROM temp.stats_building_tenants`)
t('pairs', `SELECT count(*) FROM temp.stats_building_tenants`)
t('ver', `SELECT n, date('now','localtime') FROM sites_version`)
const s0 = performance.now(); for (let i = 0; i < 5; i++) await services.dispatch('stats.rollup', { by: 'kind' }); console.log('dispatch kind', ((performance.now() - s0) / 5).toFixed(1))
const s1 = performance.now(); for (let i = 0; i < 5; i++) await services.dispatch('stats.rollup', { by: 'district' }); console.log('dispatch district', ((performance.now() - s1) / 5).toFixed(1))
await store.close()
