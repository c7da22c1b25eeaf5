import { floorSortKey } from '../../../shared/domain'
import { DomainError } from '../../../shared/result'
import { addLeaseSpaces } from '../../store/leases'
import { storeContents } from '../../store/stats'
import { insertRow, logField, write, type Writer } from '../../store/writer'
import type { ServiceContext } from '../context'
import { buildDemoDataset, type DemoDataset } from './dataset'
import { localToday } from './dates'
import { withInitials } from '../tenants/initials'

export interface DemoCounts {
  buildings: number
  spaces: number
  tenants: number
  leases: number
  parcels: number
  parks: number
  clusters: number
}

export interface LoadDemoOptions {
  /**
   * Add the demo on top of whatever the store holds (the command line's --force). Nothing is
   * deleted or replaced; the demo rows stay marked is_demo = 1 so they can be told apart. A store
   * that already holds live demo rows is still refused: the demo's parcel codes and credit codes
   * are unique, and a second copy would only duplicate the first.
   */
  force?: boolean
  /** Local date the leases are laid out around; today unless a test pins it. */
  today?: string
}

/** Writes the demo dataset in one transaction, every row flagged as demo data. */
export async function loadDemoData(ctx: ServiceContext, options: LoadDemoOptions = {}): Promise<DemoCounts> {
  const data = buildDemoDataset({ today: options.today ?? localToday() })
  try {
    return await write(ctx.store.db, ctx.author, async (w) => {
      const { empty, hasDemoData } = await storeContents(w.trx)
      if (!empty && !options.force) {
        throw new DomainError('not_empty', '演示数据：数据文件中已有数据，只能载入到空的数据文件中')
      }
      if (hasDemoData) throw new DomainError('conflict', '演示数据：已载入过演示数据，不能重复载入')
      return insertDataset(w, data)
    })
  } catch (error) {
    if (error instanceof Error && /UNIQUE constraint failed/.test(error.message)) {
      throw new DomainError('conflict', '演示数据：地块编号或统一社会信用代码与已有记录重复，未载入任何数据')
    }
    throw error
  }
}

async function insertDataset(w: Writer, data: DemoDataset): Promise<DemoCounts> {
  const demo = { isDemo: 1 }
  const clusterIds = new Map<string, string>()
  for (const { key, ...cluster } of data.clusters) {
    clusterIds.set(key, await insertRow(w, 'clusters', { ...cluster, ...demo }))
  }

  const buildingIds = new Map<string, string>()
  const spaceIds = new Map<string, string>()
  let spaceCount = 0
  for (const { key, clusterKey, spaces, ...building } of data.buildings) {
    const clusterId = clusterKey ? clusterIds.get(clusterKey)! : null
    const buildingId = await insertRow(w, 'buildings', { ...building, clusterId, ...demo })
    buildingIds.set(key, buildingId)
    for (const { key: spaceKey, divisible, ...space } of spaces) {
      const values = { ...space, buildingId, divisible: divisible ? 1 : 0, floorSort: floorSortKey(space.floorLabel), ...demo }
      spaceIds.set(spaceKey, await insertRow(w, 'spaces', values))
      spaceCount += 1
    }
  }

  const tenantIds = new Map<string, string>()
  for (const { key, aboveScale, registeredInDistrict, ...tenant } of data.tenants) {
    const values = { ...tenant, aboveScale: aboveScale ? 1 : 0, registeredInDistrict: registeredInDistrict ? 1 : 0, ...demo }
    tenantIds.set(key, await insertRow(w, 'tenants', withInitials(values)))
  }

  for (const { key: _key, tenantKey, buildingKey, spaceKeys, ...lease } of data.leases) {
    const values = { ...lease, tenantId: tenantIds.get(tenantKey)!, buildingId: buildingIds.get(buildingKey)!, ...demo }
    const leaseId = await insertRow(w, 'leases', values)
    const ids = spaceKeys.map((k) => spaceIds.get(k)!).sort()
    await addLeaseSpaces(w.trx, leaseId, ids)
    // The same record the leases service keeps: a lease's spaces are part of its logged history.
    await logField(w, 'leases', leaseId, 'insert', 'spaceIds', null, ids)
  }

  for (const parcel of data.parcels) {
    await insertRow(w, 'parcels', { ...parcel, boundary: JSON.stringify(parcel.boundary), ...demo })
  }

  for (const { key: _key, subParks, hosts, ...park } of data.parks) {
    const parkId = await insertRow(w, 'parks', { ...park, ...demo })
    for (const [sortOrder, subPark] of subParks.entries()) {
      await insertRow(w, 'subParks', { ...subPark, parkId, sortOrder, ...demo })
    }
    for (const [sortOrder, { buildingKey, ...host }] of hosts.entries()) {
      await insertRow(w, 'parkHosts', { ...host, parkId, buildingId: buildingIds.get(buildingKey)!, sortOrder, ...demo })
    }
  }

  for (const [sortOrder, { entries, ...target }] of data.targets.entries()) {
    const targetId = await insertRow(w, 'targets', { ...target, sortOrder, ...demo })
    for (const entry of entries) await insertRow(w, 'targetEntries', { ...entry, targetId, notes: null, ...demo })
  }

  return {
    buildings: data.buildings.length,
    spaces: spaceCount,
    tenants: data.tenants.length,
    leases: data.leases.length,
    parcels: data.parcels.length,
    parks: data.parks.length,
    clusters: data.clusters.length,
  }
}
