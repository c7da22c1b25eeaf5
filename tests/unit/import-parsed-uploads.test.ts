import { afterEach, describe, expect, it, vi } from 'vitest'
import { optionsKey, ParsedUploads } from '../../src/main/services/imports/parsedUploads'
import type { Plan } from '../../src/main/services/imports/plan'
import type { RawTable } from '../../src/main/services/imports/table'

// The per-process keep of tables read from uploads: by upload and file stamp, at most `max`, idle expiry.

const table = (name: string): RawTable => ({ format: 'csv', encoding: 'utf-8', sheets: [{ name, rows: [['楼宇名称'], [name]] }] })
const file = { size: 100, mtimeMs: 1 }
const plan = { preview: {}, groups: [] } as unknown as Plan

describe('ParsedUploads', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('answers the table read for the same file, not for one changed since', () => {
    const kept = new ParsedUploads()
    const a = table('a')
    kept.keepTable('u1', file, a)
    expect(kept.table('u1', file)).toBe(a)
    expect(kept.table('u2', file)).toBeNull()
    expect(kept.table('u1', { size: 100, mtimeMs: 2 })).toBeNull()
    // A changed file drops the table for good.
    expect(kept.table('u1', file)).toBeNull()
  })

  it('keeps at most `max` tables, dropping the least recently used', () => {
    const kept = new ParsedUploads(2)
    kept.keepTable('u1', file, table('1'))
    kept.keepTable('u2', file, table('2'))
    expect(kept.table('u1', file)).not.toBeNull()
    kept.keepTable('u3', file, table('3'))
    expect(kept.size).toBe(2)
    expect(kept.table('u2', file)).toBeNull()
    expect(kept.table('u1', file)?.sheets[0]!.name).toBe('1')
    expect(kept.table('u3', file)?.sheets[0]!.name).toBe('3')
  })

  it('keeps one plan per upload, for the options it was made with, and forgets both on drop', () => {
    const kept = new ParsedUploads()
    kept.keepPlan('u1', { key: 'k', storeStamp: null, plan })
    expect(kept.plan('u1', 'k')).toBeNull() // no table read: nothing to attach to
    kept.keepTable('u1', file, table('1'))
    kept.keepPlan('u1', { key: 'k', storeStamp: 's', plan })
    expect(kept.plan('u1', 'k')).toMatchObject({ storeStamp: 's', plan })
    expect(kept.plan('u1', 'other')).toBeNull()
    kept.drop('u1')
    expect(kept.plan('u1', 'k')).toBeNull()
    expect(kept.table('u1', file)).toBeNull()
  })

  it('drops the tables of uploads another process imported or discarded', () => {
    const kept = new ParsedUploads(2)
    kept.keepTable('u1', file, table('1'))
    kept.keepTable('u2', file, table('2'))
    kept.dropWhere((id) => id === 'u1')
    expect(kept.size).toBe(1)
    expect(kept.table('u1', file)).toBeNull()
    expect(kept.table('u2', file)).not.toBeNull()
  })

  it('drops a table left idle for the time given', () => {
    vi.useFakeTimers()
    const kept = new ParsedUploads(2, 1000)
    kept.keepTable('u1', file, table('1'))
    vi.advanceTimersByTime(600)
    expect(kept.table('u1', file)).not.toBeNull() // use restarts the clock
    vi.advanceTimersByTime(600)
    expect(kept.size).toBe(1)
    vi.advanceTimersByTime(500)
    expect(kept.size).toBe(0)
  })

  it('keys options whatever order their properties were written in', () => {
    expect(optionsKey({ kind: 'buildings', mapping: { '1': 'name', '0': null } })).toBe(optionsKey({ mapping: { '0': null, '1': 'name' }, kind: 'buildings', crs: undefined }))
    expect(optionsKey({ kind: 'buildings' })).not.toBe(optionsKey({ kind: 'parcels' }))
    expect(optionsKey({ mapping: { '0': null } })).not.toBe(optionsKey({ mapping: {} }))
  })
})
