// A hybrid logical clock (Kulkarni et al., 2014): wall time in ms plus a counter, so stamps from
// one device never go backwards even if its clock does, and stamps from two devices order by
// time first. Encoded as a fixed-width string that sorts lexicographically:
//   0001732262400000-0000-<deviceId>
// Small and specific to our string encoding, so it is written here rather than taken from npm.

export interface HlcState {
  wall: number
  counter: number
}

const WALL_WIDTH = 16
const COUNTER_WIDTH = 4

export function encodeHlc(state: HlcState, deviceId: string): string {
  return `${String(state.wall).padStart(WALL_WIDTH, '0')}-${state.counter.toString(16).padStart(COUNTER_WIDTH, '0')}-${deviceId}`
}

export function decodeHlc(stamp: string): HlcState & { deviceId: string } {
  const [wall, counter, ...rest] = stamp.split('-')
  return { wall: Number(wall), counter: parseInt(counter ?? '0', 16), deviceId: rest.join('-') }
}

/** The next local stamp after `last`, given the wall clock now. */
export function tick(last: HlcState, now: number): HlcState {
  if (now > last.wall) return { wall: now, counter: 0 }
  return { wall: last.wall, counter: last.counter + 1 }
}

/** Advances the local clock past a stamp received from another device (used when merging). */
export function receive(last: HlcState, remote: HlcState, now: number): HlcState {
  const wall = Math.max(last.wall, remote.wall, now)
  if (wall === last.wall && wall === remote.wall) return { wall, counter: Math.max(last.counter, remote.counter) + 1 }
  if (wall === last.wall) return { wall, counter: last.counter + 1 }
  if (wall === remote.wall) return { wall, counter: remote.counter + 1 }
  return { wall, counter: 0 }
}
