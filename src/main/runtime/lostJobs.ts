import type { Result } from '../../shared/result'
import type { Job } from '../../shared/types'

// Jobs run in the writer and live in its memory: when the writer is replaced (it crashed, or was
// stopped stuck), its jobs go with it, and the new writer has never heard of them. The host
// remembers which writer started each job, so the wizard polling one is told it failed, and why,
// instead of "not found".

/** The methods that start a job (answered `{ jobId }`), and the kind of job. */
export const JOB_STARTS: Readonly<Record<string, Job['kind']>> = {
  'imports.run': 'import',
  'exports.start': 'export',
  'basemaps.downloadArea': 'download',
}

const LOST_MESSAGES: Record<Job['kind'], string> = {
  import: '导入任务中断：后台数据进程已重启，导入未完成。导入要么全部写入、要么完全不写，请在“导入记录”中确认后重新导入',
  export: '导出任务中断：后台数据进程已重启，文件未生成，请重新导出',
  download: '下载任务中断：后台数据进程已重启，下载未完成，请重新开始下载（已缓存的瓦片不会重复下载）',
}

/** Jobs remembered at once (the oldest forgotten first): ids are small, but a host runs for days. */
const MAX_REMEMBERED = 1000

interface Started {
  kind: Job['kind']
  /** The writer process (its generation) that runs it. */
  generation: number
  startedAt: string
}

export class JobOrigins {
  private readonly started = new Map<string, Started>()

  /** Notes the job a job-starting call's answer names, as run by this writer generation. */
  record(method: string, result: Result<unknown>, generation: number): void {
    if (!Object.hasOwn(JOB_STARTS, method) || !result.ok) return
    const kind = JOB_STARTS[method]!
    const jobId = (result.value as { jobId?: unknown } | null)?.jobId
    if (typeof jobId !== 'string') return
    if (this.started.size >= MAX_REMEMBERED) this.started.delete(this.started.keys().next().value!)
    this.started.set(jobId, { kind, generation, startedAt: new Date().toISOString() })
  }

  /**
   * The answer to jobs.get / jobs.cancel for a job lost with an earlier writer, or null when the
   * job is the current writer's (or unknown here) and the writer should answer.
   */
  answerLost(method: string, input: unknown, generation: number): Result<unknown> | null {
    if (method !== 'jobs.get' && method !== 'jobs.cancel') return null
    const id = (input as { id?: unknown } | null)?.id
    const started = typeof id === 'string' ? this.started.get(id) : undefined
    if (!started || started.generation >= generation) return null
    // Nothing runs any more: cancelling it is already done.
    if (method === 'jobs.cancel') return { ok: true, value: null }
    const job: Job = {
      id: id as string,
      kind: started.kind,
      state: 'failed',
      done: 0,
      total: 0,
      bytes: 0,
      failed: 0,
      message: LOST_MESSAGES[started.kind],
      resultId: null,
      startedAt: started.startedAt,
      finishedAt: null,
    }
    return { ok: true, value: job }
  }
}
