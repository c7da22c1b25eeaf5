import { localToday } from '../../services/demo/dates'
import { buildGeneratedDataset, DEFAULT_SPACES_PER_BUILDING, GENERATE_LIMITS } from '../../services/generate/dataset'
import { loadGeneratedData } from '../../services/generate/load'
import { CliError, type Output } from '../output'
import { openForCommand, servicesForAdding } from '../store'

// generate --db FILE --buildings N --parcels N [--spaces N] [--tenants N] --seed S [--force]:
// a reproducible synthetic store for testing and benchmarking the map, flagged as demo data.

export interface GenerateArgs {
  buildings?: string
  parcels?: string
  spaces?: string
  tenants?: string
  seed?: string
}

export interface GenerateRequest {
  seed: number
  buildings: number
  parcels: number
  spaces?: number
  tenants?: number
}

/** A non-negative integer option within `max`, or a usage error (exit 2) saying what is wrong. */
function count(option: string, raw: string | undefined, max: number, required: boolean): number | undefined {
  if (raw === undefined) {
    if (required) throw new CliError(`缺少 --${option} ${option === 'seed' ? 'S' : 'N'}`, 2)
    return undefined
  }
  const text = raw.trim()
  if (/^-\d+$/.test(text)) throw new CliError(`--${option} 不能为负数：${raw}`, 2)
  if (!/^\d+$/.test(text)) throw new CliError(`--${option} 应为整数：${raw}`, 2)
  const value = Number(text)
  if (value > max) throw new CliError(`--${option} 不能超过 ${max.toLocaleString('en-US')}：${raw}`, 2)
  return value
}

export function parseGenerateArgs(args: GenerateArgs): GenerateRequest {
  const seed = count('seed', args.seed, 0xffffffff, true)!
  const buildings = count('buildings', args.buildings, GENERATE_LIMITS.buildings, true)!
  const parcels = count('parcels', args.parcels, GENERATE_LIMITS.parcels, true)!
  const spaces = count('spaces', args.spaces, GENERATE_LIMITS.spaces, false)
  const tenants = count('tenants', args.tenants, GENERATE_LIMITS.tenants, false)
  if (spaces !== undefined && spaces > buildings * GENERATE_LIMITS.spacesPerBuilding) {
    throw new CliError(`--spaces 不能超过楼宇数的 ${GENERATE_LIMITS.spacesPerBuilding} 倍（${buildings} 栋楼宇最多 ${buildings * GENERATE_LIMITS.spacesPerBuilding} 个空间）`, 2)
  }
  return { seed, buildings, parcels, spaces, tenants }
}

/** Prints "阶段 done/total" to stderr, only once the whole run has taken more than a second, at most twice a second. */
function progressPrinter(output: Output): (stage: string, done: number, total: number) => void {
  const started = Date.now()
  let last = 0
  return (stage, done, total) => {
    const now = Date.now()
    if (now - started < 1000 || (now - last < 500 && done !== total)) return
    last = now
    output.err(`${stage} ${done}/${total}`)
  }
}

export async function generateCommand(file: string, args: GenerateArgs, force: boolean, output: Output): Promise<void> {
  const request = parseGenerateArgs(args)
  const started = Date.now()
  const store = await openForCommand(file)
  try {
    const { ctx } = await servicesForAdding(store, file, force, '生成的数据')
    const progress = progressPrinter(output)
    const data = buildGeneratedDataset({ ...request, today: localToday(), onProgress: progress })
    const counts = await loadGeneratedData(ctx, data, { force, onProgress: progress })
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    output.out(
      `已生成合成数据（种子 ${request.seed}，标记为演示数据）到 ${file}：楼宇 ${counts.buildings}、空间 ${counts.spaces}、企业 ${counts.tenants}、租约 ${counts.leases}、地块 ${counts.parcels}、园区 ${counts.parks}、聚集区 ${counts.clusters}，用时 ${seconds} 秒`,
    )
  } finally {
    await store.close()
  }
}

/** For the usage text. */
export const GENERATE_USAGE = `generate --db FILE --buildings N --parcels N [--spaces N] [--tenants N] --seed S [--force]
        生成可复现的沈阳合成数据（标记为演示数据）；同样的参数得到同样的记录。楼宇 ≤ ${GENERATE_LIMITS.buildings}、
        地块 ≤ ${GENERATE_LIMITS.parcels}、空间 ≤ ${GENERATE_LIMITS.spaces}（默认每栋 ${DEFAULT_SPACES_PER_BUILDING} 个）、企业默认约覆盖四成已租空间`
