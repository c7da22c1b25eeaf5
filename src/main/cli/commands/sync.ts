import { syncServerSetInput } from '../../../shared/sync'
import { DomainError } from '../../../shared/result'
import { runServerSync } from '../../services/sync/serverRun'
import { setServer } from '../../store/syncServer'
import { CliError, type Output } from '../output'
import { openForCommand, servicesFor } from '../store'

// npm run cli -- sync --db F --server URL --user NAME [--json]: one sync with the team server
// (services/sync/serverRun.ts), as the app's "sync now". The password comes from the environment
// (SITE_ATLAS_PASSWORD), never from the command line, where other users of the computer and the
// shell's history would see it. A server or person other than the file's last one starts afresh.

export const SYNC_USAGE = `sync  --db FILE --server URL --user NAME [--json]
                              与团队服务器同步（上传本机修改、下载同事的修改并合并）；密码取自环境变量 SITE_ATLAS_PASSWORD`

export const PASSWORD_ENV = 'SITE_ATLAS_PASSWORD'

export interface SyncCommandOptions {
  server?: string
  user?: string
  json: boolean
  /** The environment to read the password from (tests). */
  env?: NodeJS.ProcessEnv
}

export async function syncCommand(file: string, options: SyncCommandOptions, output: Output): Promise<number> {
  if (!options.server) throw new CliError(`参数有误：缺少 --server URL（团队服务器地址） / --server URL is missing\n${SYNC_USAGE}`, 2)
  if (!options.user) throw new CliError(`参数有误：缺少 --user NAME（账号） / --user NAME is missing\n${SYNC_USAGE}`, 2)
  const checked = syncServerSetInput.safeParse({ url: options.server, user: options.user })
  if (!checked.success) throw new CliError(checked.error.issues.map((i) => i.message).join('；'), 2)
  const password = (options.env ?? process.env)[PASSWORD_ENV]
  if (!password) {
    throw new CliError(`缺少密码：请在环境变量 ${PASSWORD_ENV} 中给出 ${checked.data.user} 的密码 / set the password in ${PASSWORD_ENV}`, 2)
  }
  const store = await openForCommand(file, { mustExist: true })
  try {
    const services = await servicesFor(store)
    await setServer(store, checked.data.url.replace(/\/+$/, ''), checked.data.user)
    const result = await runServerSync(services.ctx, { password })
    const { pushed, pulled, applied, conflicts } = result
    if (options.json) output.out(JSON.stringify({ pushed, pulled, applied, conflicts }))
    else {
      output.out(`已与 ${result.server.url} 同步（${result.server.user}，${roleName(result.server.role)}）`)
      output.out(`上传 ${pushed} 条修改；下载 ${pulled} 条，其中新合并 ${applied} 条；待处理冲突 ${conflicts} 个`)
    }
    if (result.pushBlocked) output.err(result.pushBlocked)
    await services.shutdown()
    return 0
  } catch (error) {
    if (error instanceof DomainError) throw new CliError(error.message)
    throw error
  } finally {
    await store.close()
  }
}

const roleName = (role: string | null) => (role === 'viewer' ? '只读' : role === 'admin' ? '管理员' : role === 'editor' ? '可编辑' : '未知权限')
