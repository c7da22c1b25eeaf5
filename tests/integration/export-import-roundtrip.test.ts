import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { loadDemoData } from '../../src/main/services/demo/load'
import { runExport } from '../helpers/exports'
import { importWorkbookFile } from '../helpers/importSheets'
import { freshAppPerTest, openTestApp } from '../helpers/store'
import { decodeMapSites } from '../../src/shared/mapSitesWire'

// The promise: an exported workbook imports back into an empty store with every figure of
// `stats --json` unchanged — through the real exporter and the real importer, by the services and
// by the command line.

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { output: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err }
}

describe('export → import round trip', () => {
  const t = freshAppPerTest()

  it('the exported workbook of the demo store imports into an empty store with every figure unchanged', { timeout: 90_000 }, async () => {
    const source = await openTestApp()
    try {
      await loadDemoData(source.services.ctx)
      const { filePath } = await runExport(source, { format: 'xlsx' })
      const job = await importWorkbookFile(t.app, filePath)
      expect(job.state, job.message ?? '').toBe('done')
      expect(await t.app.ok('stats.summary', {})).toEqual(await source.ok('stats.summary', {}))
      // And what the map shows of every building: figures, vacant block, rents, tenants.
      const before = decodeMapSites(await source.ok('map.sites', {}))
      const after = decodeMapSites(await t.app.ok('map.sites', {}))
      // Imported rows are the bureau's own, no longer marked as demo rows; everything else is the same.
      const byId = <T extends { id: string; isDemo: boolean }>(rows: T[]) =>
        [...rows].sort((a, b) => a.id.localeCompare(b.id)).map(({ isDemo: _demo, ...rest }) => rest)
      expect(byId(after.buildings)).toEqual(byId(before.buildings))
      expect(byId(after.parcels)).toEqual(byId(before.parcels))
      expect(byId(after.parks)).toEqual(byId(before.parks))
      // The land area of buildings and parks and the sub-parks' own progress come back too: the sky
      // parks' figures and the 亩均税收 ranking are unchanged.
      const parks = await source.ok('stats.parks', {})
      expect(parks.some((p) => p.taxPerMu !== null) && parks.some((p) => p.subParks.some((s) => s.status !== p.status))).toBe(true)
      expect(await t.app.ok('stats.parks', {})).toEqual(parks)
      const ranking = await source.ok('stats.ranking', { by: 'taxPerMu', limit: 1000 })
      expect(ranking.rows.some((r) => r.kind === 'building')).toBe(true)
      expect(await t.app.ok('stats.ranking', { by: 'taxPerMu', limit: 1000 })).toEqual(ranking)
    } finally {
      await source.close()
    }
  })

  it('does the same from the command line: export, import, stats --json', { timeout: 90_000 }, async () => {
    const from = path.join(t.dir, 'from.db')
    const to = path.join(t.dir, 'to.db')
    const book = path.join(t.dir, '招商资源.xlsx')
    expect(await runCli(['demo', '--db', from], capture().output)).toBe(0)
    expect(await runCli(['export', '--db', from, '--format', 'xlsx', '--out', book], capture().output)).toBe(0)
    const imported = capture()
    expect(await runCli(['import', book, '--db', to, '--json'], imported.output), imported.err.join('\n')).toBe(0)
    expect(JSON.parse(imported.out.join('\n'))).toMatchObject({ rejected: [] })
    const stats = async (db: string) => {
      const run = capture()
      expect(await runCli(['stats', '--db', db, '--json'], run.output)).toBe(0)
      return JSON.parse(run.out.join('\n')) as unknown
    }
    expect(await stats(to)).toEqual(await stats(from))
  })
})
