import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  EXISTENCE_FIELD,
  type MergeOp,
  predForField,
  predForResolution,
  predForRow,
  type RowState,
  rowState,
  valueKey,
  writtenFields,
  writtenValue,
} from '../../src/shared/syncMerge'
import { seededRandom } from '../helpers/crashRandom'

// The merge rules of one row (shared/syncMerge.ts) against simulated devices: each device holds a
// view (a set of operations), writes with the pred its view gives (the store's rule: an edit
// supersedes the value shown, a delete or restore every head, a resolution every head of its field),
// and hands operations to another (all it holds, or a part: an interrupted exchange). The oracle is
// what each writer saw, kept apart from the rules: the operations its device held when it wrote.

const FIELDS = ['name', 'area', 'status'] as const
const VALUES: Record<(typeof FIELDS)[number], unknown[]> = {
  name: ['甲', '乙', '丙'],
  area: [100, 120.5],
  status: ['vacant', 'leased'],
}

type Action =
  | { kind: 'edit'; device: number; field: number; value: number }
  | { kind: 'delete'; device: number }
  | { kind: 'restore'; device: number }
  | { kind: 'resolve'; device: number; field: number; pick: number }
  /** `part` of 1000: how much of what `from` holds reaches `to` (1000: all of it), in a shuffled order. */
  | { kind: 'send'; from: number; to: number; part: number; seed: number }

const deviceCount = 5
const action = (devices: number): fc.Arbitrary<Action> => {
  const device = fc.nat({ max: devices - 1 })
  return fc.oneof(
        // Few fields and values: devices often write the same field, and often the same value.
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), device, field: fc.nat({ max: FIELDS.length - 1 }), value: fc.nat({ max: 2 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), device }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), device }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), device, field: fc.nat({ max: FIELDS.length - 1 }), pick: fc.nat({ max: 4 }) }) },
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('send' as const),
        from: device,
        to: device,
        part: fc.oneof({ weight: 3, arbitrary: fc.constant(1000) }, { weight: 1, arbitrary: fc.nat({ max: 1000 }) }),
        seed: fc.nat(),
      }),
    },
  )
}

const scenario = fc.record({
  devices: fc.integer({ min: 3, max: deviceCount }),
  wholeRowInsert: fc.boolean(),
  /** Clock skew per device, ms: a device's clock may run behind another's. */
  skews: fc.array(fc.nat({ max: 5 }), { minLength: deviceCount, maxLength: deviceCount }),
  actions: fc.array(action(deviceCount), { maxLength: 40 }),
  deliverySeed: fc.nat(),
})


function shuffle<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

interface Simulated {
  all: MergeOp[]
  /** Op id → the ids its device held when it was written. */
  views: Map<string, Set<string>>
  byId: Map<string, MergeOp>
}

function stamp(wall: number, counter: number, device: number): string {
  return `${String(wall).padStart(16, '0')}-${counter.toString(16).padStart(4, '0')}-dev${device}`
}

/** Runs the actions: every device starts holding the row's insert, written by device 0. */
function simulate(s: { devices: number; wholeRowInsert: boolean; skews: number[]; actions: Action[] }): Simulated {
  const held = Array.from({ length: s.devices }, () => new Set<string>())
  const clocks = Array.from({ length: s.devices }, () => ({ wall: 0, counter: 0 }))
  const seqs = Array.from({ length: s.devices }, () => 0)
  const byId = new Map<string, MergeOp>()
  const views = new Map<string, Set<string>>()
  let now = 1000
  const write = (device: number, op: Omit<MergeOp, 'id' | 'hlc'>) => {
    now += 1
    // The hybrid clock: past the device's last stamp and every stamp it holds.
    const clock = clocks[device]!
    for (const id of held[device]!) {
      const wall = Number(byId.get(id)!.hlc.slice(0, 16))
      if (wall > clock.wall) Object.assign(clock, { wall, counter: 0 })
    }
    const wall = now + s.skews[device]!
    if (wall > clock.wall) Object.assign(clock, { wall, counter: 0 })
    else clock.counter += 1
    const hlc = stamp(clock.wall, clock.counter, device)
    seqs[device]! += 1
    const full: MergeOp = { ...op, id: `${hlc}:${seqs[device]}`, hlc }
    byId.set(full.id, full)
    views.set(full.id, new Set(held[device]))
    held[device]!.add(full.id)
    return full
  }
  const view = (device: number) => rowState([...held[device]!].map((id) => byId.get(id)!))

  if (s.wholeRowInsert) {
    write(0, { op: 'insert', field: null, value: JSON.stringify({ name: '甲', area: 100, status: 'vacant' }), pred: [] })
  } else {
    for (const field of FIELDS) write(0, { op: 'insert', field, value: JSON.stringify(VALUES[field][0]), pred: [] })
  }
  for (let d = 1; d < s.devices; d++) for (const id of held[0]!) held[d]!.add(id)

  for (const a of s.actions) {
    if (a.kind === 'send') {
      const from = a.from % s.devices
      const to = a.to % s.devices
      if (from === to) continue
      const next = seededRandom(a.seed)
      const ops = shuffle([...held[from]!], next)
      for (const id of ops.slice(0, Math.round((ops.length * a.part) / 1000))) held[to]!.add(id)
      continue
    }
    const device = a.device % s.devices
    const state = view(device)
    if (a.kind === 'edit') {
      if (state.deleted) continue
      const field = FIELDS[a.field]!
      write(device, { op: 'update', field, value: JSON.stringify(VALUES[field][a.value % VALUES[field].length]), pred: predForField(state, field) })
    } else if (a.kind === 'delete') {
      if (state.deleted) continue
      write(device, { op: 'delete', field: EXISTENCE_FIELD, value: JSON.stringify(`2026-01-01T00:00:${String(now % 60).padStart(2, '0')}Z`), pred: predForRow(state) })
    } else if (a.kind === 'restore') {
      if (!state.deleted) continue
      write(device, { op: 'restore', field: EXISTENCE_FIELD, value: null, pred: predForRow(state) })
    } else {
      const field = FIELDS[a.field]!
      const f = state.fields.get(field)
      if (!f?.conflicted) continue
      const chosen = f.heads[a.pick % f.heads.length]!
      write(device, { op: 'update', field, value: writtenValue(chosen, field), pred: predForResolution(state, field) })
    }
  }
  return { all: [...byId.values()], views, byId }
}

/** A row's state as plain data, to compare states reached by different deliveries. */
function summary(state: RowState) {
  return {
    fields: [...state.fields.values()]
      .map((f) => ({ field: f.field, heads: f.heads.map((h) => h.id), winner: f.winner.id, conflicted: f.conflicted }))
      .sort((a, b) => (a.field < b.field ? -1 : 1)),
    deleted: state.deleted,
    deleteConflict: state.deleteConflict && {
      deletions: state.deleteConflict.deletions.map((d) => d.id).sort(),
      edits: state.deleteConflict.edits.map((e) => `${e.field}|${e.op.id}`).sort(),
    },
  }
}

/**
 * What each operation's writer saw: the operations its device held when writing it. Not closed
 * transitively: an interrupted exchange can hand a device an operation without the ones before it,
 * and what the device never held it did not see.
 */
function pasts(sim: Simulated): Map<string, Set<string>> {
  return sim.views
}

function writers(ops: readonly MergeOp[], field: string): MergeOp[] {
  return ops.filter((op) => writtenFields(op).includes(field))
}

const keyOf = (op: MergeOp, field: string) => valueKey(writtenValue(op, field), field)

describe('the merge rules of a row, against simulated devices', () => {
  it('give the same state for the same operations, whatever subset, order or duplication delivered them', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const sim = simulate(s)
        const next = seededRandom(s.deliverySeed)
        // Several deliveries of the same set: shuffled, with some operations arriving twice.
        const subset = sim.all.filter(() => next() < 0.7)
        const canonical = summary(rowState([...subset].sort((a, b) => (a.id < b.id ? -1 : 1))))
        for (let round = 0; round < 3; round++) {
          const delivered = shuffle([...subset, ...subset.filter(() => next() < 0.3)], next)
          expect(summary(rowState(delivered))).toEqual(canonical)
        }
        const whole = summary(rowState(sim.all))
        expect(summary(rowState(shuffle([...sim.all, ...sim.all], next)))).toEqual(whole)
      }),
      { numRuns: 400 },
    )
  })

  it('keep every concurrent different value of a field as a conflict, and call sequential edits none', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const sim = simulate(s)
        const past = pasts(sim)
        const state = rowState(sim.all)
        for (const [field, f] of state.fields) {
          const ops = writers(sim.all, field)
          // The causally latest writes: no other write of the field saw them.
          const latest = ops.filter((a) => !ops.some((b) => b !== a && past.get(b.id)!.has(a.id)))
          const headIds = new Set(f.heads.map((h) => h.id))
          for (const op of latest) expect(headIds.has(op.id), `${field}: ${op.id} is causally latest but not a head`).toBe(true)
          if (new Set(latest.map((op) => keyOf(op, field))).size > 1) expect(f.conflicted, `${field}: concurrent different values`).toBe(true)
          const concurrentDifferent = ops.some((a) =>
            ops.some((b) => a !== b && !past.get(a.id)!.has(b.id) && !past.get(b.id)!.has(a.id) && keyOf(a, field) !== keyOf(b, field)),
          )
          // A conflict needs two writes of different values neither of which saw the other.
          if (!concurrentDifferent) {
            expect(f.conflicted, `${field}: conflicted without two concurrent different values`).toBe(false)
            expect(keyOf(f.winner, field), `${field}: sequential edits show the last value`).toBe(keyOf(latest[0]!, field))
          }
        }
      }),
      {
        numRuns: 2000,
        examples: [
          // Two devices write the same value, a third sees both and edits: no conflict (one was left
          // standing against the new value while an edit superseded only the value shown).
          [
            {
              devices: 3,
              wholeRowInsert: false,
              skews: [0, 0, 0, 0, 0],
              actions: [
                { kind: 'edit', device: 1, field: 2, value: 1 },
                { kind: 'edit', device: 2, field: 2, value: 1 },
                { kind: 'send', from: 1, to: 2, part: 1000, seed: 0 },
                { kind: 'edit', device: 2, field: 2, value: 0 },
              ],
              deliverySeed: 0,
            },
          ],
        ],
      },
    )
  })

  it('call a delete that did not see an edit a conflict', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const sim = simulate(s)
        const past = pasts(sim)
        const state = rowState(sim.all)
        if (!state.deleted) {
          expect(state.deleteConflict).toBeNull()
          return
        }
        const deletes = sim.all.filter((op) => op.op === 'delete')
        for (const field of FIELDS) {
          const ops = writers(sim.all, field)
          const latest = ops.filter((a) => !ops.some((b) => b !== a && past.get(b.id)!.has(a.id)))
          for (const edit of latest) {
            if (deletes.some((d) => past.get(d.id)!.has(edit.id))) continue
            expect(state.deleteConflict?.edits.some((e) => e.op.id === edit.id), `${field}: ${edit.id} unseen by every delete`).toBe(true)
          }
        }
      }),
      { numRuns: 400 },
    )
  })
})
