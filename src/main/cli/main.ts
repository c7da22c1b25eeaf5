import { parseArgs } from 'node:util'
import { BACKUP_USAGE, backupCommand } from './commands/backup'
import { checkCommand } from './commands/check'
import { demoCommand } from './commands/demo'
import { EXPORT_USAGE, exportCommand } from './commands/export'
import { GENERATE_USAGE, generateCommand } from './commands/generate'
import { IMPORT_USAGE, importCommand } from './commands/import'
import { RESTORE_USAGE, restoreCommand } from './commands/restore'
import { SHEET_USAGE, sheetCommand } from './commands/sheet'
import { statsCommand } from './commands/stats'
import { SYNC_USAGE, syncCommand } from './commands/sync'
import { checkDbPath, describeArgError } from './argErrors'
import { CliError, type Output, processOutput } from './output'

// npm run cli -- <command> [options]: the same services as the app, from a terminal.

/** Options only `generate` takes, as text so it can say what is wrong with a value. */
const GENERATE_OPTIONS = ['buildings', 'parcels', 'spaces', 'tenants', 'seed'] as const
/** Options only `import` takes. */
const IMPORT_OPTIONS = ['kind', 'sheet', 'crs', 'dry-run', 'skip-invalid'] as const
/** Options only `export` takes. */
const EXPORT_OPTIONS = ['format', 'out', 'table', 'search'] as const
/** Options only `sheet` takes (and its flag --handbook). */
const SHEET_OPTIONS = ['out', 'search', 'ids', 'district'] as const
/** Options that belong to some commands only: one given to another command is refused, naming its commands. */
const OWN_OPTIONS: Record<string, readonly string[]> = {
  demo: ['remove'],
  stats: ['by', 'land', 'top', 'limit'],
  generate: GENERATE_OPTIONS,
  import: IMPORT_OPTIONS,
  export: EXPORT_OPTIONS,
  sheet: [...SHEET_OPTIONS, 'handbook'],
  backup: ['out'],
  restore: ['from', 'yes'],
  sync: ['server', 'user'],
}

/** `--buildings -5` → `--buildings=-5`, so a negative count is answered as such rather than as a missing value. */
function joinNegativeCounts(args: string[]): string[] {
  const joined: string[] = []
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!.replace(/^--/, '')
    const next = args[i + 1]
    if (args[i]!.startsWith('--') && (GENERATE_OPTIONS as readonly string[]).includes(name) && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${args[i]}=${next}`)
      i += 1
    } else joined.push(args[i]!)
  }
  return joined
}

const USAGE = `用法 / usage: npm run cli -- <command> [options]
  demo  --db FILE [--force]   载入演示数据（非空数据文件需 --force）
  demo  --db FILE --remove    移除演示数据（您修改过或在用的演示记录保留为您自己的）
  stats --db FILE [--json]    打印资源统计；--json 时只输出一个 JSON 对象
  stats --db FILE --by district|cluster|park|kind|grade [--json]   楼宇分组统计
  stats --db FILE --land [--json]                                  土地：用地性质 × 状态
  stats --db FILE --top tax|vacancy|vacantArea|comingFree|taxPerMu [--limit N] [--json]   楼宇排行（千万元楼/亿元楼）
                              JSON 中面积保留到 0.01 m²/亩、金额到 0.01 元、比率到 0.000001
  check --db FILE             完整性与外键检查，打印数据结构版本；有问题时以非零状态退出
  ${GENERATE_USAGE}
  ${IMPORT_USAGE}
  ${EXPORT_USAGE}
  ${SHEET_USAGE}
  ${BACKUP_USAGE}
  ${RESTORE_USAGE}
  ${SYNC_USAGE}`

export async function runCli(argv: string[], output: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv
  try {
    let values: { db?: string; json?: boolean; force?: boolean; remove?: boolean; 'dry-run'?: boolean; 'skip-invalid'?: boolean; handbook?: boolean; land?: boolean; yes?: boolean } &
      Partial<Record<(typeof GENERATE_OPTIONS)[number] | (typeof EXPORT_OPTIONS)[number] | (typeof SHEET_OPTIONS)[number] | 'kind' | 'sheet' | 'crs' | 'by' | 'top' | 'limit' | 'from' | 'server' | 'user', string>>
    let positionals: string[]
    try {
      const parsed = parseArgs({
        args: joinNegativeCounts(rest),
        options: {
          db: { type: 'string' },
          json: { type: 'boolean', default: false },
          force: { type: 'boolean', default: false },
          remove: { type: 'boolean' },
          ...Object.fromEntries(GENERATE_OPTIONS.map((name) => [name, { type: 'string' } as const])),
          ...Object.fromEntries([...EXPORT_OPTIONS, ...SHEET_OPTIONS].map((name) => [name, { type: 'string' } as const])),
          kind: { type: 'string' },
          sheet: { type: 'string' },
          crs: { type: 'string' },
          'dry-run': { type: 'boolean' },
          'skip-invalid': { type: 'boolean' },
          handbook: { type: 'boolean' },
          by: { type: 'string' },
          land: { type: 'boolean' },
          top: { type: 'string' },
          limit: { type: 'string' },
          from: { type: 'string' },
          yes: { type: 'boolean' },
          server: { type: 'string' },
          user: { type: 'string' },
        },
        strict: true,
        allowPositionals: true,
      })
      values = parsed.values
      positionals = parsed.positionals
    } catch (error) {
      throw new CliError(`${describeArgError(error)}\n${USAGE}`, 2)
    }
    for (const name of new Set(Object.values(OWN_OPTIONS).flat())) {
      if (values[name as keyof typeof values] === undefined || OWN_OPTIONS[command ?? '']?.includes(name)) continue
      const owners = Object.keys(OWN_OPTIONS).filter((c) => OWN_OPTIONS[c]!.includes(name))
      throw new CliError(`参数有误：--${name} 只用于 ${owners.join('/')} / --${name} is for ${owners.join('/')} only\n${USAGE}`, 2)
    }
    if (positionals.length > (command === 'import' ? 1 : 0)) throw new CliError(`参数有误：多余的参数 ${positionals.join(' ')} / unexpected argument ${positionals.join(' ')}\n${USAGE}`, 2)
    if (!command || command === 'help' || command === '--help') {
      output.out(USAGE)
      return command ? 0 : 2
    }
    const db = values.db
    if (!db) throw new CliError(`参数有误：缺少 --db FILE（数据文件） / --db FILE is missing\n${USAGE}`, 2)
    if (['demo', 'stats', 'check', 'generate', 'import', 'export', 'sheet', 'backup', 'restore', 'sync'].includes(command)) checkDbPath(db)
    switch (command) {
      case 'demo':
        await demoCommand(db, { force: values.force ?? false, remove: values.remove ?? false }, output)
        return 0
      case 'stats':
        await statsCommand(db, { json: values.json ?? false, by: values.by, land: values.land, top: values.top, limit: values.limit }, output)
        return 0
      case 'check':
        await checkCommand(db, output)
        return 0
      case 'generate':
        await generateCommand(db, values, values.force ?? false, output)
        return 0
      case 'import':
        return await importCommand(positionals[0], db, {
          kind: values.kind, sheet: values.sheet, crs: values.crs, dryRun: values['dry-run'] ?? false, skipInvalid: values['skip-invalid'] ?? false,
          json: values.json ?? false,
        }, output)
      case 'export':
        await exportCommand(db, values, output)
        return 0
      case 'sheet':
        await sheetCommand(db, values, output)
        return 0
      case 'backup':
        await backupCommand(db, { out: values.out, force: values.force ?? false, json: values.json ?? false }, output)
        return 0
      case 'restore':
        await restoreCommand(db, { from: values.from, json: values.json ?? false }, output)
        return 0
      case 'sync':
        return await syncCommand(db, { server: values.server, user: values.user, json: values.json ?? false }, output)
      default:
        throw new CliError(`未知命令：${command} / unknown command ${command}\n${USAGE}`, 2)
    }
  } catch (error) {
    if (error instanceof CliError) {
      output.err(`错误：${error.message}`)
      return error.exitCode
    }
    output.err(`错误：${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}

const isEntry = process.argv[1] !== undefined && /cli[\\/]main\.(ts|js)$/.test(process.argv[1])
if (isEntry) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code))
}
