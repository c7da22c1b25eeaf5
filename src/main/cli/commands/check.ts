import { LATEST_SCHEMA_VERSION } from '../../store/migrations'
import { CliError, type Output } from '../output'
import { openForCommand } from '../store'

/** Integrity and foreign-key checks, read-only: prints the schema version; throws on any problem. */
export async function checkCommand(file: string, output: Output): Promise<void> {
  const store = await openForCommand(file, { readonly: true })
  try {
    const problems: string[] = []
    let integrity: string[] = []
    let foreignKeys: unknown[] = []
    try {
      integrity = (store.sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check)
      foreignKeys = store.sqlite.pragma('foreign_key_check') as unknown[]
    } catch (error) {
      throw new CliError(`${file} 已损坏：${(error as Error).message}`)
    }
    if (!(integrity.length === 1 && integrity[0] === 'ok')) problems.push(`完整性检查未通过：${integrity.slice(0, 5).join('；')}`)
    if (foreignKeys.length > 0) problems.push(`外键检查发现 ${foreignKeys.length} 处引用了不存在的记录`)

    output.out(`数据文件：${file}`)
    output.out(`数据结构版本：${store.schemaVersion}（本程序最新：${LATEST_SCHEMA_VERSION}）${store.schemaVersion < LATEST_SCHEMA_VERSION ? '，打开时将自动升级' : ''}`)
    output.out(`完整性检查：${problems.some((p) => p.startsWith('完整性')) ? '未通过' : '通过'}`)
    output.out(`外键检查：${foreignKeys.length > 0 ? '未通过' : '通过'}`)
    if (problems.length > 0) throw new CliError(problems.join('\n'))
  } finally {
    await store.close()
  }
}
