import { loadDemoData } from '../../services/demo/load'
import type { Output } from '../output'
import { openForCommand, servicesForAdding } from '../store'

export async function demoCommand(file: string, force: boolean, output: Output): Promise<void> {
  const store = await openForCommand(file)
  try {
    const { ctx } = await servicesForAdding(store, file, force, '演示数据')
    const counts = await loadDemoData(ctx, { force })
    output.out(
      `已载入演示数据到 ${file}：楼宇 ${counts.buildings}、空间 ${counts.spaces}、企业 ${counts.tenants}、租约 ${counts.leases}、地块 ${counts.parcels}、园区 ${counts.parks}、聚集区 ${counts.clusters}`,
    )
  } finally {
    await store.close()
  }
}
