import { describe, expect, it } from 'vitest'
import { exifDateTime, position } from '../../src/main/services/photos/exif'

describe('EXIF values read as metadata hints', () => {
  it('reads a camera date-time as local ISO, and leaves blanks and nonsense out', () => {
    expect(exifDateTime('2025:04:18 09:41:07')).toBe('2025-04-18T09:41:07')
    expect(exifDateTime('2025-04-18 09:41:07')).toBe('2025-04-18T09:41:07')
    expect(exifDateTime('    :  :     :  :  ')).toBeNull()
    expect(exifDateTime('2025:13:18 09:41:07')).toBeNull()
    expect(exifDateTime(20250418)).toBeNull()
  })

  it('keeps a GPS fix on the globe, not the 0,0 of a phone without one', () => {
    expect(position(123.43210001, 41.8)).toEqual({ lng: 123.4321, lat: 41.8 })
    expect(position(0, 0)).toBeNull()
    expect(position(200, 41)).toBeNull()
    expect(position(Number.NaN, 41)).toBeNull()
    expect(position('123', 41)).toBeNull()
  })
})
