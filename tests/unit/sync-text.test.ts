import { describe, expect, it } from 'vitest'
import type { ConflictValue, SyncConflict, SyncPeer, SyncStatus } from '../../src/shared/sync'
import {
  choiceLabelOf, choicesShown, conflictFieldLabel, conflictValueText, groupByRow, pendingTitle, summarizeStatus,
} from '../../src/renderer/src/features/sync/syncText'

// The sync screens' shaping: what the top bar says, conflicts by row, values in the change log's words.

const peer = (over: Partial<SyncPeer>): SyncPeer => ({
  id: 'd1', kind: 'device', name: '李四', lastSentAt: null, lastReceivedAt: null, waiting: 0, ...over,
})

const status = (over: Partial<SyncStatus>): SyncStatus => ({
  deviceId: 'self', actor: '张三', ops: 120, ownOps: 40, peers: [], server: null, openConflicts: 0, pendingRows: 0, pending: [], ...over,
})

const server = { url: 'https://s', user: 'zhang', signedIn: true, tokenExpiresAt: null, lastSyncAt: null, lastError: null, role: 'editor' as const }

const value = (over: Partial<ConflictValue>): ConflictValue => ({
  value: null, shown: false, device: 'dev-aaaaaaaa-1', actor: '张三', at: '2026-12-01T02:00:00Z', hlc: 'h', choice: 'c', ...over,
})

const conflict = (over: Partial<SyncConflict>): SyncConflict => ({
  table: 'buildings', rowId: 'b1', field: 'name', kind: 'field', values: [], detectedAt: '2026-12-01T03:00:00Z', ...over,
})

describe('the top bar status', () => {
  it('says never synced, with nothing waiting, when there is neither a server nor a colleague', () => {
    expect(summarizeStatus(status({}))).toEqual({ waiting: null, lastAt: null, conflicts: 0, server: 'none', serverError: null })
  })

  it('counts the largest colleague backlog and the latest exchange either way', () => {
    const s = summarizeStatus(status({
      openConflicts: 2,
      peers: [
        peer({ id: 'a', waiting: 3, lastSentAt: '2026-12-01T01:00:00Z', lastReceivedAt: '2026-12-01T05:00:00Z' }),
        peer({ id: 'b', waiting: 9, lastSentAt: '2026-12-01T04:00:00Z' }),
      ],
    }))
    expect(s).toMatchObject({ waiting: 9, lastAt: '2026-12-01T05:00:00Z', conflicts: 2, server: 'none' })
  })

  it('counts what waits for the server when one is set, everything held before the first sync', () => {
    expect(summarizeStatus(status({ server, peers: [peer({ waiting: 50 })] })).waiting).toBe(120)
    const synced = status({ server: { ...server, lastSyncAt: '2026-12-01T06:00:00Z' }, peers: [peer({ waiting: 50 }), peer({ id: 'server', kind: 'server', waiting: 4 })] })
    expect(summarizeStatus(synced)).toMatchObject({ waiting: 4, lastAt: '2026-12-01T06:00:00Z', server: 'ok' })
  })

  it('tells a signed-out server from one whose last sync failed', () => {
    expect(summarizeStatus(status({ server: { ...server, signedIn: false } })).server).toBe('signedOut')
    const failing = summarizeStatus(status({ server: { ...server, lastError: '无法连接服务器' } }))
    expect(failing).toMatchObject({ server: 'failing', serverError: '无法连接服务器' })
  })
})

describe('conflicts as people read them', () => {
  it('groups conflicts by row in the order they come, naming a row without a name by its kind', () => {
    const rows = groupByRow([
      conflict({ rowId: 'b1', field: 'name', rowName: '财富中心' }),
      conflict({ table: 'spaces', rowId: 's9abcdef12', field: 'status' }),
      conflict({ rowId: 'b1', field: 'address', rowName: '财富中心' }),
    ])
    expect(rows.map((r) => [r.name, r.conflicts.map((c) => c.field)])).toEqual([
      ['财富中心', ['name', 'address']],
      ['空间 #s9abcdef', ['status']],
    ])
  })

  it('labels fields as the forms do, a duplicate’s several fields joined', () => {
    expect(conflictFieldLabel(conflict({ field: 'name' }))).toBe('楼宇名称')
    expect(conflictFieldLabel(conflict({ table: 'spaces', field: 'floorLabel,unit', kind: 'duplicate' }))).toBe('楼层 + 单元')
    expect(conflictFieldLabel(conflict({ field: 'deletedAt', kind: 'delete' }))).toBeNull()
  })

  it('words values as the change log does: statuses, areas, names of the rows they point to', () => {
    const status = conflict({ table: 'spaces', field: 'status' })
    expect(conflictValueText(status, value({ value: 'leased' }))).toBe('已租')
    const area = conflict({ table: 'spaces', field: 'area' })
    expect(conflictValueText(area, value({ value: 1250 }))).toBe('1,250 m²')
    const moved = conflict({ table: 'spaces', field: 'buildingId', refs: { b1: '财富中心' } })
    expect(conflictValueText(moved, value({ value: 'b1' }))).toBe('财富中心')
    // An id the service did not name is shown short, not as a row that no longer exists.
    expect(conflictValueText(moved, value({ value: 'b2345678999' }))).toBe('#b2345678')
    expect(conflictValueText(conflict({}), value({ value: null }))).toBe('空')
  })

  it('words a delete’s edits by their fields and a duplicate by the row it keeps', () => {
    const del = conflict({ kind: 'delete', field: 'deletedAt' })
    expect(conflictValueText(del, value({ role: 'deleted', value: '2026-12-01T02:00:00Z' }))).toBeNull()
    expect(conflictValueText(del, value({ role: 'edited', value: { name: '财富中心东塔', grade: 'a' } }))).toBe('修改了 楼宇名称 为 财富中心东塔、楼宇等级 为 甲级')
    // The engine lists each edit as one field and its value.
    expect(conflictValueText(del, value({ role: 'edited', value: { field: 'grade', value: 'b' } }))).toBe('修改了 楼宇等级 为 乙级')
    // A restore on one laptop against a delete on another: the restore offers keeping the row.
    expect(conflictValueText(del, value({ role: 'restored', value: null }))).toBe('恢复了此记录')
    expect(choiceLabelOf(del, { role: 'restored' })).toBe('restoreEdits')
    const dup = conflict({ table: 'spaces', rowId: 's22222222x', rowName: '财富中心 12层 1201', kind: 'duplicate', field: 'unit', refs: { s1: '财富中心 12层 1201A' } })
    expect(conflictValueText(dup, value({ role: 'kept', value: 's1' }))).toBe('财富中心 12层 1201A #s1')
    expect(conflictValueText(dup, value({ role: 'held', value: 's22222222x' }))).toBe('财富中心 12层 1201 #s2222222')
    expect(conflictValueText({ ...dup, refs: undefined }, value({ role: 'kept', value: 's33333333' }))).toBe('空间 #s3333333')
  })

  it('offers one button per distinct choice, and on a rule conflict only the rule’s value', () => {
    const rule = conflict({ kind: 'rule', field: 'status', values: [value({ choice: 'x', shown: true }), value({ choice: 'r', role: 'rule' })] })
    expect(rule.values.map((v) => choiceLabelOf(rule, v))).toEqual([null, 'keep'])
    expect([...choicesShown(rule)]).toEqual([1])
    const del = conflict({
      kind: 'delete', field: 'deletedAt',
      values: [value({ role: 'deleted', choice: 'del' }), value({ role: 'edited', choice: 'restore' }), value({ role: 'edited', choice: 'restore' })],
    })
    expect(del.values.map((v) => choiceLabelOf(del, v))).toEqual(['keepDelete', 'restoreEdits', 'restoreEdits'])
    expect([...choicesShown(del)]).toEqual([0, 1])
    const dup = conflict({ kind: 'duplicate', values: [value({ choice: 'a', role: 'kept' }), value({ choice: 'b', role: 'held' })] })
    expect([...choicesShown(dup)].map((i) => choiceLabelOf(dup, dup.values[i]!))).toEqual(['keepRow', 'keepRow'])
  })
})

describe('rows waiting to be put in place', () => {
  it('names each table and parent in Chinese, one a line, and counts those not listed', () => {
    const listed = [
      { table: 'spaces', rowId: '1a2b3c4d-0000', reason: '缺少上级记录 buildings:5e6f7a8b-1111' },
      { table: 'photos', rowId: '9f9f9f9f-2222', reason: '缺少照片数据 abcdef012345' },
    ]
    expect(pendingTitle(3, listed)).toBe('空间 1a2b3c4d：缺少上级记录（楼宇 5e6f7a8b）\n照片 9f9f9f9f：缺少照片数据 abcdef012345\n…（共 3 条）')
  })
})
