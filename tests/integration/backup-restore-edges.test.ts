import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { RestoreResult } from '../../src/shared/backup'
import { createOfflineDispatch } from '../../src/main/services/restore/offline'
import { UploadRegistry } from '../../src/main/services/uploads/registry'
import { inspectStoreFile } from '../../src/main/store/backupFile'
import { openStore, StoreOpenError } from '../../src/main/store/open'
import { addBuildings, backUp, buildingNames, truncate } from '../helpers/restoreDrill'
import { openTestApp, tempDir } from '../helpers/store'

// Where the backup engine and the restore meet: the start-up check and inspectStoreFile judge a
// truncated file alike whatever empty -wal lies beside it; an in-process backup.restore is refused
// with the command that does it; a restored upload is consumed like an imported one.

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})
function folder(): string {
  const dir = tempDir('site-atlas-edges-')
  dirs.push(dir)
  return dir
}

describe('a truncated store with an empty -wal beside it', () => {
  async function truncatedWithEmptyWal(): Promise<string> {
    const file = path.join(folder(), 'site-atlas.db')
    await addBuildings(file, ['甲楼', '乙楼'])
    truncate(file)
    // What a read-only reader leaves beside a closed WAL-mode file: it holds no page.
    fs.writeFileSync(`${file}-wal`, '')
    return file
  }

  it('is judged damaged (truncated) by inspectStoreFile', async () => {
    const file = await truncatedWithEmptyWal()
    expect(await inspectStoreFile(file)).toMatchObject({ ok: false, problem: 'damaged', message: expect.stringMatching(/^数据文件已损坏：文件被截断（应有 \d+ 字节，实有 \d+ 字节）$/) })
  })

  it('is refused by the start-up check as damaged, untouched; the finding leaves the file and the advice to the screen', async () => {
    const file = await truncatedWithEmptyWal()
    const before = fs.readFileSync(file)
    const error = await openStore(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreOpenError)
    expect(error).toMatchObject({ problem: 'damaged', finding: expect.stringMatching(/^数据文件已损坏：文件被截断（[^）]+）$/) })
    expect((error as Error).message).toBe(`${(error as StoreOpenError).finding}。原文件未做任何修改（${file}），可从备份恢复。`)
    expect(fs.readFileSync(file)).toEqual(before)
  })
})

describe('backup.restore with the store open in this process', () => {
  it('is refused with the command that restores with the file closed; nothing changes', async () => {
    const app = await openTestApp()
    try {
      await app.ok('buildings.create', { name: '甲楼', districtCode: '210103' })
      const backup = await app.ok('backup.create', {})
      await app.ok('buildings.create', { name: '乙楼', districtCode: '210103' })
      const backupFile = path.join(path.dirname(app.file), 'backups', backup.id)
      expect(await app.call('backup.restore', { source: { folder: 'local', id: backup.id } })).toEqual({
        ok: false,
        error: { code: 'conflict', field: 'source', message: `恢复备份需关闭数据文件后进行，请使用 npm run cli -- restore --db ${app.file} --from ${backupFile}` },
      })
      expect(await app.call('backup.restore', { source: { folder: 'local', id: 'site-atlas-20200101-000000-manual.db' } })).toMatchObject({ ok: false, error: { code: 'not_found' } })
      expect((await app.ok('buildings.list', {})).map((b) => b.name).sort()).toEqual(['乙楼', '甲楼'])
      expect(fs.readdirSync(path.dirname(app.file)).filter((name) => name.includes('.restoring') || name.includes('.damaged-'))).toEqual([])
    } finally {
      await app.services.shutdown()
      await app.close()
    }
  })
})

describe('a restore from an upload', () => {
  async function setUp() {
    const dir = folder()
    const file = path.join(dir, 'site-atlas.db')
    await addBuildings(file, ['甲楼'])
    const backup = await backUp(file, path.join(folder(), 'elsewhere'))
    await addBuildings(file, ['乙楼'])
    const uploads = new UploadRegistry(path.join(dir, 'uploads'))
    const upload = (bytes: Buffer) => {
      fs.mkdirSync(uploads.dir, { recursive: true })
      const target = path.join(uploads.dir, `${fs.readdirSync(uploads.dir).length}.db`)
      fs.writeFileSync(target, bytes)
      return uploads.add({ path: target, originalName: 'backup.db', temporary: true, size: bytes.length })
    }
    const dispatch = createOfflineDispatch({ file, dataDir: dir, state: { state: 'ok' } })
    return { file, backup, uploads, upload, dispatch }
  }

  it('deletes the uploaded file once it is the store (as an import does)', async () => {
    const { file, backup, uploads, upload, dispatch } = await setUp()
    const sent = upload(fs.readFileSync(backup))
    const result = await dispatch('backup.restore', { source: { uploadId: sent.id } })
    expect(result).toMatchObject({ ok: true, value: { restored: { counts: { buildings: 1 } } } })
    expect((result as { value: RestoreResult }).value.safetyBackup?.reason).toBe('before-restore')
    expect(buildingNames(file)).toEqual(['甲楼'])
    expect(fs.existsSync(sent.path)).toBe(false)
    expect(uploads.get(sent.id)).toBeUndefined()
  })

  it('keeps a refused upload (the person may look at why), the store unchanged', async () => {
    const { file, uploads, upload, dispatch } = await setUp()
    const sent = upload(Buffer.from('not a store at all'))
    expect(await dispatch('backup.restore', { source: { uploadId: sent.id } })).toMatchObject({ ok: false, error: { code: 'invalid' } })
    expect(buildingNames(file)).toEqual(['乙楼', '甲楼'])
    expect(fs.existsSync(sent.path)).toBe(true)
    expect(uploads.get(sent.id)?.path).toBe(sent.path)
  })
})
