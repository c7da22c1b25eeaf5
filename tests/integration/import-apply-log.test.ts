import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { applyPlan } from '../../src/main/services/imports/apply'
import { planImport } from '../../src/main/services/imports/importer'
import type { Plan } from '../../src/main/services/imports/plan'
import { readTable } from '../../src/main/services/imports/read/index'
import { insertRow, logField, write } from '../../src/main/store/writer'
import { writeWorkbook } from '../helpers/importSheets'
import { openTestApp, type TestApp, tempDir } from '../helpers/store'

// The importer writes with prepared statements; the same plan written row by row through
// insertRow/logField (the forms' path) must give the same rows, and its change log the same
// fields and values — the importer's one 'insert' entry per row holds what insertRow logs a
// field at a time.

const HEADER = ['楼宇名称', '所在区', '经度', '纬度', '楼层', '房号', '面积', '使用状态', '租金', '企业名称', '统一社会信用代码', '起租日期', '到期日期']
const TABLES = ['districts', 'buildings', 'spaces', 'tenants', 'leases'] as const

type Row = Record<string, unknown>

describe('the importer’s prepared writes against insertRow', () => {
  const apps: TestApp[] = []
  afterEach(async () => {
    for (const app of apps.splice(0)) {
      await app.services.shutdown()
      await app.close()
    }
  })

  async function plannedImport(dir: string, app: TestApp): Promise<Plan> {
    const file = await writeWorkbook(path.join(dir, '空间.xlsx'), {
      空间: [
        HEADER,
        ['财富中心', '沈河区', 123.4512, 41.8021, '12F', '1201', '320㎡', '空置', '3.2元/㎡·天', null, null, null, null],
        ['财富中心', '沈河区', 123.4512, 41.8021, '12F', '1202', 280, '已租', 3, '沈阳数联科技有限公司', null, '2024.1.1', '2099-12-31'],
        ['长春国贸', '长春市朝阳区', 125.3245, 43.8868, '5', 'A', 1000, '待租', null, null, null, null, null],
      ],
    })
    const table = await readTable(file, '空间.xlsx')
    return planImport(app.store.db, app.services.ctx.resourcesDir, table, {})
  }

  const rowsOf = (app: TestApp, table: string) =>
    (app.store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY 1`).all() as Row[]).map(({ created_at: _c, updated_at: _u, ...row }) => row)

  /** Every logged field of every row: { 'table:rowId': { field: value } }, from per-field or whole-row entries. */
  function loggedFields(app: TestApp): Record<string, Row> {
    const entries = app.store.sqlite.prepare('SELECT * FROM change_log ORDER BY seq').all() as Row[]
    const out: Record<string, Row> = {}
    for (const e of entries) {
      expect(e).toMatchObject({ op: 'insert', actor: 'tester' })
      // insertRow stores JSON null, the importer SQL NULL: both read back as no previous value (store/changes.ts).
      expect(e.old_value === null ? null : JSON.parse(e.old_value as string)).toBeNull()
      const fields = (out[`${e.table_name}:${e.row_id}`] ??= {})
      const value = JSON.parse(e.new_value as string) as unknown
      if (e.field === null) Object.assign(fields, value)
      else fields[e.field as string] = value
    }
    return out
  }

  it('writes the same rows and logs the same fields as insertRow would', async () => {
    const dir = tempDir()
    const prepared = await openTestApp()
    const byRow = await openTestApp()
    apps.push(prepared, byRow)
    const plan = await plannedImport(dir, prepared)
    expect(plan.preview).toMatchObject({ created: 2, rejected: [] })
    expect(plan.preview.related).toMatchObject({ districts: 1, tenants: 1, leases: 1 })

    await write(prepared.store.db, prepared.services.ctx.author, (w) => applyPlan(prepared.store, w, plan, { id: 'batch', fileName: '空间.xlsx' }))
    await write(byRow.store.db, byRow.services.ctx.author, async (w) => {
      for (const group of plan.groups) {
        for (const op of group.ops) {
          if (op.op === 'insert') {
            const id = await insertRow(w, op.table, op.values)
            for (const [field, value] of Object.entries(op.logExtra ?? {})) await logField(w, op.table, id, 'insert', field, null, value)
          } else if (op.op === 'link') {
            await w.trx.insertInto('leaseSpaces').values({ leaseId: op.leaseId, spaceId: op.spaceId }).execute()
          } else {
            throw new Error('a fresh store has nothing to update')
          }
        }
      }
    })

    for (const table of [...TABLES, 'lease_spaces', 'search_index']) expect(rowsOf(prepared, table), table).toEqual(rowsOf(byRow, table))
    expect(rowsOf(prepared, 'buildings')).toHaveLength(2)
    expect(rowsOf(prepared, 'lease_spaces')).toHaveLength(1)
    const logged = loggedFields(prepared)
    expect(logged).toEqual(loggedFields(byRow))
    // Every inserted row is in the log, with its fields (a lease with its spaces).
    const lease = rowsOf(prepared, 'leases')[0]!
    expect(logged[`leases:${lease.id}`]).toMatchObject({ tenantId: lease.tenant_id, spaceIds: [expect.any(String)] })
    expect(Object.keys(logged)).toHaveLength(TABLES.reduce((n, t) => n + rowsOf(prepared, t).length, 0) - rowsOf(byRow, 'districts').length + 1)
  })
})
