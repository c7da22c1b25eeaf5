import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { z } from 'zod'
import type { SETTING_KEYS } from '../../../../shared/api'
import { api } from '../../api/client'
import { useSettings } from '../meta/queries'

type SettingKey = (typeof SETTING_KEYS)[number]

/**
 * A piece of screen state kept in the store's settings, so it survives a restart (the map's
 * filter, layers, view, selection). Read once when the settings arrive. Written at once, but one
 * write at a time: while a write is on its way, later changes wait and only the newest is sent,
 * so typing in a filter sends a handful of small writes, never a queue, and the last change is
 * not lost to a timer when the window closes.
 *
 * Returns [value, update, ready, persist]: `persist` only writes, for state the screen never reads
 * back after the start (the map's view, written on every pan, would otherwise re-render the whole
 * map screen each time).
 */
export function usePersistedSetting<T>(key: SettingKey, schema: z.ZodType<T>, fallback: T) {
  const settings = useSettings()
  // A write puts the new value into the cached settings rather than fetching them all again: a
  // refetch of every setting on each pan of the map would be work for nothing.
  const client = useQueryClient()
  const [value, setValue] = useState<T>(fallback)
  const [ready, setReady] = useState(false)
  const writer = useRef({ busy: false, pending: null as string | null })

  useEffect(() => {
    if (ready || !settings.data) return
    const stored = settings.data[key]
    if (stored !== undefined) {
      try {
        const parsed = schema.safeParse(JSON.parse(stored))
        if (parsed.success) setValue(parsed.data)
      } catch {
        // unreadable: keep the default
      }
    }
    setReady(true)
  }, [settings.data, key, schema, ready])

  const flush = useCallback(async () => {
    const w = writer.current
    if (w.busy) return
    w.busy = true
    try {
      while (w.pending !== null) {
        const next = w.pending
        w.pending = null
        client.setQueryData<Record<string, string>>(['settings.get', {}], (all) => (all ? { ...all, [key]: next } : all))
        // Straight to the API, not through a mutation hook: its pending/success states would
        // re-render the screen for a write nobody waits on.
        await api.call('settings.set', { key, value: next }).catch(() => {
          // A failed write of a screen preference is not worth interrupting the user for; the
          // next change writes again.
        })
      }
    } finally {
      w.busy = false
    }
  }, [key, client])

  const persist = useCallback(
    (next: T) => {
      writer.current.pending = JSON.stringify(next)
      queueMicrotask(() => void flush())
    },
    [flush],
  )

  const update = useCallback(
    (next: T | ((previous: T) => T)) => {
      setValue((previous) => {
        const resolved = typeof next === 'function' ? (next as (p: T) => T)(previous) : next
        persist(resolved)
        return resolved
      })
    },
    [persist],
  )

  return [value, update, ready || settings.isError, persist] as const
}
