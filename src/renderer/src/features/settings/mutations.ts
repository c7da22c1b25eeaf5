// Writes of the settings screen; the hooks live with the store's meta feature.
export { useCreateDistrict, useSetSetting } from '../meta/mutations'
export { useRemoveDemoData } from '../meta/mutations'
