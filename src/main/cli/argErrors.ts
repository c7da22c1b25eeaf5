import fs from 'node:fs'
import path from 'node:path'
import { CliError } from './output'

// The command line's own complaints, each one line in Chinese with the English after it: what
// node:util's parseArgs says in English only, and the --db path checked before any store opens.

/** One line for a parseArgs error: the Chinese sentence, then the first sentence of Node's own. */
export function describeArgError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const english = message.split('\n')[0]!.replace(/\. To specify .*$/, '.')
  const option = /Option '([^' ]+)/.exec(message)?.[1] ?? /Unknown option '([^']+)'/.exec(message)?.[1] ?? ''
  let chinese: string
  if (/argument missing/.test(message)) chinese = `${option} 后面缺少取值`
  else if (/argument is ambiguous/.test(message)) chinese = `${option} 后面缺少取值（下一个参数以 - 开头；如果它就是取值，请写成 ${option}=取值）`
  else if (/does not take an argument/.test(message)) chinese = `${option} 是开关，不带取值`
  else if (/Unknown option/.test(message)) chinese = `没有 ${option} 这个选项`
  else chinese = '无法识别命令行参数'
  return `参数有误：${chinese} / ${english}`
}

/**
 * Refuses a --db path that cannot be a data file: a folder, or a file in a folder that does not
 * exist (almost always a typo, so the folder is never made for it).
 */
export function checkDbPath(file: string): void {
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  if (stat?.isDirectory()) {
    throw new CliError(`--db：${file} 是一个文件夹，请给出其中的数据文件，如 ${path.join(file, 'atlas.db')} / --db names a folder, not a data file`)
  }
  if (stat) return
  const folder = path.dirname(path.resolve(file))
  const parent = fs.statSync(folder, { throwIfNoEntry: false })
  if (!parent) throw new CliError(`--db：文件夹 ${folder} 不存在，请检查路径是否有误 / the folder ${folder} does not exist`)
  if (!parent.isDirectory()) throw new CliError(`--db：${folder} 不是文件夹 / ${folder} is not a folder`)
}
