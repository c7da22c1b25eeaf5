// Asking a password on the terminal without echoing it.

export class NoTerminalError extends Error {}

/** Reads one line typed at the terminal, showing nothing. */
export function askHidden(prompt: string): Promise<string> {
  const input = process.stdin
  if (!input.isTTY) {
    return Promise.reject(new NoTerminalError('密码：请设置环境变量 SITE_ATLAS_PASSWORD，或在终端中运行以输入密码'))
  }
  process.stderr.write(prompt)
  return new Promise((resolve, reject) => {
    let typed = ''
    input.setRawMode(true)
    input.resume()
    input.setEncoding('utf8')
    const finish = (error: Error | null) => {
      input.setRawMode(false)
      input.pause()
      input.off('data', onData)
      process.stderr.write('\n')
      if (error) reject(error)
      else resolve(typed)
    }
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(null)
        if (ch === '\u0003') return finish(new Error('已取消'))
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1)
        else if (ch >= ' ') typed += ch
      }
    }
    input.on('data', onData)
  })
}
