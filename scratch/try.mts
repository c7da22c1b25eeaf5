import { sql } from 'kysely'
import { openStore } from '/work/main/src/main/store/open'
import { statsFactsCte } from '/work/main/src/main/store/statsFacts'
const store = await openStore('/tmp/s11/demo.db')
const t0 = performance.now()
const r = await sql`${statsFactsCte({ today: '2026-12-01', until: '2027-12-01' })} SELECT count(*) n, sum(tax) tax, sum(coming_free) cf, sum(leasable) l, (SELECT count(*) FROM space_tenants) st, (SELECT sum(tax) FROM lease_tax) lt FROM space_facts`.execute(store.db)
console.log(r.rows, performance.now() - t0)
await store.close()
