import fs from 'node:fs'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { UploadRegistry } from '../../src/main/services/uploads/registry'
import { tempDir } from '../helpers/store'

// Upload ids are written down beside the uploads, so the process that received a file (the host)
// and the one that reads it (a store worker) need not be the same.

let dir: string | undefined
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

it('knows an upload registered by another registry over the same folder, until it is released', () => {
  dir = tempDir()
  const host = new UploadRegistry(path.join(dir, 'uploads'))
  const worker = new UploadRegistry(path.join(dir, 'uploads'))
  const upload = host.add({ path: path.join(dir, 'uploads', 'x.mbtiles'), originalName: 'x.mbtiles', temporary: true, size: 3 })
  expect(worker.get(upload.id)).toEqual(upload)
  worker.release(upload.id)
  expect(host.get(upload.id)).toBeUndefined()
  expect(fs.readdirSync(path.join(dir, 'upload-ids'))).toEqual([])
})

it('reads no file outside its folder for an id that is a path, and ignores a damaged entry', () => {
  dir = tempDir()
  const registry = new UploadRegistry(path.join(dir, 'uploads'))
  fs.writeFileSync(path.join(dir, 'secret.json'), JSON.stringify({ id: '../secret', path: '/etc/passwd', originalName: 'p', temporary: true, size: 1 }))
  expect(registry.get('../secret')).toBeUndefined()
  fs.mkdirSync(registry.idsDir, { recursive: true })
  fs.writeFileSync(path.join(registry.idsDir, 'broken.json'), '{"id":"broken",')
  expect(registry.get('broken')).toBeUndefined()
})

it('discards a temporary upload: its id and its file', async () => {
  dir = tempDir()
  const registry = new UploadRegistry(path.join(dir, 'uploads'))
  fs.mkdirSync(registry.dir, { recursive: true })
  const file = path.join(registry.dir, 'photo.jpg')
  fs.writeFileSync(file, 'x')
  const upload = registry.add({ path: file, originalName: 'photo.jpg', temporary: true, size: 1 })
  await registry.discard(upload.id)
  expect(registry.get(upload.id)).toBeUndefined()
  expect(fs.existsSync(file)).toBe(false)
})
