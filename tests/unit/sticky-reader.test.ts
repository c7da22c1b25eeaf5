import { describe, expect, it } from 'vitest'
import { stickyReaderIndex } from '../../src/main/runtime/pool'

// The import wizard's reads about one upload meet in one reader (where its parsed table is kept).

describe('stickyReaderIndex', () => {
  it('sends inspect and preview of one upload to the same reader, and spreads uploads over the readers', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `0f3c9a1e-upload-${i}`)
    for (const uploadId of ids) {
      const inspect = stickyReaderIndex('imports.inspect', { uploadId }, 2)
      expect(inspect).not.toBeNull()
      expect(stickyReaderIndex('imports.preview', { uploadId, crs: 'wgs84' }, 2)).toBe(inspect)
      expect(stickyReaderIndex('imports.inspect', { uploadId, sheet: '空间' }, 2)).toBe(inspect)
    }
    const used = new Set(ids.map((uploadId) => stickyReaderIndex('imports.inspect', { uploadId }, 2)))
    expect(used).toEqual(new Set([0, 1]))
  })

  it('leaves every other call to the least busy reader', () => {
    expect(stickyReaderIndex('buildings.list', {}, 2)).toBeNull()
    expect(stickyReaderIndex('imports.list', {}, 2)).toBeNull()
    // A write is the writer's.
    expect(stickyReaderIndex('imports.run', { uploadId: 'u' }, 2)).toBeNull()
  })
})
