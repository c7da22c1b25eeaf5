import type http from 'node:http'

// Refusing a request whose body is still arriving. Closing at once makes the kernel answer the
// client's next bytes with a reset, and the client loses the answer it was sent (it saw
// "connection reset", never the 413). So the answer goes out first (headers and body, with
// Connection: close), the rest of the body is read and thrown away, and only then is the answer
// ended and the connection closed. A client that keeps sending past DRAIN_BYTES or DRAIN_MS is cut.

const DRAIN_BYTES = 64 * 1024 * 1024
const DRAIN_MS = 10_000

export function refuseWhileReading(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  body: string,
  type = 'application/json; charset=utf-8',
): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const bytes = Buffer.from(body)
  res.writeHead(status, {
    'content-type': type,
    'content-length': bytes.length,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    connection: 'close',
  })
  res.write(bytes)
  if (req.complete || req.readableEnded) {
    res.end()
    return
  }
  let drained = 0
  const finish = () => {
    clearTimeout(timer)
    req.removeListener('data', count)
    if (!res.writableEnded) res.end()
  }
  const cut = () => {
    finish()
    req.socket.destroy()
  }
  const count = (chunk: Buffer) => {
    drained += chunk.length
    if (drained > DRAIN_BYTES) cut()
  }
  const timer = setTimeout(cut, DRAIN_MS)
  timer.unref()
  req.unpipe()
  req.on('data', count)
  req.once('end', finish)
  req.once('error', cut)
  req.resume()
}
