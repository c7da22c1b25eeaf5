import { createServices } from '../../services'
import { loadDemoData } from '../../services/demo/load'
import { openStore, StoreOpenError } from '../../store/open'
import { CliError, type Output } from '../output'

export async function demoCommand(file: string, force: boolean, output: Output): Promise<void> {
  const store = await openStore(file).catch((error: unknown) => {
    throw new CliError(error instanceof StoreOpenError ? error.message : `无法打开 ${file}：${(error as Error).message}`)
  })
  try {
    const { ctx, dispatch } = await createServices(store)
    const info = await dispatch('meta.info', {})
    if (info.ok && !(info.value as { empty: boolean }).empty && !force) {
      throw new CliError(`${file} 中已有数据；如确需在其上追加演示数据，请加 --force`)
    }
    const counts = await loadDemoData(ctx, { force })
    output.out(
      `已载入演示数据到 ${file}：楼宇 ${counts.buildings}、空间 ${counts.spaces}、企业 ${counts.tenants}、租约 ${counts.leases}、地块 ${counts.parcels}、园区 ${counts.parks}、聚集区 ${counts.clusters}`,
    )
  } finally {
    await store.close()
  }
}
