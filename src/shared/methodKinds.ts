import type { MethodName } from './api'

// Where each contract method runs once the store lives in worker processes (src/main/runtime):
// 'read'  — answered by any reader (a read-only connection: a misfiled write fails loudly there);
// 'write' — answered by the one writer: it writes, or it needs the writer's own state (the jobs it
//           started, files it is making). When in doubt, a method is a write.
// Every method is listed: a method added to the contract fails to compile here until filed.

export type MethodKind = 'read' | 'write'

export const METHOD_KINDS = {
  'meta.info': 'read',
  'meta.finishOnboarding': 'write',
  'demo.removalPreview': 'read',
  'demo.remove': 'write',
  'settings.get': 'read',
  'settings.set': 'write',

  'districts.list': 'read',
  'districts.create': 'write',
  'clusters.list': 'read',
  'clusters.get': 'read',
  'clusters.create': 'write',
  'clusters.update': 'write',
  'clusters.delete': 'write',
  'clusters.restore': 'write',
  'buildings.list': 'read',
  'buildings.get': 'read',
  'buildings.create': 'write',
  'buildings.update': 'write',
  'buildings.delete': 'write',
  'buildings.restore': 'write',
  'spaces.list': 'read',
  'spaces.create': 'write',
  'spaces.update': 'write',
  'spaces.delete': 'write',
  'spaces.restore': 'write',
  'spaces.generateFloors': 'write',
  'spaces.bulkUpdate': 'write',
  'spaces.split': 'write',
  'spaces.merge': 'write',
  'spaces.copyFloor': 'write',
  'tenants.list': 'read',
  'tenants.get': 'read',
  'tenants.search': 'read',
  'tenants.overview': 'read',
  'tenants.create': 'write',
  'tenants.update': 'write',
  'tenants.delete': 'write',
  'tenants.restore': 'write',
  'leases.list': 'read',
  'leases.create': 'write',
  'leases.update': 'write',
  'leases.delete': 'write',
  'leases.restore': 'write',
  'leases.renew': 'write',
  'leases.end': 'write',
  'leases.comingFree': 'read',
  'tenancy.asOf': 'read',
  'parcels.list': 'read',
  'parcels.get': 'read',
  'parcels.create': 'write',
  'parcels.update': 'write',
  'parcels.delete': 'write',
  'parcels.restore': 'write',
  'parks.list': 'read',
  'parks.get': 'read',
  'parks.create': 'write',
  'parks.update': 'write',
  'parks.delete': 'write',
  'parks.restore': 'write',

  'search.query': 'read',
  'stats.summary': 'read',
  'map.sites': 'read',
  'savedSearches.list': 'read',
  'savedSearches.create': 'write',
  'savedSearches.update': 'write',
  'savedSearches.delete': 'write',
  'savedSearches.restore': 'write',
  'photos.list': 'read',
  'photos.add': 'write',
  'photos.update': 'write',
  'photos.delete': 'write',
  'photos.restore': 'write',

  'basemaps.list': 'read',
  'basemaps.setActive': 'write',
  'basemaps.import': 'write',
  'basemaps.addOnline': 'write',
  'basemaps.update': 'write',
  'basemaps.remove': 'write',
  'basemaps.estimateArea': 'read',
  // Jobs run in the writer (their rows are written there); their state is the writer's.
  'basemaps.downloadArea': 'write',
  'jobs.get': 'write',
  'jobs.cancel': 'write',
  'boundaries.cities': 'read',
  'boundaries.city': 'read',
  'boundaries.overview': 'read',

  // Reading a file someone handed us may be slow or hostile: a reader, never the writer.
  'imports.inspect': 'read',
  'imports.preview': 'read',
  'imports.run': 'write',
  'imports.list': 'read',
  'imports.undo': 'write',
  'exports.start': 'write',
  // Describes a file an export job (in the writer) made.
  'exports.get': 'write',
  'sheets.data': 'read',
  'visits.list': 'read',
  'visits.get': 'read',
  'visits.create': 'write',
  'visits.update': 'write',
  'visits.delete': 'write',
  'visits.restore': 'write',

  'verification.mark': 'write',
  'verification.queue': 'read',
  'changes.list': 'read',
  'changes.actors': 'read',
  'trash.list': 'read',
} as const satisfies Record<MethodName, MethodKind>

/** Where a call goes; a name outside the contract goes to the writer, whose dispatcher refuses it. */
export function methodKind(method: string): MethodKind {
  return Object.hasOwn(METHOD_KINDS, method) ? METHOD_KINDS[method as MethodName] : 'write'
}
