import type { DemoRemovalPreview, DemoRowRef } from '../../../shared/demo'
import type { StoreInfo } from '../../../shared/types'
import { loadDemoData } from '../../services/demo/load'
import { CliError, type Output } from '../output'
import { openForCommand, servicesFor, servicesForAdding } from '../store'

export interface DemoOptions {
  /** Add the demo to a store that holds the person's own data. */
  force: boolean
  /** Take the demo out again instead. */
  remove: boolean
}

export async function demoCommand(file: string, options: DemoOptions, output: Output): Promise<void> {
  // Removing from a file that is not there (a mistyped name) must not make an empty store.
  const store = await openForCommand(file, options.remove ? { mustExist: true } : {})
  try {
    if (options.remove) return await removeDemo(file, store, output)
    // Asked before --force: a store that already holds the demo cannot take it again, forced or not.
    const info = await (await servicesFor(store)).dispatch('meta.info', {})
    if (info.ok && (info.value as StoreInfo).hasDemoData) {
      throw new CliError(`${file} 中已载入过演示数据；如需重新载入，请先运行 demo --db ${file} --remove / the demo data is already loaded`)
    }
    const { ctx } = await servicesForAdding(store, file, options.force, '演示数据')
    const counts = await loadDemoData(ctx, { force: options.force })
    output.out(
      `已载入演示数据到 ${file}：楼宇 ${counts.buildings}、空间 ${counts.spaces}、企业 ${counts.tenants}、租约 ${counts.leases}、地块 ${counts.parcels}、园区 ${counts.parks}、聚集区 ${counts.clusters}`,
    )
  } finally {
    await store.close()
  }
}

const TABLE_NAMES: Record<DemoRowRef['table'], string> = {
  clusters: '聚集区', buildings: '楼宇', spaces: '空间', tenants: '企业', leases: '租约', parcels: '地块', parks: '园区', subParks: '分园', parkHosts: '园区载体',
  targets: '年度目标', targetEntries: '目标月度填报',
}

/**
 * Removes the demo rows. The rows a person edited are listed first and kept (a terminal has no
 * check boxes; settings' 移除演示数据 lets them go one by one), as are the demo rows their own records use.
 */
async function removeDemo(file: string, store: Awaited<ReturnType<typeof openForCommand>>, output: Output): Promise<void> {
  const { dispatch } = await servicesFor(store)
  const preview = await dispatch('demo.removalPreview', {})
  if (!preview.ok) throw new CliError(preview.error.message)
  const { edited, inUse, stamp } = preview.value as DemoRemovalPreview
  const line = (what: string) => (r: DemoRowRef) => `  ${TABLE_NAMES[r.table]} ${r.label}（${what}：${r.fields.join('、')}）`
  if (edited.length > 0) output.out(`以下演示记录有人修改过，予以保留：\n${edited.map(line('改过的字段')).join('\n')}`)
  if (inUse.length > 0) output.out(`以下演示记录被您自己的记录用到，予以保留：\n${inUse.map(line('用到它的')).join('\n')}`)
  const result = await dispatch('demo.remove', { keep: edited.map(({ table, id }) => ({ table, id })), previewStamp: stamp })
  if (!result.ok) throw new CliError(result.error.message)
  const { removed, kept } = result.value as { removed: number; kept: number }
  output.out(`已从 ${file} 移除演示数据 ${removed} 条${kept > 0 ? `；保留 ${kept} 条，已不再标为演示数据` : ''}`)
}
