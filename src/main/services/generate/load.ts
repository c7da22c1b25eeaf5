import { floorSortKey } from '../../../shared/domain'
import { DomainError } from '../../../shared/result'
import { bulkWriter } from '../../store/bulk'
import { storeContents } from '../../store/stats'
import { write } from '../../store/writer'
import type { ServiceContext } from '../context'
import type { DemoCounts } from '../demo/load'
import type { GeneratedDataset } from './types'
import { nameInitials } from '../../../shared/pinyinInitials'

// Writes a generated dataset in one transaction (all or nothing), every row flagged is_demo = 1 so
// the app shows its demo banner: synthetic figures must never pass for real ones. Rows go through
// prepared bulk inserts with one change-log entry per row (see store/bulk.ts for why not insertRow).

/** What was written: the same counts the demo reports. */
export type GeneratedCounts = DemoCounts

export interface LoadGeneratedOptions {
  /** Add to a store that already holds data (the command line's --force); nothing is replaced. */
  force?: boolean
  /** Called now and then while writing: stage (Chinese), done, total. */
  onProgress?: (stage: string, done: number, total: number) => void
}

export async function loadGeneratedData(ctx: ServiceContext, data: GeneratedDataset, options: LoadGeneratedOptions = {}): Promise<GeneratedCounts> {
  const progress = options.onProgress ?? (() => {})
  try {
    return await write(ctx.store.db, ctx.author, async (w) => {
      const { empty } = await storeContents(w.trx)
      if (!empty && !options.force) {
        throw new DomainError('not_empty', '生成数据：数据文件中已有数据，只能写入空的数据文件')
      }
      const bulk = bulkWriter(ctx.store.sqlite, w)
      const demo = { isDemo: 1 }

      for (const cluster of data.clusters) bulk.insert('clusters', { ...cluster, ...demo })

      let spaces = 0
      data.buildings.forEach(({ spaces: rows, ...building }, i) => {
        bulk.insert('buildings', { ...building, ...demo })
        for (const { divisible, ...space } of rows) {
          bulk.insert('spaces', { ...space, buildingId: building.id, divisible: divisible ? 1 : 0, floorSort: floorSortKey(space.floorLabel), notes: null, ...demo })
          spaces += 1
        }
        if ((i + 1) % 1000 === 0 || i + 1 === data.buildings.length) progress('楼宇', i + 1, data.buildings.length)
      })

      data.tenants.forEach(({ aboveScale, registeredInDistrict, ...tenant }, i) => {
        bulk.insert('tenants', { ...tenant, nameInitials: nameInitials(tenant.name), aboveScale: aboveScale ? 1 : 0, registeredInDistrict: registeredInDistrict ? 1 : 0, notes: null, ...demo })
        if ((i + 1) % 5000 === 0 || i + 1 === data.tenants.length) progress('企业', i + 1, data.tenants.length)
      })

      data.leases.forEach(({ spaceIds, ...lease }, i) => {
        // The same record the leases service keeps: a lease's spaces are part of its logged history.
        const ids = [...spaceIds].sort()
        bulk.insert('leases', { ...lease, notes: null, ...demo }, { spaceIds: ids })
        for (const spaceId of ids) bulk.linkLeaseSpace(lease.id, spaceId)
        if ((i + 1) % 5000 === 0 || i + 1 === data.leases.length) progress('租约', i + 1, data.leases.length)
      })

      data.parcels.forEach((parcel, i) => {
        bulk.insert('parcels', { ...parcel, boundary: JSON.stringify(parcel.boundary), ...demo })
        if ((i + 1) % 1000 === 0 || i + 1 === data.parcels.length) progress('地块', i + 1, data.parcels.length)
      })

      for (const { subParks, hosts, ...park } of data.parks) {
        bulk.insert('parks', { ...park, ...demo })
        subParks.forEach((subPark, sortOrder) => bulk.insert('subParks', { ...subPark, parkId: park.id, sortOrder, ...demo }))
        hosts.forEach((host, sortOrder) => bulk.insert('parkHosts', { ...host, parkId: park.id, sortOrder, ...demo }))
      }

      return {
        buildings: data.buildings.length,
        spaces,
        tenants: data.tenants.length,
        leases: data.leases.length,
        parcels: data.parcels.length,
        parks: data.parks.length,
        clusters: data.clusters.length,
      }
    })
  } catch (error) {
    if (error instanceof Error && /UNIQUE constraint failed/.test(error.message)) {
      throw new DomainError(
        'conflict',
        '生成数据：记录编号、地块编号或统一社会信用代码与数据文件中已有的重复（用同一种子生成过，或已有另一次生成的地块），未写入任何数据；请写入新的数据文件',
      )
    }
    throw error
  }
}
