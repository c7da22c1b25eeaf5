import { useSearchParams } from 'react-router'

/**
 * List filters kept in the URL's search params, so a filtered list survives going to a detail
 * and back, and can be bookmarked. Param names are the API's input names.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams()
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>
  const set = (key: K, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (value) next.set(key, value)
        else next.delete(key)
        return next
      },
      { replace: true },
    )
  const clear = () => setParams(new URLSearchParams(), { replace: true })
  const active = keys.some((k) => values[k] !== '')
  return { values, set, clear, active }
}

/** The non-empty filters, typed as the list method's input. */
export function nonEmpty<T extends Record<string, string>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '')) as Partial<T>
}
