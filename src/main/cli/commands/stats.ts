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

const area = (m2: number) => (m2 >= 10_000 ? `${(m2 / 10_000).toFixed(2)}万 m²` : `${Math.round(m2).toLocaleString('zh-CN')} m²`)
const rate = (r: number | null) => (r == null ? '—' : `${(r * 100).toFixed(1)}%`)

export function formatStats(s: InventoryStats): string[] {
  return [
    `楼宇 ${s.buildings} 栋 · 楼层/单元 ${s.spaces} 个 · 入驻企业 ${s.tenants} 家（规上 ${s.aboveScaleTenants} 家）`,
    `可租面积 ${area(s.leasableArea)} · 空置 ${area(s.vacantArea)} · 空置率 ${rate(s.vacancyRate)} · 出租率 ${rate(s.occupancyRate)}`,
    `地块 ${s.parcels} 宗，共 ${(s.parcelArea / (10000 / 15)).toFixed(2)} 亩 · 空中产业园 ${s.parks} 个 · 楼宇聚集区 ${s.clusters} 个`,
    '',
    '区县\t楼宇\t可租面积\t空置面积\t空置率',
    ...s.byDistrict.map((d) => `${d.name}\t${d.buildings}\t${area(d.leasableArea)}\t${area(d.vacantArea)}\t${rate(d.vacancyRate)}`),
  ]
}
