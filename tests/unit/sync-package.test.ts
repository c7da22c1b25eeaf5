import { describe, expect, it } from 'vitest'
import { blobRefOf, blobRefs } from '../../src/shared/syncBlobs'
import { mergeKnows } from '../../src/main/store/syncExport'
import { packageFileName } from '../../src/main/services/sync/packageExport'
import { opLine } from '../../src/main/services/sync/packageLines'

const SHA = 'a'.repeat(64)

describe('sync package pieces', () => {
  it('finds the photo digests a logged value names, and nothing in other values', () => {
    expect(blobRefOf({ bytes: 12, sha256: SHA })).toEqual({ bytes: 12, sha256: SHA })
    expect(blobRefOf({ bytes: 12, sha256: SHA, extra: 1 })).toBeNull()
    expect(blobRefOf({ bytes: -1, sha256: SHA })).toBeNull()
    expect(blobRefOf({ bytes: 1, sha256: 'not a digest' })).toBeNull()
    expect(blobRefs({ field: 'bytes', value: JSON.stringify({ bytes: 3, sha256: SHA }) })).toEqual([{ field: 'bytes', bytes: 3, sha256: SHA }])
    expect(blobRefs({ field: 'caption', value: JSON.stringify('sha256 of the lobby') })).toEqual([])
    expect(blobRefs({ field: null, value: JSON.stringify({ caption: '大堂', bytes: { bytes: 3, sha256: SHA }, thumbnail: null }) })).toEqual([{ field: 'bytes', bytes: 3, sha256: SHA }])
    expect(blobRefs({ field: 'bytes', value: null })).toEqual([])
  })

  it('merges what two vectors know: the later stamp per device', () => {
    expect(mergeKnows({ a: '0002-0000-a', b: '0001-0000-b' }, { a: '0001-0000-a', c: '0003-0000-c' }, null)).toEqual({ a: '0002-0000-a', b: '0001-0000-b', c: '0003-0000-c' })
  })

  it('names a package for people, without characters file systems refuse', () => {
    expect(packageFileName('张三', new Date(2026, 11, 2, 9, 5))).toBe('修改-张三-20261202-0905.sitechanges')
    expect(packageFileName('a/b:c', new Date(2026, 0, 1, 0, 0))).toBe('修改-a_b_c-20260101-0000.sitechanges')
    expect(packageFileName('', new Date(2026, 0, 1, 0, 0))).toBe('修改-未署名-20260101-0000.sitechanges')
  })

  it('checks an operation line: its id is its stamp and place, names are known, values are JSON', () => {
    const good = { id: '0001-0000-d:7', hlc: '0001-0000-d', device: 'd', actor: '张三', at: '2026-12-02T04:00:00.000Z', table: 'buildings', row: 'b1', op: 'update', field: 'name', old: '"甲"', value: '"乙"', pred: ['0000-0000-d:3'] }
    expect(opLine.safeParse(good).success).toBe(true)
    expect(opLine.safeParse({ ...good, id: '0002-0000-d:7' }).success).toBe(false)
    expect(opLine.safeParse({ ...good, table: 'change_log' }).success).toBe(false)
    expect(opLine.safeParse({ ...good, field: 'name"' }).success).toBe(false)
    expect(opLine.safeParse({ ...good, value: '乙' }).success).toBe(false)
    expect(opLine.safeParse({ ...good, actor: '张\u0007三' }).success).toBe(false)
    expect(opLine.safeParse({ ...good, extra: 1 }).success).toBe(false)
  })
})
