import { randomUUID } from 'node:crypto'
import fsp from 'node:fs/promises'
import type { ImportPreview } from '../../../shared/imports'
import { DomainError } from '../../../shared/result'
import { listBatches } from '../../store/imports'
import { getSetting } from '../../store/settings'
import { HLC_KEY, write } from '../../store/writer'
import type { FeatureHandlers, ServiceContext } from '../context'
import { applyPlan } from './apply'
import { inspectTable, planImport } from './importer'
import { type KeptPlan, optionsKey, ParsedUploads } from './parsedUploads'
import type { RawTable } from './table'
import { undoImport } from './undo'
import { backupBefore } from '../backup/engine'

// imports.*: inspect an uploaded file, dry run, run as a job (all or nothing), list and undo.
// The upload is kept for inspect and preview and discarded once an import has run.

function uploadOf(ctx: ServiceContext, uploadId: string) {
  const upload = ctx.uploads.get(uploadId)
  if (!upload) throw new DomainError('not_found', '导入文件：找不到该上传文件（可能已导入或已过期），请重新选择文件', 'uploadId')
  return upload
}

/** Tables read from uploads, kept for the wizard's next call on the same upload (see parsedUploads.ts). */
export const parsedUploads = new ParsedUploads()

async function readUpload(ctx: ServiceContext, uploadId: string, signal?: AbortSignal): Promise<{ table: RawTable; fileName: string }> {
  const upload = uploadOf(ctx, uploadId)
  // An upload imported (or discarded) elsewhere — the run is the writer's — frees its table here too.
  parsedUploads.dropWhere((id) => !ctx.uploads.get(id))
  const stat = await fsp.stat(upload.path).catch(() => null)
  const file = stat ? { size: stat.size, mtimeMs: stat.mtimeMs } : null
  const kept = file && parsedUploads.table(uploadId, file)
  if (kept) return { table: kept, fileName: upload.originalName }
  // The readers (exceljs, shapefile, KML …) load on the first import, not when the app starts.
  const { readTable } = await import('./read/index')
  const table = await readTable(upload.path, upload.originalName, { signal })
  if (file) parsedUploads.keepTable(uploadId, file, table)
  return { table, fileName: upload.originalName }
}

/** What a plan depends on besides the table: the options, the store, and today (leases current or past). */
function planKey(ctx: ServiceContext, options: object): string {
  const today = new Date()
  return `${ctx.store.file}|${today.getFullYear()}-${today.getMonth() + 1}-${today.getDate()}|${optionsKey(options)}`
}

/** A one-line Chinese summary of an import, for the job's message and the command line. */
export function summary(preview: ImportPreview, written: boolean): string {
  const rejectedRows = new Set(preview.rejected.map((p) => p.row)).size
  const verb = written ? '已导入' : '将导入'
  const skipped = rejectedRows > 0 ? `，跳过 ${rejectedRows} 行有问题的数据` : ''
  return `${verb}：新增 ${preview.created}，更新 ${preview.updated}${skipped}`
}

export const importHandlers = {
  'imports.inspect': async ({ uploadId, sheet, headerRow }, ctx) => {
    const { table, fileName } = await readUpload(ctx, uploadId)
    return inspectTable(table, uploadId, fileName, { sheet, headerRow })
  },

  'imports.preview': async ({ uploadId, ...options }, ctx) => {
    const { table } = await readUpload(ctx, uploadId)
    const storeStamp = await getSetting(ctx.store.db, HLC_KEY)
    const plan = await planImport(ctx.store.db, ctx.resourcesDir, table, options)
    // Kept for a run with the same options, unless the store changed while planning.
    if ((await getSetting(ctx.store.db, HLC_KEY)) === storeStamp) parsedUploads.keepPlan(uploadId, { key: planKey(ctx, options), storeStamp, plan })
    return plan.preview
  },

  'imports.run': async ({ uploadId, skipInvalid, ...options }, ctx) => {
    uploadOf(ctx, uploadId)
    const job = ctx.jobs.start('import', `import:${uploadId}`, 0, async (progress, signal) => {
      progress.message = '正在读取文件'
      const { table, fileName } = await readUpload(ctx, uploadId, signal)
      progress.message = '正在检查数据'
      const outcome = await runImport(ctx, table, fileName, options, {
        skipInvalid,
        planned: parsedUploads.plan(uploadId, planKey(ctx, options)),
        keepPlan: (plan) => parsedUploads.keepPlan(uploadId, { ...plan, key: planKey(ctx, options) }),
        signal,
        onProgress: (done, total) => Object.assign(progress, { done, total, message: `正在写入 ${done}/${total} 行` }),
      })
      parsedUploads.drop(uploadId)
      await ctx.uploads.discard(uploadId)
      progress.resultId = outcome.batchId
      return { state: 'done', message: summary(outcome.preview, true) }
    })
    return { jobId: job.id }
  },

  'imports.list': async (_input, { store }) => listBatches(store.db),

  'imports.undo': async ({ id }, ctx) => undoImport(ctx, id),
} satisfies FeatureHandlers<'imports'>

export interface RunOptions {
  skipInvalid?: boolean
  dryRun?: boolean
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
  /** A plan made by a preview: used when the store has not been written since (else planned again). */
  planned?: KeptPlan | null
  /** Told of a plan made here (outside the write), so a refused run retried with skipInvalid reuses it. */
  keepPlan?: (plan: Omit<KeptPlan, 'key'>) => void
}

/** Plans made outside the write before a last one is made inside it (another save landing each time). */
const PLAN_ATTEMPTS = 3

/** The write's plan was made before another save landed: plan again, outside the write. */
class StalePlan extends Error {}

/** A plan made on the store's connection outside any transaction, with the stamp it is valid at. */
async function planOutside(ctx: ServiceContext, table: RawTable, options: Parameters<typeof planImport>[3]): Promise<Omit<KeptPlan, 'key'> | null> {
  const storeStamp = await getSetting(ctx.store.db, HLC_KEY)
  const plan = await planImport(ctx.store.db, ctx.resourcesDir, table, options)
  // A save landed while planning: the plan may mix before and after.
  return (await getSetting(ctx.store.db, HLC_KEY)) === storeStamp ? { storeStamp, plan } : null
}

/**
 * Plans and writes an import in one transaction. Without skipInvalid any rejected row refuses the
 * whole import (nothing written); a dry run plans and writes nothing. Shared by the job and the CLI.
 * The plan (seconds for a large sheet) is made before the write takes the store's write lock, so
 * other saves are not held up meanwhile: the write applies it only if no save landed since it was
 * made (the store's clock stamp is unchanged), else it is planned again outside. Only after
 * PLAN_ATTEMPTS such races is it planned inside the write, so a busy store still gets its import.
 */
export async function runImport(
  ctx: ServiceContext,
  table: RawTable,
  fileName: string,
  options: Parameters<typeof planImport>[3],
  run: RunOptions = {},
): Promise<{ preview: ImportPreview; batchId: string | null }> {
  if (run.dryRun) return { preview: (await planImport(ctx.store.db, ctx.resourcesDir, table, options)).preview, batchId: null }
  await backupBefore(ctx, 'before-import')
  const batchId = randomUUID()
  let preview: ImportPreview | null = null
  let planned: Omit<KeptPlan, 'key'> | null = run.planned ?? null
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= PLAN_ATTEMPTS
    if (!planned && !last) {
      planned = await planOutside(ctx, table, options)
      if (planned) run.keepPlan?.(planned)
      if (!planned) continue
    }
    try {
      await write(ctx.store.db, ctx.author, async (w) => {
        const valid = planned && planned.storeStamp === w.previousStamp ? planned.plan : null
        if (!valid && !last) throw new StalePlan()
        const plan = valid ?? (await planImport(w.trx, ctx.resourcesDir, table, options))
        preview = plan.preview
        if (plan.preview.rejected.length > 0 && !run.skipInvalid) throw new Refused(plan.preview)
        if (plan.groups.length === 0) throw new Refused(plan.preview)
        await applyPlan(ctx.store, w, plan, { id: batchId, fileName }, { signal: run.signal, onProgress: run.onProgress })
      })
      return { preview: preview!, batchId }
    } catch (error) {
      if (error instanceof StalePlan) {
        planned = null
        continue
      }
      if (error instanceof Refused) throw error.asDomainError()
      throw error
    }
  }
}

/** An import refused for its rejected rows (or nothing to import): the preview says why. */
export class Refused extends Error {
  constructor(readonly preview: ImportPreview) {
    super('refused')
  }

  asDomainError(): ImportRefusedError {
    return new ImportRefusedError(this.preview)
  }
}

export class ImportRefusedError extends DomainError {
  constructor(readonly preview: ImportPreview) {
    const rows = new Set(preview.rejected.map((p) => p.row)).size
    const first = preview.rejected[0]
    super(
      'invalid',
      rows > 0
        ? `导入：有 ${rows} 行数据有问题，未写入任何数据（第 ${first!.row} 行 ${first!.message}）；请修改文件，或选择跳过有问题的行`
        : '导入：没有可导入的数据行，未写入任何数据',
    )
  }
}
