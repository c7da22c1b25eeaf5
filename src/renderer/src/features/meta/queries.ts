import { useApiQuery } from '../../api/hooks'

export const useStoreInfo = () => useApiQuery('meta.info', {})
export const useSettings = () => useApiQuery('settings.get', {})
export const useStats = () => useApiQuery('stats.summary', {})
export const useDistricts = () => useApiQuery('districts.list', {}, { staleTime: Infinity })
export const useDemoRemovalPreview = () => useApiQuery('demo.removalPreview', {}, { staleTime: 0 })
