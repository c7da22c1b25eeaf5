// The settings screen reads what the shell reads; the hooks live with the store's meta feature.
export { useDistricts, useSettings, useStoreInfo } from '../meta/queries'
export { useBoundaryCities } from '../map/queries'
export { useDemoRemovalPreview } from '../meta/queries'
