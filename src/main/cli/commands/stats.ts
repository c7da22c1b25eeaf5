import type { InventoryStats } from '../../../shared/types'
import { createServices } from '../../services'
import { openStore, StoreOpenError } from '../../store/open'
import { CliError, type Output } from '../output'

export async function statsCommand(file: string, json: boolean, output: Output): Promise<void> {
  const store = await openStore(file, { mustExist: true }).catch((error: unknown) => {
    throw new CliError(error instanceof StoreOpenError ? error.message : `无法打开 ${file}：${(error as Error).message}`)
  })
  try {
    const { dispatch } = await createServices(store)
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
