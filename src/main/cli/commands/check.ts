import { LATEST_SCHEMA_VERSION } from '../../store/migrations'
import { duplicateFloorUnits } from '../../store/spaceLayout'
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
    // Duplicates stored before one space per floor + unit was enforced are listed, not deleted:
    // which of the two is right is for a person to say.
    if (problems.length === 0) {
      const duplicates = await duplicateFloorUnits(store.db)
      output.out(`同层同单元重复空间：${duplicates.length === 0 ? '无' : `${duplicates.length} 处（警告，未删除；请在楼宇页面合并或删除多余的一条）`}`)
      for (const d of duplicates.slice(0, 50)) {
        output.out(`  警告：${d.buildingName} ${d.floorLabel} 层${d.unit ? ` ${d.unit} 单元` : '（未分单元）'} 登记了 ${d.spaceIds.length} 次（空间编号 ${d.spaceIds.join('、')}）`)
      }
      if (duplicates.length > 50) output.out(`  …… 另有 ${duplicates.length - 50} 处`)
    }
    if (problems.length > 0) throw new CliError(problems.join('\n'))
  } finally {
    await store.close()
  }
}
