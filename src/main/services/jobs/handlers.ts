import { DomainError } from '../../../shared/result'
import type { FeatureHandlers } from '../context'

export const jobHandlers = {
  'jobs.get': async ({ id }, { jobs }) => {
    const job = jobs.get(id)
    if (!job) throw new DomainError('not_found', '任务：找不到该任务（可能已结束很久或程序已重启）', 'id')
    return job
  },

  'jobs.cancel': async ({ id }, { jobs }) => {
    if (!jobs.cancel(id)) throw new DomainError('not_found', '任务：找不到该任务（可能已结束很久或程序已重启）', 'id')
    return null
  },
} satisfies FeatureHandlers<'jobs'>
