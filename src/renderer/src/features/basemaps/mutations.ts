import type { MethodOutput } from '../../../../shared/api'
import type { MapCrs } from '../../../../shared/types'
import { api } from '../../api/client'
import { useApiMutation, useRefreshingMutation } from '../../api/hooks'

const BASEMAP_READS = ['basemaps.list'] as const

export const useSetActiveBasemap = () => useApiMutation('basemaps.setActive', BASEMAP_READS)
export const useAddOnlineBasemap = () => useApiMutation('basemaps.addOnline', BASEMAP_READS)
export const useRemoveBasemap = () => useApiMutation('basemaps.remove', BASEMAP_READS)
export const useEstimateArea = () => useApiMutation('basemaps.estimateArea', [])
export const useDownloadArea = () => useApiMutation('basemaps.downloadArea', [])
export const useCancelJob = () => useApiMutation('jobs.cancel', ['jobs.get'])

interface ImportBasemapInput {
  file: File
  name?: string
  crs: MapCrs
  onProgress?: (sent: number, total: number) => void
}

/** Upload a package the user chose, then import it: two steps, one action for the screen. */
export const useImportBasemap = () =>
  useRefreshingMutation<MethodOutput<'basemaps.import'>, ImportBasemapInput>(async ({ file, name, crs, onProgress }) => {
    const { uploadId } = await api.upload(file, onProgress)
    return api.call('basemaps.import', { uploadId, crs, ...(name?.trim() ? { name: name.trim() } : {}) })
  }, BASEMAP_READS)
