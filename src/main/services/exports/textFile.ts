import fs from 'node:fs'
import { once } from 'node:events'

// A text file written in chunks with the stream's back-pressure respected, for CSV and GeoJSON.

const CHUNK = 64 * 1024

export interface TextFile {
  write(text: string): Promise<void>
  /** Writes what is buffered and closes the file. */
  end(): Promise<void>
  /** Closes the file without finishing it (the caller deletes it). */
  abort(): Promise<void>
}

export function openTextFile(file: string): TextFile {
  const out = fs.createWriteStream(file)
  let buffered: string[] = []
  let size = 0
  const flush = async () => {
    if (buffered.length === 0) return
    const text = buffered.join('')
    buffered = []
    size = 0
    if (!out.write(text, 'utf8')) await once(out, 'drain')
  }
  return {
    async write(text) {
      buffered.push(text)
      size += text.length
      if (size >= CHUNK) await flush()
    },
    async end() {
      await flush()
      out.end()
      await once(out, 'close')
    },
    async abort() {
      if (out.closed) return
      out.destroy()
      await once(out, 'close').catch(() => {})
    },
  }
}
