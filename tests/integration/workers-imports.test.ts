import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { runtimePerTest } from '../helpers/runtime'

// An import's file is read by a reader before the writer's job reads it: a file that cannot be
// read is refused there, and no job starts in the writer.

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const t = runtimePerTest()

describe('an import run in the store runtime', () => {
  it('refuses a file that cannot be read from a reader, before any job starts in the writer', async () => {
    const app = await t.start()
    const file = path.join(app.dir, '坏文件.xlsx')
    fs.writeFileSync(file, Buffer.from('this is not a workbook at all'))
    const picked = await app.runtime.registerFile(file)
    if (!picked.ok) throw new Error(picked.error.message)
    const refused = await app.call('imports.run', { uploadId: picked.value.uploadId })
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/[\u4e00-\u9fff]/) } })
    // What the wizard's inspect says of the same file, word for word.
    expect(refused).toEqual(await app.call('imports.inspect', { uploadId: picked.value.uploadId }))
    expect(await app.sql('writer', 'SELECT count(*) AS n FROM import_batches')).toEqual([{ n: 0 }])
  })
})
