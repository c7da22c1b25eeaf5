import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createServices } from '../../src/main/services'
import { openStore } from '../../src/main/store/open'
import { tempDir } from '../helpers/store'

// The device id belongs to the installation, not to the data file: a file copied to another
// laptop is written there under that laptop's id, so the two can later be merged field by field.
describe('device identity', () => {
  const dirs: string[] = []
  const dir = () => {
    const d = tempDir()
    dirs.push(d)
    return d
  }
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
  })

  it('writes a copied file under each laptop’s own id, kept across restarts', async () => {
    const file = path.join(dir(), 'site-atlas.db')
    const [laptopA, laptopB] = [dir(), dir()]
    const write = async (deviceDir: string, name: string) => {
      const store = await openStore(file)
      const services = await createServices(store, 'tester', { deviceDir })
      const result = await services.dispatch('clusters.create', { name, districtCode: '210103' })
      const id = services.ctx.author.deviceId
      await services.shutdown()
      await store.close()
      expect(result.ok).toBe(true)
      return id
    }
    const a1 = await write(laptopA, '彩塔商务楼宇集聚区')
    const b = await write(laptopB, '市府广场总部楼宇集聚区')
    const a2 = await write(laptopA, '惠工方圆金融楼宇集聚区')
    expect(a1).toMatch(/^[0-9a-f-]{36}$/)
    expect(b).not.toBe(a1)
    expect(a2).toBe(a1)
    expect(fs.readFileSync(path.join(laptopA, 'device-id'), 'utf8').trim()).toBe(a1)

    const store = await openStore(file, { readonly: true })
    const devices = await store.db.selectFrom('changeLog').select('deviceId').distinct().execute()
    expect(devices.map((d) => d.deviceId).sort()).toEqual([a1, b].sort())
    // Nothing about the device is kept in the file itself.
    expect(await store.db.selectFrom('settings').select('key').where('key', '=', 'device.id').execute()).toEqual([])
    await store.close()
  })

  it('writes nothing when services are only read', async () => {
    const data = dir()
    const file = path.join(data, 'site-atlas.db')
    await (await openStore(file)).close()
    const before = fs.readFileSync(file)
    const store = await openStore(file, { readonly: true })
    const services = await createServices(store, undefined, { deviceDir: data })
    expect((await services.dispatch('stats.summary', {})).ok).toBe(true)
    await services.shutdown()
    await store.close()
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(fs.existsSync(path.join(data, 'device-id'))).toBe(false)
  })
})
