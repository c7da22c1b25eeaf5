import { INVENTORY_READS, useApiMutation } from '../../api/hooks'

export const useFinishOnboarding = () => useApiMutation('meta.finishOnboarding', INVENTORY_READS)
export const useSetSetting = () => useApiMutation('settings.set', ['settings.get'])
export const useCreateDistrict = () => useApiMutation('districts.create', ['districts.list'])
export const useRemoveDemoData = () => useApiMutation('demo.remove', [...INVENTORY_READS, 'demo.removalPreview', 'visits.list', 'visits.get'])
