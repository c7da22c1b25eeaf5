import type pg from 'pg'
import { syncServerSetInput } from '../../shared/sync'
import { SERVER_ROLES, type ServerRole } from '../../shared/syncProtocol'
import { roleName } from './app'
import { hashPassword, PASSWORD_PARAMS, passwordProblem, type ScryptParams } from './passwords'
import * as accounts from './pg/accounts'
import { askHidden } from './terminal'

// `npm run server -- --pg URL user add|passwd|role|disable|enable|list …`: the accounts, kept in the
// team server's database. A password comes from SITE_ATLAS_PASSWORD or is typed (twice) at the terminal.

export class UserCommandError extends Error {}

export const USER_USAGE = `  user add NAME --role viewer|editor|admin   新建账号（密码取自 SITE_ATLAS_PASSWORD，或在终端输入）
  user passwd NAME                           修改密码（该账号所有设备需重新登录）
  user role NAME --role viewer|editor|admin  修改角色
  user disable NAME / user enable NAME       停用 / 恢复账号（停用即注销其所有设备）
  user list [--json]                         列出账号`

export interface UserCommandInput {
  args: string[]
  role?: string
  json?: boolean
  passwordParams?: ScryptParams
  out: (line: string) => void
}

function checkName(name: string | undefined): string {
  if (name === undefined) throw new UserCommandError('账号：请给出账号名')
  const parsed = syncServerSetInput.shape.user.safeParse(name)
  if (!parsed.success) throw new UserCommandError(parsed.error.issues[0]?.message ?? '账号：格式不对')
  return parsed.data
}

function checkRole(role: string | undefined): ServerRole {
  if (role === undefined) throw new UserCommandError('角色：请用 --role 给出 viewer、editor 或 admin')
  if (!(SERVER_ROLES as readonly string[]).includes(role)) throw new UserCommandError(`角色：「${role}」不是 viewer、editor 或 admin`)
  return role as ServerRole
}

async function newPassword(name: string): Promise<string> {
  let password = process.env.SITE_ATLAS_PASSWORD
  if (password === undefined || password === '') {
    password = await askHidden(`账号 ${name} 的新密码：`)
    const again = await askHidden('再输入一次：')
    if (again !== password) throw new UserCommandError('密码：两次输入不一致')
  }
  const problem = passwordProblem(password)
  if (problem) throw new UserCommandError(problem)
  return password
}

const missing = (name: string) => new UserCommandError(`账号 ${name}：不存在（npm run server -- --pg … user list 可列出账号）`)

export async function userCommand(pool: pg.Pool, input: UserCommandInput): Promise<void> {
  const [action, name, positionalRole] = input.args
  const params = input.passwordParams ?? PASSWORD_PARAMS
  switch (action) {
    case 'add': {
      const user = checkName(name)
      const role = checkRole(input.role ?? positionalRole)
      const hash = await hashPassword(await newPassword(user), params)
      if (!(await accounts.insertUser(pool, user, role, hash))) throw new UserCommandError(`账号 ${user}：已存在（改密码用 user passwd）`)
      input.out(`已新建账号 ${user}（${roleName(role)}）`)
      return
    }
    case 'passwd': {
      const user = checkName(name)
      if (!(await accounts.findUser(pool, user))) throw missing(user)
      const hash = await hashPassword(await newPassword(user), params)
      if (!(await accounts.setPassword(pool, user, hash))) throw missing(user)
      input.out(`已修改账号 ${user} 的密码；其设备需重新登录`)
      return
    }
    case 'role': {
      const user = checkName(name)
      const role = checkRole(input.role ?? positionalRole)
      if (!(await accounts.setRole(pool, user, role))) throw missing(user)
      input.out(`账号 ${user} 现为${roleName(role)}`)
      return
    }
    case 'disable':
    case 'enable': {
      const user = checkName(name)
      if (!(await accounts.setDisabled(pool, user, action === 'disable'))) throw missing(user)
      input.out(action === 'disable' ? `已停用账号 ${user}，其设备均已注销` : `已恢复账号 ${user}`)
      return
    }
    case 'list': {
      const users = await accounts.listUsers(pool)
      if (input.json) {
        input.out(
          JSON.stringify(
            users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString(), lastLoginAt: u.lastLoginAt?.toISOString() ?? null })),
          ),
        )
        return
      }
      if (users.length === 0) input.out('还没有账号：用 user add NAME --role admin 新建')
      for (const u of users) {
        const last = u.lastLoginAt ? `最近登录 ${u.lastLoginAt.toISOString()}` : '从未登录'
        input.out(`${u.name}\t${roleName(u.role)}${u.disabled ? '（已停用）' : ''}\t${last}`)
      }
      return
    }
    default:
      throw new UserCommandError(`user ${action ?? ''}：不认识的命令\n${USER_USAGE}`)
  }
}
