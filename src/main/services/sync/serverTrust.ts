import fs from 'node:fs'
import path from 'node:path'
import tls from 'node:tls'

// How a laptop trusts a team server's certificate. A bureau's server usually has a certificate of
// its own (its IT department's CA, or one made for it), which no laptop trusts by default. Two
// ways, both without touching the system's certificate store:
// - `server-ca.pem` in the data folder (beside the data file; the command line: beside --db): the
//   CA certificate(s), PEM. Trusted for the team server only, in addition to the public CAs, so a
//   server with a public certificate keeps working and no other connection trusts the team's CA.
// - NODE_EXTRA_CA_CERTS=<file> when the app or command starts (Node's own setting; it applies to
//   every connection of that process).
// Nothing is pinned by fingerprint: a renewed certificate from the same CA keeps working.

export const SERVER_CA_FILE = 'server-ca.pem'
const MAX_CA_BYTES = 1024 * 1024

/** The certificates to trust for the team server, or undefined for the system's (no server-ca.pem). */
export function serverTrust(dataDir: string): string[] | undefined {
  const file = path.join(dataDir, SERVER_CA_FILE)
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    return undefined
  }
  if (!stat.isFile() || stat.size > MAX_CA_BYTES) throw new Error(`${SERVER_CA_FILE}：不是证书文件或超过 1 MB`)
  const pem = fs.readFileSync(file, 'utf8')
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error(`${SERVER_CA_FILE}：不是 PEM 格式的证书`)
  return [...tls.rootCertificates, pem]
}
