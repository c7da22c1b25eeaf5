import { keepPreviousData, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { MethodInput } from '../../../../shared/api'
import { INVENTORY_READS, useApiQuery } from '../../api/hooks'

/** The file as the importer reads it: sheets, detected header, columns with suggested fields. Asked again when the sheet or header row changes. */
export const useImportInspection = (input: MethodInput<'imports.inspect'> | null) =>
  useApiQuery('imports.inspect', input ?? { uploadId: '' }, {
    enabled: input !== null,
    // Choosing another header row keeps the grid on screen until the new answer comes.
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  })

export const useImportBatches = () => useApiQuery('imports.list', {})

/** Methods whose answers an import (or its undo) changes: a row may name a district the store did not have yet. */
export const IMPORT_CHANGES = [...INVENTORY_READS, 'districts.list', 'imports.list'] as const

/**
 * An import job, polled while it runs. When it ends the inventory queries are fetched again:
 * a finished import added sites; a cancelled or failed one wrote nothing, but asking is cheap.
 */
export function useImportJob(id: string | null) {
  const client = useQueryClient()
  const job = useApiQuery('jobs.get', { id: id ?? '' }, {
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && q.state.data.state !== 'running' ? false : 300),
  })
  const ended = job.data !== undefined && job.data.state !== 'running'
  useEffect(() => {
    if (ended) for (const m of IMPORT_CHANGES) void client.invalidateQueries({ queryKey: [m] })
  }, [client, ended, id])
  return job
}
