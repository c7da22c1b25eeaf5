import { Readable } from 'node:stream'
import { describe, expect, it, vi } from 'vitest'
import { toApiError } from '../../src/main/services/dispatch'
import { runtimePerTest } from '../helpers/runtime'

// What the person reads is a Chinese sentence that is true; method names, paths and English
// system messages go to the log.

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const t = runtimePerTest()

describe('messages from the store runtime', () => {
  it('word a failed upload without the system message or its path', async () => {
    const app = await t.start({ readers: 1 })
    const failing = new Readable({
      read() {
        this.destroy(new Error(`ENOSPC: no space left on device, write '${app.dir}/uploads/x'`))
      },
    })
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const result = await app.runtime.receiveUpload(failing, '空间.xlsx')
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^上传文件：/) } })
    if (!result.ok) {
      expect(result.error.message).not.toContain(app.dir)
      expect(result.error.message).not.toMatch(/[A-Za-z]{4,}/)
    }
  })

  it('tell the calls of a lost worker why, without the method name', async () => {
    const app = await t.start({ readers: 1 })
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(await app.runtime.test('writer', { kind: 'crash' })).toEqual({ ok: false, error: { code: 'internal', message: '后台数据进程意外退出，操作未完成，请重试' } })
  })

  it('do not say "nothing saved" of a read that failed', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(toApiError(new Error('boom'), 'buildings.list').message).toMatch(/^内部错误，未能读取：/)
    expect(toApiError(new Error('boom'), 'buildings.update').message).toMatch(/^内部错误，未保存任何修改：/)
  })
})
