import os from 'node:os'
import type pg from 'pg'
import { listQuarantined, quarantineOp, servedOps } from './pg/quarantine'
import { describeIssue, syncOpSchema } from './validate'

// `npm run server -- --pg URL ops check|quarantine|quarantined …`: the admin's way out when the
// database holds an operation laptops refuse (stored before the server checked what they check):
// every laptop's pull stops at it until it is quarantined.

export class OpsCommandError extends Error {}

export const OPS_USAGE = `  ops check [--json]                          列出服务器上笔记本会拒收的操作（会卡住所有人的同步）
  ops quarantine OP_ID                        隔离一条操作：保留但不再发给笔记本，也不计入合并结果（不可撤销）
  ops quarantined [--json]                    列出已隔离的操作`

export interface OpsCommandInput {
  args: string[]
  json?: boolean
  out: (line: string) => void
}

export async function opsCommand(pool: pg.Pool, input: OpsCommandInput): Promise<void> {
  const [action, opId] = input.args
  switch (action) {
    case 'check': {
      const found: Array<{ id: string; problem: string }> = []
      for await (const page of servedOps(pool)) {
        for (const op of page) {
          const parsed = syncOpSchema.safeParse(op)
          if (!parsed.success) found.push({ id: op.id, problem: describeIssue(parsed.error) })
        }
      }
      if (input.json) return input.out(JSON.stringify(found))
      if (found.length === 0) return input.out('没有笔记本会拒收的操作')
      for (const f of found) input.out(`${f.id}\t${f.problem}`)
      input.out(`共 ${found.length} 条；用 ops quarantine OP_ID 逐条隔离`)
      return
    }
    case 'quarantine': {
      if (!opId) throw new OpsCommandError('操作编号：请给出要隔离的操作编号（ops check 可列出）')
      const result = await quarantineOp(pool, opId, `${os.userInfo().username}@${os.hostname()}`)
      if (result === 'missing') throw new OpsCommandError(`操作 ${opId}：不存在`)
      input.out(result === 'already' ? `操作 ${opId} 早已隔离` : `已隔离操作 ${opId}：不再发给笔记本`)
      return
    }
    case 'quarantined': {
      const list = await listQuarantined(pool)
      if (input.json) return input.out(JSON.stringify(list.map((q) => ({ ...q, quarantinedAt: q.quarantinedAt.toISOString() }))))
      if (list.length === 0) return input.out('没有已隔离的操作')
      for (const q of list) {
        input.out(`${q.id}\t${q.table}/${q.row}${q.field ? `.${q.field}` : ''}\t设备 ${q.device}，由 ${q.receivedBy} 上传\t${q.quarantinedAt.toISOString()} 由 ${q.quarantinedBy} 隔离`)
      }
      return
    }
    default:
      throw new OpsCommandError(`ops ${action ?? ''}：不认识的命令\n${OPS_USAGE}`)
  }
}
