import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

// Passwords kept as scrypt hashes (memory-hard, in node:crypto). The parameters are stored with each
// hash, so the cost can rise later: a hash made with weaker ones than today's is made again at the
// next successful login.

export interface ScryptParams {
  N: number
  r: number
  p: number
  keylen: number
}

/** 2^17 × 8 × 128 bytes = 128 MiB of memory per hash: costly to guess at scale, fine for a login. */
export const PASSWORD_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1, keylen: 32 }

export interface PasswordHash {
  hash: Buffer
  salt: Buffer
  params: ScryptParams
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // maxmem above the 128·N·r bytes scrypt needs (Node refuses above its 32 MiB default otherwise).
  const maxmem = 128 * params.N * params.r * params.p + 64 * 1024 * 1024
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, params.keylen, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

export async function hashPassword(password: string, params: ScryptParams = PASSWORD_PARAMS): Promise<PasswordHash> {
  const salt = randomBytes(16)
  return { hash: await derive(password, salt, params), salt, params }
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const key = await derive(password, stored.salt, stored.params)
  return key.length === stored.hash.length && timingSafeEqual(key, stored.hash)
}

/** Made with weaker parameters than `current`: worth hashing again. */
export function weakerThan(params: ScryptParams, current: ScryptParams = PASSWORD_PARAMS): boolean {
  return params.N < current.N || params.r < current.r || params.p < current.p || params.keylen < current.keylen
}

/** A password a person may choose: checked by the admin command before it is hashed. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码：至少 8 个字符'
  if (password.length > 200) return '密码：最多 200 个字符'
  return null
}
