import { z } from 'zod'
import { basemapAddOnline, basemapArea, basemapImport, basemapSetActive, basemapUpdate } from './schemas/basemaps'
import { buildingCreate, buildingList, buildingUpdate } from './schemas/buildings'
import { clusterCreate, clusterList, clusterUpdate } from './schemas/clusters'
import { byId, districtCode, isCountyLevelCode, queryText, requiredText } from './schemas/common'
import { findTextProblem } from './text'
import { leaseComingFree, leaseCreate, leaseEnd, leaseList, leaseRenew, leaseUpdate, tenancyAsOf } from './schemas/leases'
import { parcelCreate, parcelList, parcelUpdate } from './schemas/parcels'
import { parkCreate, parkList, parkUpdate } from './schemas/parks'
import { savedSearchCreate, savedSearchUpdate } from './schemas/savedSearches'
import { spaceCreate, spaceList, spaceUpdate } from './schemas/spaces'
import {
  type SpaceMergeResult, type SpaceSplitResult, type SpacesCreated, type SpacesUpdated, spaceBulkUpdate, spaceCopyFloor,
  spaceDeleteMany, spaceGenerateFloors, spaceMerge, spaceSplit, spaceUnmerge,
} from './schemas/spaceLayout'
import { tenantCreate, tenantList, tenantOverview, tenantSearch, tenantUpdate } from './schemas/tenants'
import type { TenantHit, TenantLease, TenantOverview } from './tenants'
import type {
  AreaEstimate, AsOfFigures, Basemap, BasemapList, BoundaryCity, BoundaryFeatureCollection, ComingFreeSpace, Job,
  Building, BuildingDetail, BuildingSummary, Cluster, District, InventoryStats, Lease,
  Parcel, Park, SavedSearch, SearchHit, Space, StoreInfo, Tenant,
} from './types'
import type { MapSitesWire } from './mapSitesWire'
import type { Photo } from './photos'
import { photoAdd, photoList, photoUpdate } from './schemas/photos'
import { type ImportBatch, type ImportInspection, type ImportPreview, importInspect, importOptions, importRun } from './imports'
import { type ExportFile, exportStart } from './exports'
import { type SheetData, sheetOptions } from './sheets'
import { type Visit, visitCreate, visitList, visitUpdate } from './visits'
import { type DemoRemovalPreview, type DemoRemovalResult, demoRemove } from './demo'
import { type RecheckQueue, type VerificationResult, verificationMark, verificationQueue } from './schemas/verification'
import {
  type ParkStatsRow, type StatsLand, type StatsRanking, type StatsRollup, type StatsTrend, type TargetRow, type WatchRow,
  statsLandInput, statsParksInput, statsRankingInput, statsRollupInput, statsTrendInput, statsWatchInput,
  targetCreate, targetList, targetSetEntry, targetUpdate,
} from './stats'
import {
  type BackupEntry, type BackupStatus, type RestoreResult, type StoreFileCheck,
  backupConfigureInput, backupPreviewInput, backupRestoreInput,
} from './backup'
import {
  type ImportSummary, type PackageFile, type ServerSettingsView, type SyncConflict, type SyncRunResult, type SyncStatus,
  syncExportInput, syncImportInput, syncResolveInput, syncServerSetInput, syncSignInInput,
} from './sync'
import { type ChangeActor, type ChangeEntry, changeListInput, type TrashItem, trashListInput } from './history'

// The one contract between the renderer and every host (Electron IPC, browser host, CLI).
// Each method names its input schema and, as a phantom type, its output. Hosts, the preload
// bridge and the renderer's client are generic over this record, so a method added here is
// served everywhere or the compiler says where it is missing.

interface MethodSpec<I extends z.ZodType, O> {
  input: I
  /** Phantom: carries the output type only. */
  output?: O
}

const method = <O>() => <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input })

const none = z.strictObject({})
type Created = { id: string }

export const SETTING_KEYS = [
  'ui.language', 'user.name',
  'map.filter', 'map.area', 'map.layers', 'map.view', 'map.selection', 'map.legend',
  // The contact printed on inventory sheets (JSON of SheetContact).
  'sheet.contact',
  // Days after which a record not verified on site counts as stale (shared/freshness.ts).
  'freshness.staleDays',
] as const

export const contract = {
  'meta.info': method<StoreInfo>()(none),
  'meta.finishOnboarding': method<StoreInfo>()(z.strictObject({ loadDemo: z.boolean() })),
  'demo.removalPreview': method<DemoRemovalPreview>()(none),
  'demo.remove': method<DemoRemovalResult>()(demoRemove),
  'settings.get': method<Record<string, string>>()(none),
  'settings.set': method<null>()(
    z.strictObject({
      key: z.enum(SETTING_KEYS, { error: '设置项：不支持的键' }),
      value: z.string().max(100_000, { error: '设置值：过长' }).refine((v) => !findTextProblem(v, 'lines'), { error: '设置值：含有控制字符或无效的字符' }),
    }),
  ),

  // Backups and restore (shared/backup.ts). In a store that failed its start-up check only these answer.
  'backup.status': method<BackupStatus>()(none),
  'backup.list': method<BackupEntry[]>()(none),
  'backup.preview': method<StoreFileCheck>()(backupPreviewInput),
  'backup.create': method<BackupEntry>()(none),
  'backup.configure': method<BackupStatus>()(backupConfigureInput),
  'backup.restore': method<RestoreResult>()(backupRestoreInput),

  'districts.list': method<District[]>()(none),
  'districts.create': method<{ code: string }>()(
    z.strictObject({
      code: districtCode('行政区划代码', '必填，如 210103').refine(isCountyLevelCode, { error: '行政区划代码：应为区县级代码（省级前两位有效，末两位不为 00），如 210103' }),
      name: requiredText('区县名称', 50),
      city: requiredText('所属城市', 50),
      province: requiredText('所属省份', 50),
    }),
  ),

  'clusters.list': method<Cluster[]>()(clusterList),
  'clusters.get': method<Cluster>()(byId('聚集区')),
  'clusters.create': method<Created>()(clusterCreate),
  'clusters.update': method<Cluster>()(clusterUpdate),
  'clusters.delete': method<null>()(byId('聚集区')),
  'clusters.restore': method<null>()(byId('聚集区')),

  'buildings.list': method<BuildingSummary[]>()(buildingList),
  'buildings.get': method<BuildingDetail>()(byId('楼宇')),
  'buildings.create': method<Created>()(buildingCreate),
  'buildings.update': method<Building>()(buildingUpdate),
  'buildings.delete': method<null>()(byId('楼宇')),
  'buildings.restore': method<null>()(byId('楼宇')),

  'spaces.list': method<Space[]>()(spaceList),
  'spaces.create': method<Created>()(spaceCreate),
  'spaces.update': method<Space>()(spaceUpdate),
  'spaces.delete': method<null>()(byId('空间')),
  'spaces.restore': method<null>()(byId('空间')),
  // Laying out many spaces at once (stacking plan, keyboard grid); each answers what undoes it.
  'spaces.generateFloors': method<SpacesCreated>()(spaceGenerateFloors),
  'spaces.bulkUpdate': method<SpacesUpdated>()(spaceBulkUpdate),
  'spaces.split': method<SpaceSplitResult>()(spaceSplit),
  'spaces.merge': method<SpaceMergeResult>()(spaceMerge),
  'spaces.copyFloor': method<SpacesCreated>()(spaceCopyFloor),
  'spaces.unmerge': method<null>()(spaceUnmerge),
  'spaces.deleteMany': method<null>()(spaceDeleteMany),

  'tenants.list': method<Tenant[]>()(tenantList),
  'tenants.get': method<{ tenant: Tenant; leases: TenantLease[] }>()(byId('企业')),
  'tenants.search': method<TenantHit[]>()(tenantSearch),
  'tenants.overview': method<TenantOverview>()(tenantOverview),
  'tenants.create': method<Created>()(tenantCreate),
  'tenants.update': method<Tenant>()(tenantUpdate),
  'tenants.delete': method<null>()(byId('企业')),
  'tenants.restore': method<null>()(byId('企业')),

  'leases.list': method<Lease[]>()(leaseList),
  'leases.create': method<Created>()(leaseCreate),
  'leases.update': method<Lease>()(leaseUpdate),
  'leases.delete': method<null>()(byId('租约')),
  'leases.restore': method<null>()(byId('租约')),
  'leases.renew': method<Created>()(leaseRenew),
  'leases.end': method<Lease>()(leaseEnd),
  'leases.comingFree': method<ComingFreeSpace[]>()(leaseComingFree),
  'tenancy.asOf': method<AsOfFigures>()(tenancyAsOf),

  'parcels.list': method<Parcel[]>()(parcelList),
  'parcels.get': method<Parcel>()(byId('地块')),
  'parcels.create': method<Created>()(parcelCreate),
  'parcels.update': method<Parcel>()(parcelUpdate),
  'parcels.delete': method<null>()(byId('地块')),
  'parcels.restore': method<null>()(byId('地块')),

  'parks.list': method<Park[]>()(parkList),
  'parks.get': method<Park>()(byId('园区')),
  'parks.create': method<Created>()(parkCreate),
  'parks.update': method<Park>()(parkUpdate),
  'parks.delete': method<null>()(byId('园区')),
  'parks.restore': method<null>()(byId('园区')),

  'search.query': method<SearchHit[]>()(
    z.strictObject({
      q: queryText('搜索词').min(1, { error: '搜索词：不能为空' }),
      limit: z.number().int().min(1).max(200).optional(),
    }),
  ),
  'stats.summary': method<InventoryStats>()(none),
  // Statistics (shared/stats.ts): rollups with drill-down, land, sky parks, rankings, watch list, trends.
  'stats.rollup': method<StatsRollup>()(statsRollupInput),
  'stats.land': method<StatsLand>()(statsLandInput),
  'stats.parks': method<ParkStatsRow[]>()(statsParksInput),
  'stats.ranking': method<StatsRanking>()(statsRankingInput),
  'stats.watch': method<WatchRow[]>()(statsWatchInput),
  'stats.trend': method<StatsTrend>()(statsTrendInput),
  // Annual targets (年度目标): achieved computed where the store can count it, entered by month elsewhere.
  'targets.list': method<TargetRow[]>()(targetList),
  'targets.create': method<Created>()(targetCreate),
  'targets.update': method<TargetRow>()(targetUpdate),
  'targets.delete': method<null>()(byId('目标')),
  'targets.restore': method<null>()(byId('目标')),
  'targets.setEntry': method<TargetRow>()(targetSetEntry),

  'map.sites': method<MapSitesWire>()(none),

  'savedSearches.list': method<SavedSearch[]>()(none),
  'savedSearches.create': method<Created>()(savedSearchCreate),
  'savedSearches.update': method<SavedSearch>()(savedSearchUpdate),
  'savedSearches.delete': method<null>()(byId('保存的查询')),
  'savedSearches.restore': method<null>()(byId('保存的查询')),

  'photos.list': method<Photo[]>()(photoList),
  'photos.add': method<Photo>()(photoAdd),
  'photos.update': method<Photo>()(photoUpdate),
  'photos.delete': method<null>()(byId('照片')),
  'photos.restore': method<null>()(byId('照片')),

  // Offline packages and online tile sources; tiles themselves go through each host's /tiles path.
  'basemaps.list': method<BasemapList>()(none),
  'basemaps.setActive': method<null>()(basemapSetActive),
  'basemaps.import': method<Basemap>()(basemapImport),
  'basemaps.addOnline': method<Basemap>()(basemapAddOnline),
  'basemaps.update': method<Basemap>()(basemapUpdate),
  'basemaps.remove': method<null>()(byId('底图')),
  'basemaps.estimateArea': method<AreaEstimate>()(basemapArea),
  'basemaps.downloadArea': method<{ jobId: string }>()(basemapArea),

  'jobs.get': method<Job>()(byId('任务')),
  'jobs.cancel': method<null>()(byId('任务')),

  // The embedded default basemap: district boundaries of every city (WGS-84), loaded per city.
  'boundaries.cities': method<BoundaryCity[]>()(none),
  'boundaries.city': method<BoundaryFeatureCollection>()(z.strictObject({ code: districtCode('城市代码') })),
  'boundaries.overview': method<BoundaryFeatureCollection>()(none),

  // Import: inspect the uploaded file, dry run, run as a job (jobs.get), list and undo whole imports.
  'imports.inspect': method<ImportInspection>()(importInspect),
  'imports.preview': method<ImportPreview>()(importOptions),
  'imports.run': method<{ jobId: string }>()(importRun),
  'imports.list': method<ImportBatch[]>()(none),
  'imports.undo': method<null>()(byId('导入记录')),

  // Export: a job makes the file (jobs.get → resultId), exports.get describes it, the host saves it.
  'exports.start': method<{ jobId: string }>()(exportStart),
  'exports.get': method<ExportFile>()(byId('导出文件')),

  // The inventory sheet and handbook: everything the printable page shows, in one answer.
  'sheets.data': method<SheetData>()(sheetOptions),

  'visits.list': method<Visit[]>()(visitList),
  'visits.get': method<Visit>()(byId('接洽记录')),
  'visits.create': method<Created>()(visitCreate),
  'visits.update': method<Visit>()(visitUpdate),
  'visits.delete': method<null>()(byId('接洽记录')),
  'visits.restore': method<null>()(byId('接洽记录')),

  'verification.mark': method<VerificationResult>()(verificationMark),
  // The re-check queue (复核清单): stale buildings (or with stale floors) and parcels, nearest first.
  'verification.queue': method<RecheckQueue>()(verificationQueue),

  'changes.list': method<ChangeEntry[]>()(changeListInput),
  'changes.actors': method<ChangeActor[]>()(none),
  'trash.list': method<TrashItem[]>()(trashListInput),

  // Working together (shared/sync.ts): packages of operations by file, the team server, conflicts.
  'sync.status': method<SyncStatus>()(none),
  'sync.exportPackage': method<PackageFile>()(syncExportInput),
  'sync.importPackage': method<ImportSummary>()(syncImportInput),
  'sync.conflicts': method<SyncConflict[]>()(none),
  'sync.resolve': method<SyncConflict[]>()(syncResolveInput),
  'sync.server.set': method<ServerSettingsView>()(syncServerSetInput),
  'sync.server.signIn': method<ServerSettingsView>()(syncSignInInput),
  'sync.server.signOut': method<ServerSettingsView>()(none),
  'sync.now': method<SyncRunResult>()(none),
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = NonNullable<Contract[M]['output']> extends never
  ? null
  : Exclude<Contract[M]['output'], undefined>

export const METHOD_NAMES = Object.keys(contract) as MethodName[]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}
