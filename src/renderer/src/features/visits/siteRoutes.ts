import type { SiteRef } from '../../../../shared/mapSites'

/** The page of a building, parcel or park. */
export const siteRoute = (s: SiteRef) => ({ building: `/buildings/${s.id}`, parcel: `/parcels/${s.id}`, park: `/parks/${s.id}` })[s.kind]
