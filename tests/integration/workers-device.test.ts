import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { deviceIdentity } from '../../src/main/services/device'
import { runtimePerTest } from '../helpers/runtime'
import { tempDir } from '../helpers/store'

// One device, one id: made by the writer as it starts, so no reader process ever makes its own.

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const t = runtimePerTest()

describe('the device id', () => {
  it('is made by the writer before any call, and a reader answers the same', async () => {
    const app = await t.start()
    const file = fs.readdirSync(app.runtime.dataDir).find((name) => name.includes('device'))
    expect(file).toBeDefined()
    const id = fs.readFileSync(path.join(app.runtime.dataDir, file!), 'utf8').trim()
    expect((await app.ok('meta.info', {})).deviceId).toBe(id)
  })

  it('made by two processes at once, is the first one’s for both', () => {
    const dir = tempDir('site-atlas-device-')
    const first = deviceIdentity(dir)
    const second = deviceIdentity(dir)
    // The second looked before the first wrote: it finds the file made when it links its own.
    const made = first()
    const found = fs.readdirSync(dir).find((name) => name.includes('device'))!
    const saved = fs.readFileSync(path.join(dir, found), 'utf8')
    fs.rmSync(path.join(dir, found))
    const writeFileSync = fs.writeFileSync
    const spy = vi.spyOn(fs, 'writeFileSync').mockImplementation((target, data, options) => {
      writeFileSync(target, data, options)
      // Just after the second wrote its own temporary file, the first's id lands.
      writeFileSync(path.join(dir, found), saved)
    })
    try {
      expect(second()).toBe(made)
    } finally {
      spy.mockRestore()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
