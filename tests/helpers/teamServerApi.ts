import type { SyncOp } from '../../src/shared/sync'
import { PROTOCOL_PREFIX } from '../../src/shared/syncProtocol'
import { encodeHlc } from '../../src/main/store/hlc'

// Talking to a team server in tests: one call of the protocol, and operations made the way a
// laptop's change log makes them.

export interface ApiAnswer<T = unknown> {
  status: number
  body: T
}

export async function api<T = any>(
  base: string,
  route: string,
  options: { method?: string; token?: string; json?: unknown; bytes?: Uint8Array; headers?: Record<string, string> } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let body: string | Uint8Array<ArrayBuffer> | undefined
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(options.json)
  } else if (options.bytes) {
    headers['content-type'] ??= 'application/octet-stream'
    body = new Uint8Array(options.bytes)
  }
  const method = options.method ?? (body === undefined ? 'GET' : 'POST')
  const res = await fetch(`${base}${PROTOCOL_PREFIX}${route}`, { method, headers, body })
  const type = res.headers.get('content-type') ?? ''
  const parsed = type.startsWith('application/json') ? await res.json() : new Uint8Array(await res.arrayBuffer())
  return { status: res.status, body: parsed as T }
}

export async function login(base: string, user: string, password: string, device = 'dev-test'): Promise<string> {
  const res = await api<{ token: string }>(base, '/login', { json: { user, password, device } })
  if (res.status !== 200) throw new Error(`login ${user}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token
}

/** Every operation after `after`, page by page as a laptop follows the cursor. */
export async function pullAll(base: string, token: string, after = '0', limit?: number): Promise<{ ops: SyncOp[]; cursor: string }> {
  const ops: SyncOp[] = []
  let cursor = after
  for (;;) {
    const res = await api<{ ops: SyncOp[]; cursor: string; more: boolean }>(
      base,
      `/pull?after=${cursor}${limit ? `&limit=${limit}` : ''}`,
      { token },
    )
    if (res.status !== 200) throw new Error(`pull: ${res.status} ${JSON.stringify(res.body)}`)
    ops.push(...res.body.ops)
    cursor = res.body.cursor
    if (!res.body.more) return { ops, cursor }
  }
}

/** A device writing operations as a store's change log does: one stamp per write, ids `<hlc>:<seq>`. */
export class FakeDevice {
  private wall: number
  private counter = 0
  private seq = 0
  constructor(
    readonly id: string,
    readonly actor = `person-${id}`,
    start = Date.UTC(2026, 10, 1),
  ) {
    this.wall = start
  }

  /** One operation; `pred` as the writer would fill it. */
  op(table: string, row: string, kind: SyncOp['op'], field: string | null, value: unknown, pred: string[] = []): SyncOp {
    this.wall += 1 + (this.seq % 7)
    this.counter = (this.counter + 1) % 16
    this.seq += 1
    const hlc = encodeHlc({ wall: this.wall, counter: this.counter }, this.id)
    return {
      id: `${hlc}:${this.seq}`,
      hlc,
      device: this.id,
      actor: this.actor,
      at: new Date(this.wall).toISOString(),
      table,
      row,
      op: kind,
      field,
      old: null,
      value: value === undefined ? null : JSON.stringify(value),
      pred,
    }
  }
}
