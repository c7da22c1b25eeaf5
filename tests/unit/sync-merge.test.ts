import { describe, expect, it } from 'vitest'
import { type MergeOp, predForResolution, predForRow, rowState, shownValues, valueKey } from '../../src/shared/syncMerge'

const op = (id: string, field: string | null, value: unknown, pred: string[] = [], kind: MergeOp['op'] = 'update'): MergeOp => ({
  id,
  hlc: id.split(':')[0]!,
  op: kind,
  field,
  value: value === undefined ? null : JSON.stringify(value),
  pred,
})

describe('a row merged from its operations', () => {
  it('takes a field changed on one side only, whatever the order the operations arrived in', () => {
    const ops = [op('1-a:1', null, { name: '财富中心', floors: 20 }, [], 'insert'), op('2-b:1', 'name', '财富大厦', ['1-a:1'])]
    for (const order of [ops, [...ops].reverse()]) {
      const state = rowState(order)
      expect(shownValues(state)).toEqual({ name: '"财富大厦"', floors: '20' })
      expect([...state.fields.values()].some((f) => f.conflicted)).toBe(false)
    }
  })

  it('keeps both values of a field changed on two sides, shows the later, and a resolution closes it', () => {
    const base = op('1-a:1', 'name', '甲', [], 'insert')
    const mine = op('3-a:2', 'name', '乙', ['1-a:1'])
    const theirs = op('2-b:1', 'name', '丙', ['1-a:1'])
    const state = rowState([base, mine, theirs])
    const name = state.fields.get('name')!
    expect(name.conflicted).toBe(true)
    expect(name.heads.map((h) => h.id)).toEqual(['2-b:1', '3-a:2'])
    expect(name.winner.id).toBe('3-a:2')
    const resolved = rowState([base, mine, theirs, op('4-a:3', 'name', '丙', predForResolution(state, 'name'))])
    expect(resolved.fields.get('name')!.conflicted).toBe(false)
    expect(shownValues(resolved).name).toBe('"丙"')
  })

  it('does not call the same value on both sides a conflict', () => {
    const base = op('1-a:1', 'status', 'vacant', [], 'insert')
    const state = rowState([base, op('2-a:2', 'status', 'leased', ['1-a:1']), op('2-b:9', 'status', 'leased', ['1-a:1'])])
    expect(state.fields.get('status')!.conflicted).toBe(false)
    expect(valueKey('true', 'divisible')).toBe(valueKey('1', 'divisible'))
    expect(valueKey('["x","y"]', 'spaceIds')).toBe(valueKey('["y","x"]', 'spaceIds'))
    expect(valueKey('"2026-01-01T00:00:00Z"', 'deletedAt')).toBe(valueKey('"2026-02-01T00:00:00Z"', 'deletedAt'))
  })

  it('calls a delete that did not see an edit a conflict, and one that saw it none', () => {
    const insert = op('1-a:1', null, { name: '甲', area: 100 }, [], 'insert')
    const edit = op('2-b:1', 'area', 120, ['1-a:1'])
    const blindDelete = op('2-a:1', 'deletedAt', '2026-01-02', rowFrontier([insert]), 'delete')
    const conflicted = rowState([insert, edit, blindDelete])
    expect(conflicted.deleted).toBe(true)
    expect(conflicted.deleteConflict?.edits.map((e) => e.op.id)).toEqual(['2-b:1'])

    const seeingDelete = op('3-a:1', 'deletedAt', '2026-01-03', rowFrontier([insert, edit]), 'delete')
    expect(rowState([insert, edit, seeingDelete]).deleteConflict).toBeNull()
    // Resolving "keep deleted": a delete that saw everything.
    const keepDeleted = op('4-a:1', 'deletedAt', '2026-01-04', predForRow(conflicted), 'delete')
    expect(rowState([insert, edit, blindDelete, keepDeleted]).deleteConflict).toBeNull()
    // Resolving "keep the row": a restore.
    const restore = op('4-b:1', 'deletedAt', null, predForRow(conflicted), 'restore')
    const restored = rowState([insert, edit, blindDelete, restore])
    expect(restored.deleted).toBe(false)
    expect(shownValues(restored).area).toBe('120')
  })
})

function rowFrontier(ops: MergeOp[]): string[] {
  return predForRow(rowState(ops))
}
