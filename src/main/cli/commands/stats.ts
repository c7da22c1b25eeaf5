import { formatArea, formatCount, formatMu, formatRate } from '../../../shared/format'
import type { InventoryStats } from '../../../shared/types'
import { LATEST_SCHEMA_VERSION } from '../../store/migrations'
import { CliError, type Output } from '../output'
import { openForCommand, servicesFor } from '../store'

export async function statsCommand(file: string, json: boolean, output: Output): Promise<void> {
  // Read-only: figures are read, nothing is written, not even an upgrade of an older file.
  const store = await openForCommand(file, { readonly: true })
  if (store.schemaVersion < LATEST_SCHEMA_VERSION) {
    await store.close()
    throw new CliError(`${file} 的数据结构版本为 ${store.schemaVersion}，比本程序的 ${LATEST_SCHEMA_VERSION} 旧：请先用 Site Atlas 打开一次以升级（升级前会自动备份），再读取统计`)
  }
  try {
    const { dispatch } = await servicesFor(store)
    const result = await dispatch('stats.summary', {})
    if (!result.ok) throw new CliError(result.error.message)
    const stats = result.value as InventoryStats
    if (json) output.out(JSON.stringify(stats))
    else for (const line of formatStats(stats)) output.out(line)
  } finally {
    await store.close()
  }
}

// The figures as the interface prints them (shared/format.ts): 2,135.98 亩, 10.84万 m², 16.1%.
export function formatStats(s: InventoryStats): string[] {
  const n = formatCount
  return [
    `楼宇 ${n(s.buildings)} 栋 · 楼层/单元 ${n(s.spaces)} 个 · 入驻企业 ${n(s.tenants)} 家（规上 ${n(s.aboveScaleTenants)} 家）`,
    `可租面积 ${formatArea(s.leasableArea)} · 空置 ${formatArea(s.vacantArea)} · 空置率 ${formatRate(s.vacancyRate)} · 出租率 ${formatRate(s.occupancyRate)}`,
    `地块 ${n(s.parcels)} 宗，共 ${formatMu(s.parcelArea)} · 空中产业园 ${n(s.parks)} 个 · 楼宇聚集区 ${n(s.clusters)} 个`,
    '',
    '区县\t楼宇\t可租面积\t空置面积\t空置率',
    ...s.byDistrict.map((d) => `${d.name}\t${n(d.buildings)}\t${formatArea(d.leasableArea)}\t${formatArea(d.vacantArea)}\t${formatRate(d.vacancyRate)}`),
  ]
}
