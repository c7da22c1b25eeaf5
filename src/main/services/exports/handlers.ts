import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import { DomainError } from '../../../shared/result'
import type { FeatureHandlers } from '../context'
import { localToday } from '../demo/dates'
import { exportFilePath, exportsDir, findExport, recordExport, sweepExports } from './files'
import { planExport, planFileName, writeExport } from './run'

// exports.start makes the file in a job (progress: rows read of rows to read; cancel deletes the
// partial file); the job's resultId is the export's id, which exports.get describes and the hosts
// serve at exports/<id> (browser download, Electron save dialog).

export const exportHandlers = {
  'exports.start': async (input, ctx) => {
    const plan = await planExport(ctx, input)
    await fs.mkdir(exportsDir(ctx.dataDir), { recursive: true })
    await sweepExports(ctx.dataDir)
    const id = randomUUID()
    const fileName = planFileName(plan, localToday())
    const job = ctx.jobs.start('export', null, 0, async (progress, signal) => {
      await writeExport(ctx, plan, exportFilePath(ctx.dataDir, id, plan.format), progress, signal)
      await recordExport(ctx.dataDir, { id, fileName, format: plan.format, createdAt: new Date().toISOString() })
      progress.resultId = id
      return { state: 'done', message: progress.message === null || progress.message.startsWith('正在') ? `已导出：${fileName}` : progress.message }
    })
    return { jobId: job.id }
  },

  'exports.get': async ({ id }, ctx) => {
    const found = await findExport(ctx.dataDir, id)
    if (!found) throw new DomainError('not_found', '导出文件：找不到（可能尚未完成，或已在一天后清理）', 'id')
    const { filePath: _path, ...file } = found
    return file
  },
} satisfies FeatureHandlers<'exports'>
