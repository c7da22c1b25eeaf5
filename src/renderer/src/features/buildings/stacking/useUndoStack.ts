import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { INVENTORY_READS } from '../../../api/hooks'

/** A change already saved and the call that reverses it. */
export interface UndoEntry {
  /** What was done, as the person reads it ("12 层 1201 改为“已租”"). */
  label: string
  undo: () => Promise<unknown>
}

const LIMIT = 100

/**
 * The undo stack of the plan and the grid: every saved change pushes its inverse call; undo runs the
 * newest one, then refreshes the figures it changed. An undo that fails is dropped (it is refused for
 * a reason that trying again will not change, e.g. a space leased since) and rejects with a message
 * saying so, which the plan toasts and the grid shows; the older entries stay.
 */
export function useUndoStack() {
  const { t } = useTranslation('stacking')
  const client = useQueryClient()
  const stack = useRef<UndoEntry[]>([])
  const [top, setTop] = useState<UndoEntry | null>(null)
  const busy = useRef(false)

  const push = useCallback((entry: UndoEntry) => {
    stack.current = [...stack.current.slice(-(LIMIT - 1)), entry]
    setTop(entry)
  }, [])

  const undo = useCallback(async (): Promise<UndoEntry | null> => {
    const entry = stack.current[stack.current.length - 1]
    if (!entry || busy.current) return null
    busy.current = true
    const drop = () => {
      stack.current = stack.current.filter((e) => e !== entry)
      setTop(stack.current[stack.current.length - 1] ?? null)
    }
    try {
      try {
        await entry.undo()
      } catch (error) {
        drop()
        throw new Error(t('undo.failed', { what: entry.label, reason: (error as Error).message }), { cause: error })
      } finally {
        // Show what the store holds now, whether the undo went through or not.
        await Promise.all(INVENTORY_READS.map((m) => client.invalidateQueries({ queryKey: [m] })))
      }
      drop()
      return entry
    } finally {
      busy.current = false
    }
  }, [client, t])

  return { push, undo, top }
}

export type UndoStack = ReturnType<typeof useUndoStack>
