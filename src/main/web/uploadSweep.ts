import path from 'node:path'
import { UPLOAD_SWEEP_EVERY_MS, UPLOAD_TTL_MS, UploadRegistry } from '../services/uploads/registry'

/**
 * The browser host's clean-up of uploads: once when it holds the store (every upload left by an
 * earlier run: nothing of it is still in use; only one host holds a store), then every UPLOAD_SWEEP_EVERY_MS those unused for
 * UPLOAD_TTL_MS. Answers a stop function; the timer never keeps the process alive.
 */
export function startUploadSweep(dataDir: string, ready: Promise<void>, every = UPLOAD_SWEEP_EVERY_MS, ttl = UPLOAD_TTL_MS): () => void {
  const uploads = new UploadRegistry(path.join(dataDir, 'uploads'))
  const sweep = (ttlMs: number) => {
    try {
      uploads.sweepStale(Date.now(), ttlMs)
    } catch (error) {
      console.error('[site-atlas] upload sweep failed:', error)
    }
  }
  let stopped = false
  // Everything untouched since this host started: an upload the page began meanwhile stays.
  const started = Date.now()
  ready.then(() => { if (!stopped) sweep(Math.max(1, Date.now() - started)) }, () => undefined)
  const timer = setInterval(() => sweep(ttl), every)
  timer.unref()
  return () => {
    stopped = true
    clearInterval(timer)
  }
}
