import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { BackupStatus, RestoreResult } from '../../src/shared/backup'
import { type BrowserHost, startBrowserHost } from '../helpers/browserHost'
import { addBuildings, backUp, buildingNames, truncate } from '../helpers/restoreDrill'
import { tempDir } from '../helpers/store'

// The browser host (npm run web) started on a data folder whose store is damaged: it serves the
// page and answers in recovery mode over HTTP (backup.status unavailable, other methods
// store_unavailable), restores the newest backup, and then serves the store again.

describe('the browser host on a damaged data folder', () => {
  const dataDir = tempDir('site-atlas-e2e-recovery-')
  let host: BrowserHost | null = null
  afterAll(async () => {
    await host?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves the page in recovery mode and restores the backup over HTTP', { timeout: 180_000 }, async () => {
    const file = path.join(dataDir, 'site-atlas.db')
    await addBuildings(file, ['甲楼', '乙楼'])
    const backup = path.basename(await backUp(file, path.join(dataDir, 'backups')))
    await addBuildings(file, ['丙楼'])
    truncate(file)
    const damaged = fs.readFileSync(file)

    host = await startBrowserHost({ dataDir })
    const { origin, token } = host
    const rpc = async (method: string, input: unknown = {}) => {
      const response = await fetch(`${origin}/rpc/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin },
        body: JSON.stringify(input),
      })
      expect(response.status, method).toBe(200)
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } }
    }

    const page = await fetch(`${origin}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')

    const status = await rpc('backup.status')
    expect(status).toMatchObject({ ok: true, value: { store: { state: 'unavailable', problem: 'damaged', file }, lastBackup: { id: backup } } })
    expect((status.value as BackupStatus).store).toMatchObject({ message: expect.stringMatching(/^数据文件已损坏：文件被截断/) })
    expect(await rpc('meta.info')).toMatchObject({ ok: false, error: { code: 'store_unavailable' } })
    expect(await rpc('buildings.list')).toMatchObject({ ok: false, error: { code: 'store_unavailable' } })
    expect(fs.readFileSync(file)).toEqual(damaged)

    const restored = await rpc('backup.restore', { source: { folder: 'local', id: backup } })
    expect(restored).toMatchObject({ ok: true, value: { safetyBackup: null, restored: { counts: { buildings: 2 } } } })
    expect(fs.readFileSync((restored.value as RestoreResult).damagedCopy!)).toEqual(damaged)
    const list = await rpc('buildings.list')
    expect(list.ok).toBe(true)
    expect((list.value as Array<{ name: string }>).map((b) => b.name).sort()).toEqual(buildingNames(file))
    expect(buildingNames(file)).toEqual(['甲楼', '乙楼'].sort())
  })
})
