import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { freshAppPerTest, pickFile } from '../helpers/store'
import { png1x1 } from '../helpers/tiles'
import { decodeMapSites } from '../../src/shared/mapSitesWire'

// Photos of sites: added from a file the user chose, checked by their bytes, kept in the store,
// listed, shown on the map's card, served by the hosts, deleted and restored.
describe('site photos', () => {
  const t = freshAppPerTest()

  const fileWith = (name: string, bytes: Uint8Array) => {
    const file = path.join(t.dir, name)
    fs.writeFileSync(file, bytes)
    return file
  }
  const upload = (file: string) => pickFile(t.app, file)

  it('adds photos to a building in order, shows the first on the map, and serves its bytes', async () => {
    const { id: buildingId } = await t.app.ok('buildings.create', { name: '茂业中心', districtCode: '210103', lng: 123.43, lat: 41.8 })
    const lobby = png1x1(200, 10, 10)
    const first = await t.app.ok('photos.add', { ownerKind: 'building', ownerId: buildingId, uploadId: await upload(fileWith('大堂.png', lobby)), caption: '大堂' })
    const second = await t.app.ok('photos.add', { ownerKind: 'building', ownerId: buildingId, uploadId: await upload(fileWith('外立面.png', png1x1(1, 2, 3))) })
    // Kept re-encoded (JPEG; see photos-import.test.ts for the pipeline).
    expect(first).toMatchObject({ mime: 'image/jpeg', width: 1, height: 1, caption: '大堂', sortOrder: 0, path: `photos/${first.id}` })
    expect(second.sortOrder).toBe(1)
    expect((await t.app.ok('photos.list', { ownerKind: 'building', ownerId: buildingId })).map((p) => p.id)).toEqual([first.id, second.id])

    const sites = decodeMapSites(await t.app.ok('map.sites', {}))
    expect(sites.buildings[0]!.photoId).toBe(first.id)

    const served = await t.app.services.readAsset(`/${first.path}`)
    expect(served).not.toBe('bad')
    expect(served && served !== 'bad' && 'bytes' in served && served.bytes.byteLength).toBe(first.size)
    expect(served && served !== 'bad' && served.contentType).toBe('image/jpeg')
    expect(await t.app.services.readAsset('/photos/not-an-id')).toBe('bad')

    // The change log says which image was stored without a second copy of it.
    const log = await t.app.store.db.selectFrom('changeLog').select(['field', 'newValue']).where('rowId', '=', first.id).where('field', '=', 'bytes').executeTakeFirstOrThrow()
    expect(JSON.parse(log.newValue!)).toEqual({ bytes: first.size, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })

    // Deleting the first makes the second the card's photo; restoring brings it back.
    await t.app.ok('photos.delete', { id: first.id })
    expect(await t.app.services.readAsset(`/${first.path}`)).toBeNull()
    expect(decodeMapSites(await t.app.ok('map.sites', {})).buildings[0]!.photoId).toBe(second.id)
    await t.app.ok('photos.restore', { id: first.id })
    expect(decodeMapSites(await t.app.ok('map.sites', {})).buildings[0]!.photoId).toBe(first.id)
    const renamed = await t.app.ok('photos.update', { id: first.id, caption: '一层大堂' })
    expect(renamed.caption).toBe('一层大堂')
  })

  it('refuses what is not a photo, or a photo of nothing, and stores nothing', async () => {
    const { id: parcelId } = await t.app.ok('parcels.create', { code: 'HN-1', name: '浑南地块', districtCode: '210112', landUse: 'm0', status: 'listed' })
    const text = await t.app.call('photos.add', { ownerKind: 'parcel', ownerId: parcelId, uploadId: await upload(fileWith('说明.png', new TextEncoder().encode('not an image at all'))) })
    expect(text).toMatchObject({ ok: false, error: { code: 'invalid', field: 'uploadId', message: '照片：只支持 JPEG、PNG 或 WebP 图片' } })
    const broken = await t.app.call('photos.add', { ownerKind: 'parcel', ownerId: parcelId, uploadId: await upload(fileWith('坏.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2]))) })
    expect(broken).toMatchObject({ ok: false, error: { field: 'uploadId', message: '照片：图片已损坏，无法读取尺寸' } })
    const nobody = await t.app.call('photos.add', { ownerKind: 'park', ownerId: parcelId, uploadId: await upload(fileWith('a.png', png1x1(0, 0, 0))) })
    expect(nobody).toMatchObject({ ok: false, error: { field: 'ownerId' } })
    const unknownUpload = await t.app.call('photos.add', { ownerKind: 'parcel', ownerId: parcelId, uploadId: '00000000-0000-4000-8000-000000000000' })
    expect(unknownUpload).toMatchObject({ ok: false, error: { field: 'uploadId' } })
    expect(await t.app.store.db.selectFrom('photos').select('id').execute()).toEqual([])
    // A refused file can be used again once it is a photo: a failed attempt keeps the upload.
    const file = fileWith('ok.png', png1x1(9, 9, 9))
    const uploadId = await upload(file)
    await t.app.call('photos.add', { ownerKind: 'park', ownerId: parcelId, uploadId })
    expect((await t.app.call('photos.add', { ownerKind: 'parcel', ownerId: parcelId, uploadId })).ok).toBe(true)
  })
})
