import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
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
 * newest one, then refreshes the figures it changed. An undo that fails stays on the stack so the
 * person can try again.
 */
export function useUndoStack() {
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
    try {
      try {
        await entry.undo()
      } finally {
        // A failed undo may have run part of its calls: show what the store holds now.
        await Promise.all(INVENTORY_READS.map((m) => client.invalidateQueries({ queryKey: [m] })))
      }
      stack.current = stack.current.slice(0, -1)
      setTop(stack.current[stack.current.length - 1] ?? null)
      return entry
    } finally {
      busy.current = false
    }
  }, [client])

  return { push, undo, top }
}

export type UndoStack = ReturnType<typeof useUndoStack>
