import { describe, expect, it } from 'vitest'
import { decodeHlc, encodeHlc, receive, tick } from '../../src/main/store/hlc'

describe('hybrid logical clock', () => {
  it('follows the wall clock when it moves forward', () => {
    expect(tick({ wall: 1000, counter: 3 }, 2000)).toEqual({ wall: 2000, counter: 0 })
  })

  it('never goes backwards when the wall clock does, counting instead', () => {
    const a = tick({ wall: 5000, counter: 0 }, 4000)
    const b = tick(a, 4500)
    expect(a).toEqual({ wall: 5000, counter: 1 })
    expect(b).toEqual({ wall: 5000, counter: 2 })
    expect(encodeHlc(a, 'dev') < encodeHlc(b, 'dev')).toBe(true)
  })

  it('encodes stamps that sort by time, then counter, then device, and decode back', () => {
    const stamps = [
      encodeHlc({ wall: 1732262400000, counter: 0 }, 'b-device'),
      encodeHlc({ wall: 1732262400000, counter: 10 }, 'a-device'),
      encodeHlc({ wall: 1732262400001, counter: 0 }, 'a-device'),
      encodeHlc({ wall: 999, counter: 0 }, 'z-device'),
    ]
    expect([...stamps].sort()).toEqual([stamps[3], stamps[0], stamps[1], stamps[2]])
    expect(decodeHlc(stamps[1]!)).toEqual({ wall: 1732262400000, counter: 10, deviceId: 'a-device' })
  })

  it('moves past a remote stamp on receive', () => {
    expect(receive({ wall: 100, counter: 1 }, { wall: 200, counter: 5 }, 150)).toEqual({ wall: 200, counter: 6 })
    expect(receive({ wall: 200, counter: 7 }, { wall: 200, counter: 5 }, 150)).toEqual({ wall: 200, counter: 8 })
    expect(receive({ wall: 100, counter: 1 }, { wall: 90, counter: 5 }, 300)).toEqual({ wall: 300, counter: 0 })
  })
})
